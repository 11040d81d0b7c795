import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import resourcesToBackend from 'i18next-resources-to-backend'
import { StrictMode, startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { getInitialNamespaces } from 'remix-i18next/client'
import { i18nConfig } from '#app/i18n/config.ts'

async function hydrate() {
  await i18next
    .use(initReactI18next)
    // Each language is its own small, cached file: a browser loads only the
    // language of the page, and another only when the reader switches.
    .use(resourcesToBackend((lng: string, ns: string) => import(`./locales/${lng}/${ns}.json`)))
    .init({
      ...i18nConfig,
      ns: getInitialNamespaces(),
      lng: document.documentElement.lang,
      // Every key exists in every language (a test checks), so the browser
      // never needs to download English as a fallback.
      fallbackLng: false,
    })

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()

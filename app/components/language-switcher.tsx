import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useCloseOnNavigation } from '#app/components/use-close-on-navigation.ts'
import { isLocale, langDir, LOCALE_NAMES, SUPPORTED_LOCALES } from '#app/i18n/config.ts'

/** A menu of the four languages; a plain form, so it works without JavaScript. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const details = useCloseOnNavigation()
  const current = isLocale(i18n.language) ? i18n.language : 'en'
  return (
    <details className="menu language-switcher" ref={details}>
      {/* Its name holds what it shows: the language's name, and on phones its code (WCAG 2.5.3). */}
      <summary aria-label={`${current.toUpperCase()} · ${t('language.choose', { language: LOCALE_NAMES[current] })}`}>
        <GlobeIcon />
        <span className="menu__label">{LOCALE_NAMES[current]}</span>
        <span className="menu__label--short" aria-hidden="true">
          {current.toUpperCase()}
        </span>
      </summary>
      <Form method="post" action="/language" className="menu__panel">
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        {SUPPORTED_LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            {...langDir(locale)}
            className="menu__item"
            aria-current={locale === current ? 'true' : undefined}
          >
            {LOCALE_NAMES[locale]}
          </button>
        ))}
      </Form>
    </details>
  )
}

function GlobeIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path
        d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  )
}

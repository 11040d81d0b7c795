import {
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { getSession } from '#app/auth/guards.server.ts'
import { readSessionToken, sessionCookie } from '#app/auth/session.server.ts'
import { ErrorPage } from '#app/components/error-page.tsx'
import { SiteFooter } from '#app/components/site-footer.tsx'
import { SiteHeader } from '#app/components/site-header.tsx'
import { DEFAULT_LOCALE, localeDirection } from '#app/i18n/config.ts'
import { getLocale } from '#app/i18n/i18n.server.ts'
import { useNonce } from '#app/utils/nonce.tsx'
import { useRootData } from '#app/utils/root-data.ts'
import arabic400 from '@fontsource/noto-sans-arabic/arabic-400.css?url'
import arabic700 from '@fontsource/noto-sans-arabic/arabic-700.css?url'
import appStyles from '#app/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Trellis' }]

export const handle = { i18n: ['common'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const [session, locale] = await Promise.all([getSession(request), getLocale(request)])
  const headers = new Headers()
  const token = readSessionToken(request)
  // Sliding expiry: a renewed session sends its cookie again with the new date.
  if (session?.renewed && token) {
    headers.append('Set-Cookie', sessionCookie(request, token, session.expiresAt))
  }
  const user = session
    ? { displayName: session.user.displayName, role: session.user.role }
    : null
  return data({ locale, user }, { headers })
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRootData()
  const { i18n } = useTranslation()
  const locale = rootData?.locale ?? i18n.language ?? DEFAULT_LOCALE
  const nonce = useNonce()
  // Marks the page as interactive (the end-to-end tests wait for it).
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        {locale === 'ar' ? (
          <>
            <link rel="stylesheet" href={arabic400} />
            <link rel="stylesheet" href={arabic700} />
          </>
        ) : null}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  )
}

export default function App() {
  const rootData = useRootData()
  useChangeLanguage(rootData?.locale ?? DEFAULT_LOCALE)
  return (
    <Shell>
      <Outlet />
    </Shell>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  return (
    <Shell>
      <ErrorPage error={error} />
    </Shell>
  )
}

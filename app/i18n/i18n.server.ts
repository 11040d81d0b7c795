import { createCookie } from '@remix-run/node'
import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { getUser } from '#app/auth/guards.server.ts'
import { pickAcceptedLocale } from './accept-language.ts'
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, i18nConfig, type Locale } from './config.ts'
import { resources } from './resources.server.ts'

/** Set by the language switcher; lasts a year. */
export const localeCookie = createCookie('trellis_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/**
 * Picks the language of a request, first match wins:
 * `?lang=` in the URL, the switcher's cookie, the signed-in user's profile,
 * the browser's Accept-Language, English.
 */
export function createLocaleDetector(findUserLocale: (request: Request) => Promise<string | null>) {
  return new RemixI18Next({
    detection: {
      supportedLanguages: [...SUPPORTED_LOCALES],
      fallbackLanguage: DEFAULT_LOCALE,
      cookie: localeCookie,
      searchParamKey: 'lang',
      // `custom`: the profile, then the browser's whole Accept-Language list.
      order: ['searchParams', 'cookie', 'custom'],
      findLocale: async (request) =>
        (await findUserLocale(request)) ?? pickAcceptedLocale(request.headers.get('Accept-Language')),
    },
    i18next: { ...i18nConfig, resources },
  })
}

export const i18nServer = createLocaleDetector(
  async (request) => (await getUser(request))?.preferredLocale ?? null,
)

export async function getLocale(request: Request): Promise<Locale> {
  return (await i18nServer.getLocale(request)) as Locale
}

// One i18next instance per language, made once and shared by every request:
// translations never change while the server runs and no request changes an
// instance's language, so nothing is set up (or resources copied) per request.
const instances = new Map<Locale, Promise<I18n>>()

/** The shared i18next instance of a language, for rendering and for `t` in loaders. */
export function i18nFor(locale: Locale): Promise<I18n> {
  let instance = instances.get(locale)
  if (!instance) {
    const made = createInstance()
    instance = made
      .use(initReactI18next)
      .init({ ...i18nConfig, lng: locale, resources })
      .then(() => made)
    instances.set(locale, instance)
  }
  return instance
}

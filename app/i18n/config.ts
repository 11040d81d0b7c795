import { PASSWORD_MIN_LENGTH } from '#app/auth/password.ts'

export const SUPPORTED_LOCALES = ['en', 'fr', 'es', 'ar'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Each language's name in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
}

const RTL_LOCALES: ReadonlySet<string> = new Set(['ar'])

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

export function localeDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr'
}

/**
 * The `lang` and `dir` attributes of text in `lang`: text in another language
 * than the page (an English stand-in lesson or course title in an Arabic page)
 * keeps its own direction, so its full stops and bullets stay at its own end.
 */
export function langDir(lang: string | undefined) {
  return lang ? ({ lang, dir: localeDirection(lang) } as const) : {}
}

/** i18next options shared by the server and the browser. */
export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: 'common',
  ns: ['common'],
  interpolation: {
    escapeValue: false,
    // Available to every string, so rules and their messages cannot drift apart.
    defaultVariables: { minPasswordLength: PASSWORD_MIN_LENGTH },
  },
  react: { useSuspense: false },
}

/** A language's name in the reader's language ("anglais", "الإنجليزية"). */
export function languageName(code: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

import type { Locale } from '#app/i18n/config.ts'

/** A text in the reader's language, else in the course's default language. */
export function pickLocalized<T>(
  texts: Partial<Record<Locale, T>> | undefined,
  locale: Locale,
  fallback: Locale,
): { value: T; locale: Locale } | null {
  if (!texts) return null
  const own = texts[locale]
  if (own !== undefined) return { value: own, locale }
  const other = texts[fallback]
  return other === undefined ? null : { value: other, locale: fallback }
}

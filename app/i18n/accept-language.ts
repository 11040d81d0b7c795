import { SUPPORTED_LOCALES, type Locale } from './config.ts'

/**
 * The supported language the browser ranks highest in its Accept-Language
 * header, or null. Unlike remix-i18next's header step, which only looks at
 * the browser's first language, this walks the whole list: a reader who
 * prefers Portuguese, then Spanish, gets Spanish rather than English.
 */
export function pickAcceptedLocale(header: string | null | undefined): Locale | null {
  if (!header) return null
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q ? Number(q.slice(2)) : 1
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', quality, index }
    })
    .filter((entry) => entry.language && Number.isFinite(entry.quality) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  const match = ranked.find((entry) => (SUPPORTED_LOCALES as readonly string[]).includes(entry.language))
  return (match?.language as Locale | undefined) ?? null
}

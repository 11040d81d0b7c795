import countries from 'i18n-iso-countries'
import ar from 'i18n-iso-countries/langs/ar.json'
import en from 'i18n-iso-countries/langs/en.json'
import es from 'i18n-iso-countries/langs/es.json'
import fr from 'i18n-iso-countries/langs/fr.json'
import type { Locale } from '#app/i18n/config.ts'

for (const data of [en, fr, es, ar]) countries.registerLocale(data)

export type CountryOption = { code: string; name: string }

const cache = new Map<Locale, CountryOption[]>()

/** Every ISO 3166-1 country, named and sorted in the reader's language. */
export function countryOptions(locale: Locale): CountryOption[] {
  let options = cache.get(locale)
  if (!options) {
    const names = countries.getNames(locale, { select: 'official' })
    const collator = new Intl.Collator(locale)
    options = Object.entries(names)
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => collator.compare(a.name, b.name))
    cache.set(locale, options)
  }
  return options
}

export function countryName(code: string, locale: Locale): string {
  return countries.getName(code, locale, { select: 'official' }) ?? code
}

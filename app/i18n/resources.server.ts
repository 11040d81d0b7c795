import ar from '#app/locales/ar/common.json'
import en from '#app/locales/en/common.json'
import es from '#app/locales/es/common.json'
import fr from '#app/locales/fr/common.json'
import type { Locale } from './config.ts'

/** Every UI string, for server rendering (the browser loads only its own). */
export const resources: Record<Locale, { common: typeof en }> = {
  en: { common: en },
  fr: { common: fr },
  es: { common: es },
  ar: { common: ar },
}

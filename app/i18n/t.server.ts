import { getLocale, i18nFor } from './i18n.server.ts'

/** The reader's locale and a translation function for it, for loaders and actions. */
export async function getTranslator(request: Request) {
  const locale = await getLocale(request)
  const t = (await i18nFor(locale)).getFixedT(locale, 'common')
  return { locale, t }
}

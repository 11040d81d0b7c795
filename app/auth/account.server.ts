import type { Locale } from '#app/i18n/config.ts'
import { db } from '#app/utils/db.server.ts'

export async function setPreferredLocale(userId: string, locale: Locale) {
  await db.user.update({ where: { id: userId }, data: { preferredLocale: locale } })
}

import { redirect } from '@remix-run/node'
import type { Locale } from '#app/i18n/config.ts'
import { localeCookie } from '#app/i18n/i18n.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'
import { sessionCookie } from './session.server.ts'

/**
 * The response that completes a sign-in or registration: the session cookie,
 * the language cookie when one should be set, and a redirect to where the
 * person was going (their own area by default).
 */
export async function redirectSignedIn(
  request: Request,
  session: { token: string; expiresAt: Date },
  { locale, redirectTo }: { locale: Locale | null; redirectTo: FormDataEntryValue | string | null | undefined },
) {
  const headers = new Headers()
  headers.append('Set-Cookie', sessionCookie(request, session.token, session.expiresAt))
  if (locale) headers.append('Set-Cookie', await localeCookie.serialize(locale))
  return redirect(safeRedirect(redirectTo, '/me'), { headers })
}

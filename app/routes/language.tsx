import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getUser } from '#app/auth/guards.server.ts'
import { isLocale } from '#app/i18n/config.ts'
import { localeCookie } from '#app/i18n/i18n.server.ts'
import { setPreferredLocale } from '#app/auth/account.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'

export function loader() {
  return redirect('/')
}

/** The language switcher: remembers the choice in a cookie and the profile. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const locale = form.get('locale')
  // A `?lang=` left in the address would override the choice just made.
  const back = safeRedirect(form.get('redirectTo'), '/', { dropParams: ['lang'] })
  if (!isLocale(locale)) return redirect(back)
  const user = await getUser(request)
  if (user) await setPreferredLocale(user.id, locale)
  return redirect(back, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } })
}

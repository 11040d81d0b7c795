import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getSession } from '#app/auth/guards.server.ts'
import { clearedSessionCookie, invalidateSession } from '#app/auth/session.server.ts'

// Signing out is a POST (a link or image on another site must not sign anyone out).
export function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request)
  if (session) await invalidateSession(session.sessionId)
  return redirect('/', { headers: { 'Set-Cookie': clearedSessionCookie(request) } })
}

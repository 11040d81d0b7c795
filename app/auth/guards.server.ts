import { redirect } from '@remix-run/node'
import { pathWithSearch } from '#app/utils/redirect.ts'
import { hasRole, type Role } from './roles.ts'
import {
  readSessionToken,
  validateSessionToken,
  type SessionUser,
  type ValidatedSession,
} from './session.server.ts'

// Loaders of one request share one lookup.
const sessions = new WeakMap<Request, Promise<ValidatedSession | null>>()

export function getSession(request: Request): Promise<ValidatedSession | null> {
  let session = sessions.get(request)
  if (!session) {
    const token = readSessionToken(request)
    session = token ? validateSessionToken(token) : Promise.resolve(null)
    sessions.set(request, session)
  }
  return session
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null
}

/** The signed-in user; anyone else is sent to /login and brought back after. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (!user) {
    const params = new URLSearchParams({ redirectTo: pathWithSearch(request) })
    throw redirect(`/login?${params}`)
  }
  return user
}

/** The signed-in user if their role allows `role`; else 403 (or /login). */
export async function requireRole(request: Request, role: Role): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!hasRole(user.role, role)) {
    throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
  }
  return user
}

/** For the sign-in and registration pages: signed-in users go to their area. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect('/me')
}

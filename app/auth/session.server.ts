import { parse as parseCookies, serialize as serializeCookie } from 'cookie'
import { db } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import {
  generateSessionToken,
  isWellFormedToken,
  newExpiry,
  sessionIdFromToken,
  sessionState,
} from './session.ts'

export const SESSION_COOKIE = 'trellis_session'

const userFields = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  preferredLocale: true,
  country: true,
  stakeholderGroup: true,
  organisation: true,
} as const

export type SessionUser = {
  id: string
  email: string
  displayName: string
  role: string
  preferredLocale: string
  country: string
  stakeholderGroup: string
  organisation: string | null
}

export type ValidatedSession = {
  sessionId: string
  user: SessionUser
  expiresAt: Date
  /** True when this request extended the session: the cookie must be re-sent. */
  renewed: boolean
}

/** Opens a session; `userAgent` (app/auth/device.ts storedUserAgent) names the device in the list of sessions. */
export async function createSession(userId: string, now = new Date(), userAgent: string | null = null) {
  const token = generateSessionToken()
  const expiresAt = newExpiry(now)
  await db.session.create({ data: { id: sessionIdFromToken(token), userId, expiresAt, userAgent } })
  return { token, expiresAt }
}

export async function validateSessionToken(
  token: string,
  now = new Date(),
): Promise<ValidatedSession | null> {
  if (!isWellFormedToken(token)) return null
  const sessionId = sessionIdFromToken(token)
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { ...userFields, deactivatedAt: true, deletedAt: true } } },
  })
  if (!session) return null
  // Deactivating or deleting an account ends its sessions; this guards the moment between.
  const { deactivatedAt, deletedAt, ...user } = session.user
  if (deactivatedAt || deletedAt) return null
  const state = sessionState(session.expiresAt, now)
  if (state === 'expired') {
    await db.session.deleteMany({ where: { id: sessionId } })
    return null
  }
  if (state === 'renew') {
    const expiresAt = newExpiry(now)
    await db.session.update({ where: { id: sessionId }, data: { expiresAt } })
    return { sessionId, user, expiresAt, renewed: true }
  }
  return { sessionId, user, expiresAt: session.expiresAt, renewed: false }
}

export async function invalidateSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } })
}

export async function invalidateUserSessions(userId: string) {
  await db.session.deleteMany({ where: { userId } })
}

/** Removes every expired session; run at start-up and at each sign-in. */
export async function deleteExpiredSessions(now = new Date()) {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } })
  return count
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get('Cookie')
  if (!header) return null
  return parseCookies(header)[SESSION_COOKIE] ?? null
}

/** Secure cookies over HTTPS (or always/never when SECURE_COOKIES says so). */
export function useSecureCookies(request: Request): boolean {
  if (env.SECURE_COOKIES === 'true') return true
  if (env.SECURE_COOKIES === 'false') return false
  return new URL(request.url).protocol === 'https:'
}

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  return serializeCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: useSecureCookies(request),
    path: '/',
    expires: expiresAt,
  })
}

export function clearedSessionCookie(request: Request): string {
  return serializeCookie(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: useSecureCookies(request),
    path: '/',
    maxAge: 0,
  })
}

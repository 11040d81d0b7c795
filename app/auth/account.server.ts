import type { Locale } from '#app/i18n/config.ts'
import { db } from '#app/utils/db.server.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import { passwordProblem } from './password.ts'
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from './rate-limit.server.ts'

export async function setPreferredLocale(userId: string, locale: Locale) {
  await db.user.update({ where: { id: userId }, data: { preferredLocale: locale } })
}

// A signed-in person's own password and sessions (the "Password and sessions"
// page). Sessions are the rows of `Session`: the id is the SHA-256 of the
// cookie's token, so showing or posting it back cannot be used to sign in.

export type ChangePasswordErrors = { currentPassword?: string; newPassword?: string }

export type ChangePasswordResult =
  | { ok: true; otherSessionsEnded: number }
  | { ok: false; reason: 'invalid'; errors: ChangePasswordErrors }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * Changes a password after checking the current one, then signs the person
 * out everywhere but here (`currentSessionId`). Errors are translation keys.
 * Wrong current passwords count as failed sign-ins of the account, so a
 * borrowed session cannot be used to guess the password faster than the
 * sign-in page allows.
 */
export async function changePassword(
  userId: string,
  currentSessionId: string,
  current: string,
  next: string,
  ip = 'unknown',
): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } })
  const retryAfterSeconds = await loginRetryAfter(user.email, ip)
  if (retryAfterSeconds > 0) return { ok: false, reason: 'throttled', retryAfterSeconds }

  // Both fields are checked, so both problems show at once, in the form's order.
  const errors: ChangePasswordErrors = {}
  if (!current) errors.currentPassword = 'account.errors.currentRequired'
  else if (!(await verifyPassword(user.passwordHash, current))) {
    await recordLoginFailure(user.email, ip)
    errors.currentPassword = 'account.errors.currentWrong'
  }
  const problem = passwordProblem(next, user.email)
  if (problem) errors.newPassword = `errors.${problem}`
  else if (next === current) errors.newPassword = 'account.errors.samePassword'
  if (errors.currentPassword || errors.newPassword) return { ok: false, reason: 'invalid', errors }

  const passwordHash = await hashPassword(next)
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId, id: { not: currentSessionId } } }),
  ])
  await clearLoginFailures(user.email)
  return { ok: true, otherSessionsEnded: ended.count }
}

export type ActiveSession = { id: string; createdAt: Date; expiresAt: Date; userAgent: string | null; current: boolean }

/** The person's unexpired sessions: this one first, then the newest first. */
export async function listSessions(userId: string, currentSessionId: string, now = new Date()): Promise<ActiveSession[]> {
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    select: { id: true, createdAt: true, expiresAt: true, userAgent: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  })
  const sessions = rows.map((row) => ({ ...row, current: row.id === currentSessionId }))
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)]
}

export type EndSessionResult = 'ended' | 'notFound' | 'current'

/**
 * Ends one of the person's other sessions. Someone else's session is
 * "notFound", as is one already ended; this one is refused (signing out
 * ends it, and clears the cookie too).
 */
export async function endSession(userId: string, currentSessionId: string, sessionId: string): Promise<EndSessionResult> {
  if (sessionId === currentSessionId) return 'current'
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } })
  return count > 0 ? 'ended' : 'notFound'
}

/** Ends every session of the person but this one; returns how many ended. */
export async function endOtherSessions(userId: string, currentSessionId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: currentSessionId } } })
  return count
}

import { db } from '#app/utils/db.server.ts'
import { verifyAgainstDummy, verifyPassword } from './password.server.ts'
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from './rate-limit.server.ts'
import { createSession, deleteExpiredSessions } from './session.server.ts'

export type LoginResult =
  | { ok: true; userId: string; preferredLocale: string; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'deactivated' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * Checks an email and password and opens a session. Wrong email and wrong
 * password look the same from outside; too many failures make the account
 * (and the address) wait.
 */
export async function login({ email, password, ip, userAgent = null }: { email: string; password: string; ip: string; userAgent?: string | null }): Promise<LoginResult> {
  const retryAfterSeconds = await loginRetryAfter(email, ip)
  if (retryAfterSeconds > 0) return { ok: false, reason: 'throttled', retryAfterSeconds }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, preferredLocale: true, deactivatedAt: true },
  })
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password)
  if (!user || !valid) {
    await recordLoginFailure(email, ip)
    return { ok: false, reason: 'invalid' }
  }

  await clearLoginFailures(email)
  // Said only to someone who knows the password: it reveals nothing to others.
  if (user.deactivatedAt) return { ok: false, reason: 'deactivated' }
  await deleteExpiredSessions()
  const { token, expiresAt } = await createSession(user.id, new Date(), userAgent)
  return { ok: true, userId: user.id, preferredLocale: user.preferredLocale, token, expiresAt }
}

import { RateLimiterPrisma } from 'rate-limiter-flexible'
import { db } from '#app/utils/db.server.ts'
import { hashPassword } from './password.server.ts'
import type { Registration } from './profile.ts'
import { createSession } from './session.server.ts'

export type RegisterResult =
  | { ok: true; userId: string; token: string; expiresAt: Date }
  | { ok: false; reason: 'emailTaken' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

// Registrations are limited per network address: accounts cannot be made in
// bulk, and "this email already has an account" cannot be asked of many
// addresses. A workshop of 40 sharing one connection still registers.
const WINDOW_SECONDS = 60 * 60
export const MAX_REGISTRATIONS_PER_IP = 60
export const MAX_TAKEN_ANSWERS_PER_IP = 10
const limiter = (keyPrefix: string, points: number) =>
  new RateLimiterPrisma({ storeClient: db, tableName: 'rateLimiterFlexible', keyPrefix, points, duration: WINDOW_SECONDS })
const attemptsPerIp = limiter('register_ip', MAX_REGISTRATIONS_PER_IP)
const takenPerIp = limiter('register_taken_ip', MAX_TAKEN_ANSWERS_PER_IP)

async function registrationRetryAfter(ip: string): Promise<number> {
  const [attempts, taken] = await Promise.all([attemptsPerIp.get(ip), takenPerIp.get(ip)])
  const waits = [
    attempts && attempts.consumedPoints >= MAX_REGISTRATIONS_PER_IP ? attempts.msBeforeNext : 0,
    taken && taken.consumedPoints >= MAX_TAKEN_ANSWERS_PER_IP ? taken.msBeforeNext : 0,
  ]
  return Math.ceil(Math.max(...waits) / 1000)
}

/** Creates a learner account and signs them in. */
export async function register(input: Registration, userAgent: string | null = null, ip = 'unknown'): Promise<RegisterResult> {
  const retryAfterSeconds = await registrationRetryAfter(ip)
  if (retryAfterSeconds > 0) return { ok: false, reason: 'throttled', retryAfterSeconds }
  await attemptsPerIp.consume(ip).catch(() => undefined)
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } })
  if (existing) {
    await takenPerIp.consume(ip).catch(() => undefined)
    return { ok: false, reason: 'emailTaken' }
  }
  const passwordHash = await hashPassword(input.password)
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        country: input.country,
        stakeholderGroup: input.stakeholderGroup,
        organisation: input.organisation,
        preferredLocale: input.preferredLocale,
        role: 'learner',
      },
      select: { id: true },
    })
    const { token, expiresAt } = await createSession(user.id, new Date(), userAgent)
    return { ok: true, userId: user.id, token, expiresAt }
  } catch (error) {
    // Two registrations with one email at the same moment: the unique index wins.
    if (isUniqueViolation(error)) return { ok: false, reason: 'emailTaken' }
    throw error
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002'
}

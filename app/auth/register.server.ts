import { db } from '#app/utils/db.server.ts'
import { hashPassword } from './password.server.ts'
import type { Registration } from './profile.ts'
import { createSession } from './session.server.ts'

export type RegisterResult =
  | { ok: true; userId: string; token: string; expiresAt: Date }
  | { ok: false; reason: 'emailTaken' }

/** Creates a learner account and signs them in. */
export async function register(input: Registration, userAgent: string | null = null): Promise<RegisterResult> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } })
  if (existing) return { ok: false, reason: 'emailTaken' }
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

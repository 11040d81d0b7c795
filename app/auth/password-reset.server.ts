import { RateLimiterPrisma } from 'rate-limiter-flexible'
import { isLocale, type Locale } from '#app/i18n/config.ts'
import { i18nFor } from '#app/i18n/i18n.server.ts'
import { db } from '#app/utils/db.server.ts'
import { sendMail } from '#app/utils/mail.server.ts'
import { hashPassword } from './password.server.ts'
import { passwordProblem } from './password.ts'
import { resetLinkExpiry, resetLinkPath, resetLinkState, type ResetLinkState } from './password-reset.ts'
import { clearLoginFailures } from './rate-limit.server.ts'
import { createSession } from './session.server.ts'
import { generateSessionToken, isWellFormedToken, sessionIdFromToken } from './session.ts'

// Password reset links (docs in the README, "Forgotten passwords"). A link is
// made when someone asks by email, or by an admin to hand over in person.

/** Makes a reset link for an account; returns the token for the link (shown once). */
export async function createResetToken(userId: string, createdById: string | null = null, now = new Date()): Promise<string> {
  const token = generateSessionToken()
  await db.$transaction([
    // Old links of the account that can no longer be used are tidied away.
    db.passwordResetToken.deleteMany({ where: { userId, OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] } }),
    db.passwordResetToken.create({ data: { id: sessionIdFromToken(token), userId, expiresAt: resetLinkExpiry(now), createdById, createdAt: now } }),
  ])
  return token
}

export type ResetLinkLookup = { state: 'valid'; userId: string; email: string; preferredLocale: string } | { state: Exclude<ResetLinkState, 'valid'> | 'unknown' }

/** What a reset link in an address leads to. */
export async function findResetLink(token: string | undefined, now = new Date()): Promise<ResetLinkLookup> {
  if (!isWellFormedToken(token)) return { state: 'unknown' }
  const link = await db.passwordResetToken.findUnique({
    where: { id: sessionIdFromToken(token) },
    select: { userId: true, expiresAt: true, usedAt: true, user: { select: { email: true, preferredLocale: true, deactivatedAt: true, deletedAt: true } } },
  })
  if (!link || link.user.deactivatedAt || link.user.deletedAt) return { state: 'unknown' }
  const state = resetLinkState(link, now)
  return state === 'valid' ? { state, userId: link.userId, email: link.user.email, preferredLocale: link.user.preferredLocale } : { state }
}

export type ResetPasswordResult =
  | { ok: true; session: { token: string; expiresAt: Date }; preferredLocale: string }
  | { ok: false; reason: 'link'; state: Exclude<ResetLinkLookup['state'], 'valid'> }
  | { ok: false; reason: 'password'; error: string }

/**
 * Sets a new password through a reset link. The link is spent at once (two
 * submissions racing cannot both use it), every session of the account ends
 * and the person is signed in afresh here.
 */
export async function resetPassword(token: string | undefined, password: string, now = new Date(), userAgent: string | null = null): Promise<ResetPasswordResult> {
  const link = await findResetLink(token, now)
  if (link.state !== 'valid') return { ok: false, reason: 'link', state: link.state }
  const problem = passwordProblem(password, link.email)
  if (problem) return { ok: false, reason: 'password', error: `errors.${problem}` }

  const passwordHash = await hashPassword(password)
  const spent = await db.$transaction(async (tx) => {
    const { count } = await tx.passwordResetToken.updateMany({
      where: { id: sessionIdFromToken(token!), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    })
    if (count !== 1) return false
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash } })
    await tx.session.deleteMany({ where: { userId: link.userId } })
    // Any other link of the account stops working too.
    await tx.passwordResetToken.deleteMany({ where: { userId: link.userId, usedAt: null } })
    return true
  })
  if (!spent) return { ok: false, reason: 'link', state: 'used' }
  await clearLoginFailures(link.email)
  return { ok: true, session: await createSession(link.userId, now, userAgent), preferredLocale: link.preferredLocale }
}

// Requests are limited so the form cannot be used to flood someone's inbox
// (per address asked for) or to probe many addresses (per network address).
const perEmail = new RateLimiterPrisma({ storeClient: db, tableName: 'rateLimiterFlexible', keyPrefix: 'reset_email', points: 3, duration: 60 * 60 })
const perIp = new RateLimiterPrisma({ storeClient: db, tableName: 'rateLimiterFlexible', keyPrefix: 'reset_ip', points: 30, duration: 60 * 60 })

async function allowed(email: string, ip: string): Promise<boolean> {
  const results = await Promise.allSettled([perEmail.consume(email), perIp.consume(ip)])
  return results.every((result) => result.status === 'fulfilled')
}

/**
 * Handles "I forgot my password" for an email address. The form answers
 * before this runs (forgot-password.tsx), so neither its words nor its timing
 * tell who is registered. `origin` is where the link points: null when no
 * trusted origin is known (PUBLIC_URL unset and the request's host not
 * allowed), and then no email is sent, since its link would come from a
 * header the sender chose.
 */
export async function requestPasswordReset({ email, ip, origin }: { email: string; ip: string; origin: string | null }): Promise<void> {
  if (!(await allowed(email, ip))) return
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, displayName: true, preferredLocale: true, deactivatedAt: true, deletedAt: true },
  })
  if (!user || user.deactivatedAt || user.deletedAt) return
  if (!origin) {
    console.warn('A password reset email was not sent: set PUBLIC_URL (or ALLOWED_HOSTS) so that its link can be trusted.')
    return
  }
  const token = await createResetToken(user.id)
  const locale: Locale = isLocale(user.preferredLocale) ? user.preferredLocale : 'en'
  const t = (await i18nFor(locale)).getFixedT(locale, 'common')
  const link = `${origin}${resetLinkPath(token)}`
  await sendMail({
    to: user.email,
    lang: locale,
    subject: t('reset.mail.subject'),
    text: t('reset.mail.body', { name: user.displayName, link, interpolation: { escapeValue: false } }),
  })
}

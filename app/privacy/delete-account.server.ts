import { verifyPassword } from '#app/auth/password.server.ts'
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from '#app/auth/rate-limit.server.ts'
import { db } from '#app/utils/db.server.ts'

// Deleting an account (the "Your data" page). Everything that names or
// describes the person goes: email, name, organisation, password, sessions,
// reflection notes, quiz answers, the notes of cascade sessions, the name and
// email on offline attendance lists and on certificates. What stays is an
// anonymous row (country and stakeholder group, as chosen at registration)
// with the dates of lessons, quizzes and courses, so the programme's report
// figures do not change; certificates keep their number and say "issued to a
// deleted account".

/** The address a deleted account is left with: unique, and never deliverable (.invalid). */
export function deletedEmail(userId: string): string {
  return `deleted-${userId}@deleted.invalid`
}

/** Updates of audit entries whose details name the person (an email or name as a whole value), with those values emptied. */
async function auditDetailsWithout(values: string[]) {
  const personal = new Set(values.filter(Boolean))
  const events = await db.auditEvent.findMany({
    where: { OR: [...personal].map((value) => ({ details: { contains: JSON.stringify(value) } })) },
    select: { id: true, details: true },
  })
  return events.map((event) => {
    const details = JSON.parse(event.details) as Record<string, unknown>
    const cleaned = Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' && personal.has(value) ? '' : value]))
    return db.auditEvent.update({ where: { id: event.id }, data: { details: JSON.stringify(cleaned) } })
  })
}

/** Removes the personal data of an account now. Not reversible. */
export async function anonymiseAccount(userId: string, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, displayName: true, deletedAt: true } })
  if (user.deletedAt) return
  const email = deletedEmail(userId)
  const certificates = (await db.certificate.findMany({ where: { userId }, select: { id: true } })).map((c) => c.id)
  await db.$transaction([
    // The audit log keeps what was done, but no longer names the person it was done to.
    db.auditEvent.updateMany({
      where: { OR: [{ targetType: 'user', targetId: userId }, { targetType: 'certificate', targetId: { in: certificates } }] },
      data: { targetLabel: '' },
    }),
    ...(await auditDetailsWithout([user.email, user.displayName])),
    // Attendance-list entries move to the anonymous address first: reports
    // still count them as this one person, not as a stranger.
    db.activityAttendee.updateMany({ where: { email: user.email }, data: { email, name: '', organisation: null, gender: null } }),
    db.user.update({
      where: { id: userId },
      data: { email, displayName: '', passwordHash: '', organisation: null, preferredLocale: 'en', deletedAt: now, deactivatedAt: null },
    }),
    db.session.deleteMany({ where: { userId } }),
    db.passwordResetToken.deleteMany({ where: { userId } }),
    db.reflectionNote.deleteMany({ where: { userId } }),
    db.quizAttempt.updateMany({ where: { userId }, data: { answers: null } }),
    db.cascadeSession.updateMany({ where: { trainerId: userId }, data: { notes: '' } }),
    db.certificate.updateMany({ where: { userId }, data: { recipientName: '' } }),
  ])
}

export type DeleteAccountResult =
  | { ok: true }
  | { ok: false; reason: 'password' }
  | { ok: false; reason: 'lastAdmin' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/** Deletes the signed-in person's account once they have typed their password. */
export async function deleteMyAccount(userId: string, password: string, ip = 'unknown'): Promise<DeleteAccountResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true, role: true } })
  const retryAfterSeconds = await loginRetryAfter(user.email, ip)
  if (retryAfterSeconds > 0) return { ok: false, reason: 'throttled', retryAfterSeconds }
  if (!password || !(await verifyPassword(user.passwordHash, password))) {
    await recordLoginFailure(user.email, ip)
    return { ok: false, reason: 'password' }
  }
  await clearLoginFailures(user.email)
  // Someone must be left to run the programme.
  if (user.role === 'admin') {
    const otherAdmins = await db.user.count({ where: { role: 'admin', id: { not: userId }, deletedAt: null, deactivatedAt: null } })
    if (otherAdmins === 0) return { ok: false, reason: 'lastAdmin' }
  }
  await anonymiseAccount(userId)
  return { ok: true }
}

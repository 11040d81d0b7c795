import type { CourseEntry } from '#app/content/load.server.ts'
import { db } from '#app/utils/db.server.ts'
import { generateCertificateId, type RevocationReason } from './certificate.ts'

export type CertificateKind = 'course' | 'trainer'

/**
 * Issues a certificate of `kind` for a course, once per learner: the current one
 * is returned if it exists. `completedAt` is the date it was earned.
 */
export async function issueCertificate(userId: string, courseSlug: string, kind: CertificateKind, completedAt: Date) {
  const existing = await db.certificate.findFirst({ where: { userId, courseSlug, kind, supersededBy: null } })
  if (existing) return existing
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true } })
  return db.certificate.create({
    data: { id: generateCertificateId(), userId, courseSlug, kind, recipientName: user.displayName, completedAt },
  })
}

/** Issues the course certificate for a completion (once per learner and course). */
export function issueCourseCertificate(userId: string, course: CourseEntry, completedAt: Date) {
  return issueCertificate(userId, course.slug, 'course', completedAt)
}

export function getCertificate(id: string) {
  return db.certificate.findUnique({ where: { id } })
}

/** The learner's current course certificates by course, for My learning and course pages. */
export async function certificatesByCourse(userId: string) {
  const certificates = await db.certificate.findMany({
    where: { userId, supersededBy: null, kind: 'course' },
    select: { id: true, courseSlug: true, revokedAt: true },
  })
  return new Map(certificates.map((c) => [c.courseSlug, c]))
}

/** The learner's current trainer certificates (one per course that certifies trainers). */
export function trainerCertificates(userId: string) {
  return db.certificate.findMany({
    where: { userId, supersededBy: null, kind: 'trainer' },
    select: { id: true, courseSlug: true, revokedAt: true, completedAt: true },
    orderBy: { issuedAt: 'asc' },
  })
}

/** The learner's current, valid certificates that show a name other than `displayName`. */
export function certificatesWithOldName(userId: string, displayName: string) {
  return db.certificate.findMany({
    where: { userId, supersededBy: null, revokedAt: null, recipientName: { not: displayName } },
    select: { id: true, courseSlug: true, kind: true, recipientName: true },
    orderBy: { issuedAt: 'asc' },
  })
}

export type ReissueResult = { ok: true; id: string } | { ok: false; reason: 'not-found' | 'not-valid' | 'same-name' }

/**
 * Reissues a learner's certificate under their current display name, after they
 * changed it: a new certificate (new number, same course, kind and completion
 * date) replaces the old one, whose page then says "superseded" and links to it.
 */
export async function reissueCertificate(id: string, userId: string): Promise<ReissueResult> {
  return db.$transaction(async (tx) => {
    const old = await tx.certificate.findUnique({ where: { id } })
    if (!old || old.userId !== userId) return { ok: false, reason: 'not-found' }
    if (old.revokedAt || old.supersededBy) return { ok: false, reason: 'not-valid' }
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true } })
    if (user.displayName === old.recipientName) return { ok: false, reason: 'same-name' }
    const replacement = await tx.certificate.create({
      data: {
        id: generateCertificateId(),
        userId,
        courseSlug: old.courseSlug,
        kind: old.kind,
        recipientName: user.displayName,
        completedAt: old.completedAt,
      },
    })
    // Only if no concurrent request superseded it first.
    const { count } = await tx.certificate.updateMany({ where: { id, supersededBy: null }, data: { supersededBy: replacement.id } })
    if (count !== 1) throw new Error('Certificate was reissued concurrently')
    return { ok: true, id: replacement.id }
  })
}

/** Revokes a certificate; returns whose it was, or null when there is none or it was revoked already. */
export async function revokeCertificate(id: string, reason: RevocationReason, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.certificate.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } })
    if (count === 0) return null
    return tx.certificate.findUniqueOrThrow({ where: { id }, select: { recipientName: true, courseSlug: true } })
  })
}

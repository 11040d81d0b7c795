import type { CourseEntry } from '#app/content/load.server.ts'
import { db } from '#app/utils/db.server.ts'
import { generateCertificateId, type RevocationReason } from './certificate.ts'

/** Issues the course certificate for a completion (once per learner and course). */
export async function issueCourseCertificate(userId: string, course: CourseEntry, completedAt: Date) {
  const existing = await db.certificate.findFirst({
    where: { userId, courseSlug: course.slug, kind: 'course', supersededBy: null },
  })
  if (existing) return existing
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true } })
  return db.certificate.create({
    data: {
      id: generateCertificateId(),
      userId,
      courseSlug: course.slug,
      kind: 'course',
      recipientName: user.displayName,
      completedAt,
    },
  })
}

export function getCertificate(id: string) {
  return db.certificate.findUnique({ where: { id } })
}

/** The learner's current certificates by course, for My learning and course pages. */
export async function certificatesByCourse(userId: string) {
  const certificates = await db.certificate.findMany({
    where: { userId, supersededBy: null },
    select: { id: true, courseSlug: true, revokedAt: true },
  })
  return new Map(certificates.map((c) => [c.courseSlug, c]))
}

export async function revokeCertificate(id: string, reason: RevocationReason, now = new Date()) {
  await db.certificate.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } })
}

import { hasRole } from '#app/auth/roles.ts'
import { findCourse } from '#app/content/catalog.server.ts'
import { db } from '#app/utils/db.server.ts'
import { issueCertificate } from './certificates.server.ts'

// Trainer certification: an educator who has completed the online part of a
// Training of Trainers course (one with `certifiesTrainers: true`) and attended
// its workshop becomes a certified trainer: role `trainer` and a trainer
// certificate. Whichever comes second (completion or attendance) certifies.

export type TrainerOutcome = { certified: true; certificateId: string } | { certified: false; waitingFor: 'completion' | 'attendance' }

/** Certifies the learner as a trainer for `courseSlug` if both conditions hold; safe to call again. */
export async function certifyTrainerIfEligible(userId: string, courseSlug: string): Promise<TrainerOutcome> {
  if (!findCourse(courseSlug)?.meta.certifiesTrainers) return { certified: false, waitingFor: 'completion' }
  const [completion, attendance] = await Promise.all([
    db.courseCompletion.findUnique({ where: { userId_courseSlug: { userId, courseSlug } } }),
    db.workshopAttendance.findUnique({ where: { userId_courseSlug: { userId, courseSlug } } }),
  ])
  if (!completion) return { certified: false, waitingFor: 'completion' }
  if (!attendance) return { certified: false, waitingFor: 'attendance' }
  // Certified on the later of the two dates.
  const certifiedOn = completion.completedAt > attendance.attendedOn ? completion.completedAt : attendance.attendedOn
  const certificate = await issueCertificate(userId, courseSlug, 'trainer', certifiedOn)
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } })
  if (!hasRole(user.role, 'trainer')) await db.user.update({ where: { id: userId }, data: { role: 'trainer' } })
  return { certified: true, certificateId: certificate.id }
}

/** Recent workshop attendance records, with whether each learner is certified yet, for the admin page. */
export async function recentWorkshopAttendance(take = 20) {
  const rows = await db.workshopAttendance.findMany({
    orderBy: { recordedAt: 'desc' },
    take,
    select: {
      courseSlug: true,
      attendedOn: true,
      user: {
        select: {
          displayName: true,
          email: true,
          certificates: { where: { kind: 'trainer', supersededBy: null }, select: { id: true, courseSlug: true } },
        },
      },
    },
  })
  return rows.map((row) => ({
    courseSlug: row.courseSlug,
    attendedOn: row.attendedOn,
    displayName: row.user.displayName,
    email: row.user.email,
    certificateId: row.user.certificates.find((c) => c.courseSlug === row.courseSlug)?.id ?? null,
  }))
}

/** Records (or corrects the date of) a learner's attendance at a course's workshop, then certifies if they are eligible. */
export async function recordWorkshopAttendance(options: { userId: string; courseSlug: string; attendedOn: Date; recordedById: string }) {
  const { userId, courseSlug, attendedOn, recordedById } = options
  await db.workshopAttendance.upsert({
    where: { userId_courseSlug: { userId, courseSlug } },
    create: { userId, courseSlug, attendedOn, recordedById },
    update: { attendedOn, recordedById },
  })
  return certifyTrainerIfEligible(userId, courseSlug)
}

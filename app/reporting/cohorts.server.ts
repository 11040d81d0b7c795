import { Prisma } from '#app/generated/prisma/client.ts'
import { recordWorkshopAttendance } from '#app/certificates/trainer.server.ts'
import { listCourses } from '#app/content/catalog.server.ts'
import type { Locale } from '#app/i18n/config.ts'
import { db } from '#app/utils/db.server.ts'
import { generateInviteCode, type CohortInput } from './cohorts.ts'
import { dateToDay, dayToDate, type Day } from './dates.ts'

// Training of Trainers cohorts in the database. Attendance marked here is the
// cohort's record (CohortMember.attendedOn, which reports count) and also the
// trainer-certification record (WorkshopAttendance), so an educator who has
// completed the online course becomes a certified trainer at once.

/** The Training of Trainers courses (those that certify trainers) a cohort can take, in the reader's language. */
export function totCourses(locale: Locale) {
  return listCourses(locale)
    .filter((course) => course.certifiesTrainers)
    .map((course) => ({ slug: course.slug, title: course.title }))
}

/** A trainer certificate that still stands: not revoked, not replaced by a reissue. */
const currentTrainerCertificate = { kind: 'trainer', revokedAt: null, supersededBy: null } as const

function cohortData(input: CohortInput) {
  return {
    name: input.name,
    country: input.country,
    courseSlug: input.courseSlug,
    startsOn: dayToDate(input.startsOn),
    endsOn: dayToDate(input.endsOn),
    facilitators: input.facilitators,
  }
}

export async function createCohort(input: CohortInput) {
  return db.cohort.create({ data: { ...cohortData(input), inviteCode: generateInviteCode() }, select: { id: true, inviteCode: true } })
}

export async function updateCohort(id: string, input: CohortInput) {
  await db.cohort.update({ where: { id }, data: cohortData(input) })
}

export type CohortSummary = {
  id: string
  name: string
  country: string
  courseSlug: string
  startsOn: Day
  endsOn: Day
  members: number
  attended: number
  certified: number
}

type CountRow = { cohortId: string; members: number | bigint; attended: number | bigint; certified: number | bigint }

/** Every cohort, newest first, with how many members it has, how many attended, how many are certified trainers. */
export async function listCohorts(): Promise<CohortSummary[]> {
  const cohorts = await db.cohort.findMany({
    orderBy: [{ startsOn: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, country: true, courseSlug: true, startsOn: true, endsOn: true },
  })
  if (cohorts.length === 0) return []
  // Counted in SQL, one row per cohort: members are never loaded here.
  const rows = await db.$queryRaw<CountRow[]>(Prisma.sql`
    SELECT m."cohortId" AS "cohortId",
           COUNT(*) AS "members",
           COUNT(m."attendedOn") AS "attended",
           COUNT(CASE WHEN EXISTS (
             SELECT 1 FROM "Certificate" cert
             WHERE cert."userId" = m."userId" AND cert."courseSlug" = c."courseSlug"
               AND cert."kind" = 'trainer' AND cert."revokedAt" IS NULL AND cert."supersededBy" IS NULL
           ) THEN 1 END) AS "certified"
    FROM "CohortMember" m
    JOIN "Cohort" c ON c."id" = m."cohortId"
    GROUP BY m."cohortId"`)
  const counts = new Map(rows.map((row) => [row.cohortId, row]))
  return cohorts.map((cohort) => {
    const count = counts.get(cohort.id)
    return {
      ...cohort,
      startsOn: dateToDay(cohort.startsOn),
      endsOn: dateToDay(cohort.endsOn),
      members: Number(count?.members ?? 0),
      attended: Number(count?.attended ?? 0),
      certified: Number(count?.certified ?? 0),
    }
  })
}

export type CohortMemberView = {
  id: string
  userId: string
  displayName: string
  email: string
  joinedAt: Date
  /** They completed the cohort's online course. */
  completedOn: Date | null
  /** The workshop day they attended, as marked in this cohort. */
  attendedOn: Day | null
  /** Their current trainer certificate for the cohort's course. */
  certificateId: string | null
}

/** A cohort's name, or null if there is no such cohort. */
export async function cohortName(id: string) {
  const cohort = await db.cohort.findUnique({ where: { id }, select: { name: true } })
  return cohort?.name ?? null
}

/** A cohort with its members and where each stands, or null. */
export async function getCohort(id: string) {
  const cohort = await db.cohort.findUnique({ where: { id } })
  if (!cohort) return null
  const { courseSlug } = cohort
  const members = await db.cohortMember.findMany({
    where: { cohortId: id },
    orderBy: { joinedAt: 'asc' },
    select: {
      id: true,
      userId: true,
      joinedAt: true,
      attendedOn: true,
      user: {
        select: {
          displayName: true,
          email: true,
          completions: { where: { courseSlug }, select: { completedAt: true } },
          certificates: { where: { courseSlug, ...currentTrainerCertificate }, select: { id: true }, orderBy: { issuedAt: 'desc' }, take: 1 },
        },
      },
    },
  })
  return {
    id: cohort.id,
    name: cohort.name,
    country: cohort.country,
    courseSlug,
    startsOn: dateToDay(cohort.startsOn),
    endsOn: dateToDay(cohort.endsOn),
    facilitators: cohort.facilitators,
    inviteCode: cohort.inviteCode,
    members: members.map(
      (member): CohortMemberView => ({
        id: member.id,
        userId: member.userId,
        displayName: member.user.displayName,
        email: member.user.email,
        joinedAt: member.joinedAt,
        completedOn: member.user.completions[0]?.completedAt ?? null,
        attendedOn: member.attendedOn ? dateToDay(member.attendedOn) : null,
        certificateId: member.user.certificates[0]?.id ?? null,
      }),
    ),
  }
}

export type CohortDetail = NonNullable<Awaited<ReturnType<typeof getCohort>>>

/** The cohort an invite link leads to (what a visitor may see of it), or null. */
export async function findCohortByInviteCode(code: string) {
  return db.cohort.findUnique({
    where: { inviteCode: code },
    select: { id: true, name: true, country: true, courseSlug: true, startsOn: true, endsOn: true },
  })
}

export async function isCohortMember(cohortId: string, userId: string) {
  return (await db.cohortMember.count({ where: { cohortId, userId } })) > 0
}

async function addMember(cohortId: string, userId: string) {
  const existing = await db.cohortMember.findUnique({ where: { cohortId_userId: { cohortId, userId } }, select: { id: true } })
  if (existing) return { alreadyMember: true }
  try {
    await db.cohortMember.create({ data: { cohortId, userId } })
    return { alreadyMember: false }
  } catch (error) {
    // Two clicks at once: the other one added them.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { alreadyMember: true }
    throw error
  }
}

/** Joins the cohort of an invite link; joining twice changes nothing. */
export async function joinCohortByCode(code: string, userId: string) {
  const cohort = await findCohortByInviteCode(code)
  if (!cohort) return { ok: false as const }
  const { alreadyMember } = await addMember(cohort.id, userId)
  return { ok: true as const, cohort, alreadyMember }
}

/** Adds the educator who has an account with this email address. */
export async function addMemberByEmail(cohortId: string, email: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, displayName: true } })
  if (!user) return { ok: false as const, reason: 'no-account' as const }
  const { alreadyMember } = await addMember(cohortId, user.id)
  return { ok: true as const, displayName: user.displayName, alreadyMember }
}

/** Removes a member from the cohort (their account, progress and any certificate stay). */
export async function removeMember(cohortId: string, memberId: string) {
  const member = await db.cohortMember.findFirst({ where: { id: memberId, cohortId }, select: { id: true, user: { select: { displayName: true } } } })
  if (!member) return null
  await db.cohortMember.delete({ where: { id: member.id } })
  return { displayName: member.user.displayName }
}

/**
 * Marks members as having attended the cohort's workshop on `attendedOn` and
 * records it for trainer certification: each one who has completed the online
 * course becomes a certified trainer. Members of other cohorts are ignored.
 */
export async function markAttendance(options: { cohortId: string; memberIds: string[]; attendedOn: Day; recordedById: string }) {
  const { cohortId, memberIds, attendedOn, recordedById } = options
  const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { courseSlug: true } })
  const members = await db.cohortMember.findMany({ where: { cohortId, id: { in: memberIds } }, select: { id: true, userId: true } })
  const day = dayToDate(attendedOn)
  let certified = 0
  for (const member of members) {
    await db.cohortMember.update({ where: { id: member.id }, data: { attendedOn: day } })
    const outcome = await recordWorkshopAttendance({ userId: member.userId, courseSlug: cohort.courseSlug, attendedOn: day, recordedById })
    if (outcome.certified) certified++
  }
  return { marked: members.length, certified }
}

/**
 * Clears members' attendance. A trainer certificate already issued stays (an
 * admin revokes it from its verification page if it was issued in error). For
 * someone not certified, the workshop record goes too, so that completing the
 * course later does not certify them on an attendance that was withdrawn,
 * unless another cohort of the same course still has them as attended.
 */
export async function unmarkAttendance(options: { cohortId: string; memberIds: string[] }) {
  const { cohortId, memberIds } = options
  const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { courseSlug: true } })
  const { courseSlug } = cohort
  const members = await db.cohortMember.findMany({ where: { cohortId, id: { in: memberIds } }, select: { id: true, userId: true } })
  let keptCertificates = 0
  for (const member of members) {
    await db.cohortMember.update({ where: { id: member.id }, data: { attendedOn: null } })
    const [certificates, attendedElsewhere] = await Promise.all([
      db.certificate.count({ where: { userId: member.userId, courseSlug, ...currentTrainerCertificate } }),
      db.cohortMember.count({ where: { userId: member.userId, attendedOn: { not: null }, cohort: { courseSlug } } }),
    ])
    if (certificates > 0) keptCertificates++
    else if (attendedElsewhere === 0) await db.workshopAttendance.deleteMany({ where: { userId: member.userId, courseSlug } })
  }
  return { unmarked: members.length, keptCertificates }
}

import { Prisma } from '#app/generated/prisma/client.ts'
import { db } from '#app/utils/db.server.ts'
import { addDays, dayToDate, periodInstants, type Period } from './dates.ts'
import { chartBuckets, type Figure, type Filters } from './figures.ts'
import { countryFiguresSql, participantFiguresSql, participantsByBarSql } from './figures.server.ts'

// Everything the admin dashboard, the programme report, their CSV files and the
// JSON endpoint show, for one period and one set of filters. Each figure is an
// aggregate query (see figures.server.ts for the shared rules).

type Count = { additional: number; total: number }

const stored = (date: Date) => date.toISOString().replace('Z', '+00:00')
const list = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`))
const num = (value: unknown) => Number(value ?? 0)

/** Learners the filters describe (their group, country, cohort), as SQL on the alias `u`. */
function userFilter(filters: Filters) {
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`]
  if (filters.groups?.length) parts.push(Prisma.sql`u.stakeholderGroup IN (${list(filters.groups)})`)
  if (filters.countries?.length) parts.push(Prisma.sql`u.country IN (${list(filters.countries)})`)
  if (filters.cohort) parts.push(Prisma.sql`u.id IN (SELECT userId FROM CohortMember WHERE cohortId = ${filters.cohort})`)
  return Prisma.join(parts, ' AND ')
}

const courseFilter = (filters: Filters, column: Prisma.Sql) => (filters.course ? Prisma.sql`${column} = ${filters.course}` : Prisma.sql`1 = 1`)

/**
 * A learner's course certificate, once per course, dated by its first issue: a
 * reissue under a new name (a new row, the old one superseded) is the same
 * certificate, and does not move it to the day of the reissue.
 */
const firstCertificates = Prisma.sql`(SELECT userId, courseSlug, MIN(issuedAt) AS issuedAt FROM Certificate WHERE kind = 'course' GROUP BY userId, courseSlug)`

/** Registered learners (accounts other than administrators'), enrolments, completions and certificates: new in the period, and in total by its end. */
async function onlineCounts(period: Period, filters: Filters, timeZone: string) {
  const { start, end } = periodInstants(period, timeZone)
  const s = stored(start)
  const e = stored(end)
  const [row] = await db.$queryRaw<Record<string, bigint | number | null>[]>`
    SELECT
      (SELECT COUNT(*) FROM User u WHERE u.createdAt >= ${s} AND u.createdAt < ${e} AND u.role <> 'admin' AND ${userFilter(filters)}) AS registered_additional,
      (SELECT COUNT(*) FROM User u WHERE u.createdAt < ${e} AND u.role <> 'admin' AND ${userFilter(filters)}) AS registered_total,
      (SELECT COUNT(*) FROM Enrolment x JOIN User u ON u.id = x.userId WHERE x.enrolledAt >= ${s} AND x.enrolledAt < ${e} AND ${courseFilter(filters, Prisma.sql`x.courseSlug`)} AND ${userFilter(filters)}) AS enrolments_additional,
      (SELECT COUNT(*) FROM Enrolment x JOIN User u ON u.id = x.userId WHERE x.enrolledAt < ${e} AND ${courseFilter(filters, Prisma.sql`x.courseSlug`)} AND ${userFilter(filters)}) AS enrolments_total,
      (SELECT COUNT(*) FROM Enrolment x JOIN User u ON u.id = x.userId WHERE x.enrolledAt >= ${s} AND x.enrolledAt < ${e} AND x.completedAt IS NOT NULL AND x.completedAt < ${e} AND ${courseFilter(filters, Prisma.sql`x.courseSlug`)} AND ${userFilter(filters)}) AS enrolments_completed,
      (SELECT COUNT(*) FROM CourseCompletion x JOIN User u ON u.id = x.userId WHERE x.completedAt >= ${s} AND x.completedAt < ${e} AND ${courseFilter(filters, Prisma.sql`x.courseSlug`)} AND ${userFilter(filters)}) AS completions_additional,
      (SELECT COUNT(*) FROM CourseCompletion x JOIN User u ON u.id = x.userId WHERE x.completedAt < ${e} AND ${courseFilter(filters, Prisma.sql`x.courseSlug`)} AND ${userFilter(filters)}) AS completions_total,
      (SELECT COUNT(*) FROM ${firstCertificates} x JOIN User u ON u.id = x.userId WHERE x.issuedAt >= ${s} AND x.issuedAt < ${e} AND ${courseFilter(filters, Prisma.sql`x.courseSlug`)} AND ${userFilter(filters)}) AS certificates_additional,
      (SELECT COUNT(*) FROM ${firstCertificates} x JOIN User u ON u.id = x.userId WHERE x.issuedAt < ${e} AND ${courseFilter(filters, Prisma.sql`x.courseSlug`)} AND ${userFilter(filters)}) AS certificates_total`
  const count = (name: string): Count => ({ additional: num(row?.[`${name}_additional`]), total: num(row?.[`${name}_total`]) })
  const enrolled = num(row?.enrolments_additional)
  return {
    registered: count('registered'),
    enrolments: count('enrolments'),
    completions: count('completions'),
    certificates: count('certificates'),
    /** Of the enrolments made in the period, the share completed by its end. */
    completionRate: enrolled ? num(row?.enrolments_completed) / enrolled : null,
  }
}

/** Median days from enrolment to completion, over the completions in the period (SQLite's julianday). */
async function medianDaysToComplete(period: Period, filters: Filters, timeZone: string) {
  const { start, end } = periodInstants(period, timeZone)
  const durations = Prisma.sql`
    SELECT julianday(c.completedAt) - julianday(x.enrolledAt) AS days
    FROM CourseCompletion c
    JOIN Enrolment x ON x.userId = c.userId AND x.courseSlug = c.courseSlug
    JOIN User u ON u.id = c.userId
    WHERE c.completedAt >= ${stored(start)} AND c.completedAt < ${stored(end)}
      AND ${courseFilter(filters, Prisma.sql`c.courseSlug`)} AND ${userFilter(filters)}`
  const [counted] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n FROM (${durations}) d`
  const n = num(counted?.n)
  if (n === 0) return null
  const middle = await db.$queryRaw<{ days: number }[]>`
    SELECT days FROM (${durations}) d ORDER BY days LIMIT ${n % 2 ? 1 : 2} OFFSET ${Math.floor((n - 1) / 2)}`
  const values = middle.map((m) => Math.max(0, m.days))
  return values.reduce((a, b) => a + b, 0) / values.length
}

/** Of the quiz attempts submitted in the period that were someone's first at that quiz, the share passed. */
async function firstAttemptPassRate(period: Period, filters: Filters, timeZone: string) {
  const { start, end } = periodInstants(period, timeZone)
  const [row] = await db.$queryRaw<{ attempts: bigint | number; passed: bigint | number | null }[]>`
    SELECT COUNT(*) AS attempts, SUM(CASE WHEN q.passed THEN 1 ELSE 0 END) AS passed
    FROM QuizAttempt q JOIN User u ON u.id = q.userId
    WHERE q.submittedAt >= ${stored(start)} AND q.submittedAt < ${stored(end)}
      AND NOT EXISTS (SELECT 1 FROM QuizAttempt e WHERE e.userId = q.userId AND e.courseSlug = q.courseSlug AND e.quizId = q.quizId AND e.startedAt < q.startedAt)
      AND ${courseFilter(filters, Prisma.sql`q.courseSlug`)} AND ${userFilter(filters)}`
  const attempts = num(row?.attempts)
  return attempts ? num(row?.passed) / attempts : null
}

/** Offline activities held (by start day) and, for the audience groups filtered, how many. SQLite json_each reads the audience list. */
async function offlineActivities(period: Period, filters: Filters) {
  const from = stored(dayToDate(period.from))
  const after = stored(dayToDate(addDays(period.to)))
  const audience = filters.groups?.length
    ? Prisma.sql`EXISTS (SELECT 1 FROM json_each(a.audienceGroups) g WHERE g.value IN (${list(filters.groups)}))`
    : Prisma.sql`1 = 1`
  const country = filters.countries?.length ? Prisma.sql`a.country IN (${list(filters.countries)})` : Prisma.sql`1 = 1`
  const excluded = filters.course || filters.cohort || (filters.kinds?.length && !filters.kinds.includes('offline_activity'))
  if (excluded) return { activities: { additional: 0, total: 0 }, audienceGroups: [] as string[] }
  const [row] = await db.$queryRaw<{ additional: bigint | number | null; total: bigint | number | null }[]>`
    SELECT SUM(CASE WHEN a.startsOn >= ${from} THEN 1 ELSE 0 END) AS additional, COUNT(*) AS total
    FROM Activity a WHERE a.startsOn < ${after} AND ${audience} AND ${country}`
  const groups = await db.$queryRaw<{ grp: string }[]>`
    SELECT DISTINCT g.value AS grp FROM Activity a, json_each(a.audienceGroups) g
    WHERE a.startsOn >= ${from} AND a.startsOn < ${after} AND ${audience} AND ${country}`
  const wanted = filters.groups?.length ? new Set(filters.groups) : null
  return {
    activities: { additional: num(row?.additional), total: num(row?.total) },
    audienceGroups: groups.map((g) => g.grp).filter((g) => !wanted || wanted.has(g)),
  }
}

/** Verified cascade sessions delivered, and those waiting for review. */
async function cascadeSessions(period: Period, filters: Filters) {
  const from = stored(dayToDate(period.from))
  const after = stored(dayToDate(addDays(period.to)))
  const excluded = filters.course || filters.cohort || (filters.kinds?.length && !filters.kinds.includes('cascade_session'))
  const groups = filters.groups?.length ? Prisma.sql`s.audienceGroup IN (${list(filters.groups)})` : Prisma.sql`1 = 1`
  const country = filters.countries?.length ? Prisma.sql`s.country IN (${list(filters.countries)})` : Prisma.sql`1 = 1`
  const [row] = await db.$queryRaw<Record<string, bigint | number | null>[]>`
    SELECT SUM(CASE WHEN s.status = 'verified' AND s.deliveredOn >= ${from} THEN 1 ELSE 0 END) AS additional,
      SUM(CASE WHEN s.status = 'verified' THEN 1 ELSE 0 END) AS total,
      SUM(CASE WHEN s.status = 'pending' THEN 1 ELSE 0 END) AS pending
    FROM CascadeSession s WHERE s.deliveredOn < ${after} AND ${groups} AND ${country}`
  return excluded
    ? { sessions: { additional: 0, total: 0 }, pending: num(row?.pending) }
    : { sessions: { additional: num(row?.additional), total: num(row?.total) }, pending: num(row?.pending) }
}

/**
 * Certified trainers and the countries they are in. An educator is certified
 * when both the online course is completed (an instant) and its workshop
 * attended (a programme day), so on the later of the two: dated by those
 * events, not by the day an admin recorded the attendance. A certificate whose
 * records are gone (attendance cleared after it was issued) keeps the date it
 * states. Their first certification counts.
 */
async function certifiedTrainers(period: Period, filters: Filters, timeZone: string) {
  const b = { ...periodInstants(period, timeZone), from: dayToDate(period.from), after: dayToDate(addDays(period.to)) }
  const certifiedBy = (instant: Date, afterDay: Date) =>
    Prisma.sql`CASE WHEN c.completedAt IS NOT NULL AND w.attendedOn IS NOT NULL
      THEN (c.completedAt < ${stored(instant)} AND w.attendedOn < ${stored(afterDay)})
      ELSE t.completedAt < ${stored(instant)} END`
  const rows = await db.$queryRaw<{ country: string; additional: bigint | number; total: bigint | number; earlier: bigint | number }[]>`
    SELECT u.country AS country,
      SUM(CASE WHEN p.by_end = 1 AND p.before_start = 0 THEN 1 ELSE 0 END) AS additional,
      SUM(CASE WHEN p.by_end = 1 THEN 1 ELSE 0 END) AS total,
      SUM(CASE WHEN p.before_start = 1 THEN 1 ELSE 0 END) AS earlier
    FROM (
      SELECT t.userId AS userId, MAX(${certifiedBy(b.start, b.from)}) AS before_start, MAX(${certifiedBy(b.end, b.after)}) AS by_end
      FROM Certificate t
      LEFT JOIN CourseCompletion c ON c.userId = t.userId AND c.courseSlug = t.courseSlug
      LEFT JOIN WorkshopAttendance w ON w.userId = t.userId AND w.courseSlug = t.courseSlug
      WHERE t.kind = 'trainer'
      GROUP BY t.userId
    ) p
    JOIN User u ON u.id = p.userId
    WHERE p.by_end = 1 AND ${userFilter(filters)}
    GROUP BY u.country`
  return {
    trainers: { additional: rows.reduce((n, r) => n + num(r.additional), 0), total: rows.reduce((n, r) => n + num(r.total), 0) },
    countries: {
      additional: rows.filter((r) => num(r.earlier) === 0).length,
      total: rows.length,
      additionalCountries: rows.filter((r) => num(r.earlier) === 0).map((r) => r.country).sort(),
      totalCountries: rows.map((r) => r.country).sort(),
    },
  }
}

/** Course completions in each of consecutive periods (the chart's second series), in one query. */
async function completionsByBar(bars: readonly Period[], filters: Filters, timeZone: string) {
  const counts = bars.map(() => 0)
  if (bars.length === 0) return counts
  const instants = bars.map((bar) => periodInstants(bar, timeZone))
  const rows = await db.$queryRaw<{ bar: bigint | number; n: bigint | number }[]>`
    SELECT bar, COUNT(*) AS n FROM (
      SELECT CASE ${Prisma.join(
        instants.map((b, i) => Prisma.sql`WHEN x.completedAt < ${stored(b.end)} THEN ${i}`),
        ' ',
      )} ELSE NULL END AS bar
      FROM CourseCompletion x JOIN User u ON u.id = x.userId
      WHERE x.completedAt >= ${stored(instants[0]!.start)} AND ${courseFilter(filters, Prisma.sql`x.courseSlug`)} AND ${userFilter(filters)}
    ) placed WHERE bar IS NOT NULL GROUP BY bar`
  for (const row of rows) counts[Number(row.bar)] = Number(row.n)
  return counts
}

/**
 * Additional participants per month (by quarter or year for a long period:
 * chartBuckets), by stakeholder group, and course completions in each: one
 * query each for every bar at once.
 */
async function overTime(period: Period, filters: Filters, timeZone: string) {
  const { unit, buckets } = chartBuckets(period)
  const [participants, completions] = await Promise.all([participantsByBarSql(buckets, filters, { timeZone }), completionsByBar(buckets, filters, timeZone)])
  const bars = buckets.map((bucket, i) => ({
    label: bucket.label,
    from: bucket.from,
    to: bucket.to,
    participants: participants[i]!.additional,
    byGroup: Object.fromEntries(participants[i]!.byGroup),
    completions: completions[i]!,
  }))
  return { unit, bars }
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>

/** Every figure of the dashboard for a period and filters. */
export async function getDashboard(period: Period, filters: Filters, options: { timeZone: string; withChart?: boolean }) {
  const { timeZone } = options
  const [online, medianDays, passRate, participants, byCountry, countries, totCountries, offline, offlineParticipants, cascade, cascadeReach, trainers, chart] =
    await Promise.all([
      onlineCounts(period, filters, timeZone),
      medianDaysToComplete(period, filters, timeZone),
      firstAttemptPassRate(period, filters, timeZone),
      participantFiguresSql(period, filters, { timeZone }),
      participantFiguresSql(period, filters, { timeZone, by: 'country' }),
      countryFiguresSql(period, filters, { timeZone }),
      countryFiguresSql(period, { ...filters, kinds: ['tot'] }, { timeZone }),
      offlineActivities(period, filters),
      participantFiguresSql(period, { ...filters, kinds: ['offline_activity'] }, { timeZone }),
      cascadeSessions(period, filters),
      participantFiguresSql(period, { ...filters, kinds: ['cascade_session'] }, { timeZone }),
      certifiedTrainers(period, filters, timeZone),
      options.withChart === false ? Promise.resolve({ unit: 'month' as const, bars: [] }) : overTime(period, filters, timeZone),
    ])
  const sorted = (rows: Map<string, Figure>) => [...rows].map(([key, figure]) => ({ key, ...figure })).sort((a, b) => b.total - a.total || a.key.localeCompare(b.key))
  return {
    period,
    online: { ...online, medianDaysToComplete: medianDays, firstAttemptPassRate: passRate },
    participants: { overall: participants.overall, byGroup: sorted(participants.rows), byCountry: sorted(byCountry.rows) },
    countries: { reached: countries, tot: totCountries, withTrainers: trainers.countries },
    trainers: trainers.trainers,
    offline: { ...offline, participants: offlineParticipants.overall },
    cascade: { ...cascade, reach: cascadeReach.overall },
    chart,
  }
}

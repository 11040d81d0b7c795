import { Prisma } from '#app/generated/prisma/client.ts'
import { db } from '#app/utils/db.server.ts'
import { addDays, dayToDate, periodInstants, type Period } from './dates.ts'
import type { Figure, Filters } from './figures.ts'

// The figures of figures.ts computed in SQL, so a dashboard over 100,000
// learners never loads their rows: one query per figure, aggregated by the
// database. The SQL here is the one place in Trellis written for SQLite
// (dates are ISO text as Prisma stores them; julianday for durations); a
// PostgreSQL port changes this file. figures.server.test.ts checks every
// figure against the pure definitions on the same data.

/** A stored DateTime as Prisma writes it in SQLite, for comparisons in SQL. */
function stored(date: Date) {
  return date.toISOString().replace('Z', '+00:00')
}

type Bounds = { start: string; end: string; fromDay: string; afterDay: string }

function bounds(period: Period, timeZone: string): Bounds {
  const { start, end } = periodInstants(period, timeZone)
  return { start: stored(start), end: stored(end), fromDay: stored(dayToDate(period.from)), afterDay: stored(dayToDate(addDays(period.to))) }
}

const list = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`))

/**
 * Every named participation: a learner's first completed lesson in each
 * course (an instant, `at`), an educator's attendance at a ToT workshop and a
 * person on an offline attendance list (days, `day`). A list entry whose email
 * is an account's is that person; otherwise the email, else the entry, is the
 * person. Each row carries the person's group and country: the account's, or
 * those of their first list.
 */
const participationsCte = Prisma.sql`
  rows AS (
    SELECT 'u:' || f.userId AS person, 'online_course' AS kind, u.stakeholderGroup AS grp, u.country AS pcountry,
           u.country AS country, f.courseSlug AS course, NULL AS cohort, f.at AS at, NULL AS day
    FROM (
      -- Read from the covering index (userId, courseSlug, completedAt) alone, then joined.
      SELECT userId, courseSlug, MIN(completedAt) AS at FROM LessonProgress WHERE completedAt IS NOT NULL GROUP BY userId, courseSlug
    ) f JOIN User u ON u.id = f.userId
    UNION ALL
    SELECT 'u:' || m.userId, 'tot', u.stakeholderGroup, u.country, c.country, NULL, c.id, NULL, m.attendedOn
    FROM CohortMember m JOIN Cohort c ON c.id = m.cohortId JOIN User u ON u.id = m.userId
    WHERE m.attendedOn IS NOT NULL
    UNION ALL
    SELECT CASE WHEN u.id IS NOT NULL THEN 'u:' || u.id WHEN a.email IS NOT NULL THEN 'e:' || a.email ELSE 'a:' || a.id END,
           'offline_activity', COALESCE(u.stakeholderGroup, a.stakeholderGroup), COALESCE(u.country, a.country, act.country),
           act.country, NULL, NULL, NULL, act.startsOn
    FROM ActivityAttendee a JOIN Activity act ON act.id = a.activityId LEFT JOIN User u ON u.email = a.email
  ),
  participations AS (
    SELECT rows.*,
      FIRST_VALUE(grp) OVER (PARTITION BY person ORDER BY COALESCE(day, at), kind) AS pgrp,
      FIRST_VALUE(pcountry) OVER (PARTITION BY person ORDER BY COALESCE(day, at), kind) AS ppcountry
    FROM rows
  )`

/** Headcounts: offline activities' and verified cascade sessions'. */
const headcountsCte = Prisma.sql`
  headcounts AS (
    SELECT 'offline_activity' AS kind, h.stakeholderGroup AS grp, act.country AS country, act.startsOn AS day, h.count AS count
    FROM ActivityHeadcount h JOIN Activity act ON act.id = h.activityId
    UNION ALL
    SELECT 'cascade_session', s.audienceGroup, s.country, s.deliveredOn, s.headcount
    FROM CascadeSession s WHERE s.status = 'verified'
  )`

function participationFilter(filters: Filters, countryColumn: Prisma.Sql) {
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`]
  if (filters.kinds?.length) parts.push(Prisma.sql`kind IN (${list(filters.kinds)})`)
  if (filters.groups?.length) parts.push(Prisma.sql`pgrp IN (${list(filters.groups)})`)
  if (filters.countries?.length) parts.push(Prisma.sql`${countryColumn} IN (${list(filters.countries)})`)
  if (filters.course) parts.push(Prisma.sql`kind = 'online_course' AND course = ${filters.course}`)
  if (filters.cohort) parts.push(Prisma.sql`kind = 'tot' AND cohort = ${filters.cohort}`)
  return Prisma.join(parts, ' AND ')
}

function countFilter(filters: Filters, groupColumn: Prisma.Sql) {
  // Headcounts and baselines know nothing of courses or cohorts.
  if (filters.course || filters.cohort) return Prisma.sql`1 = 0`
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`]
  if (filters.kinds?.length) parts.push(Prisma.sql`kind IN (${list(filters.kinds)})`)
  if (filters.groups?.length) parts.push(Prisma.sql`${groupColumn} IN (${list(filters.groups)})`)
  if (filters.countries?.length) parts.push(Prisma.sql`country IN (${list(filters.countries)})`)
  return Prisma.join(parts, ' AND ')
}

const before = (b: Bounds) => Prisma.sql`((at IS NOT NULL AND at < ${b.start}) OR (day IS NOT NULL AND day < ${b.fromDay}))`
const during = (b: Bounds) =>
  Prisma.sql`((at IS NOT NULL AND at >= ${b.start} AND at < ${b.end}) OR (day IS NOT NULL AND day >= ${b.fromDay} AND day < ${b.afterDay}))`

type Row = { key: string | null; additional: bigint | number | null; baseline: bigint | number | null; total: bigint | number | null }

function collect(rowsets: Row[][]) {
  const overall: Figure = { additional: 0, baseline: 0, total: 0 }
  const rows = new Map<string, Figure>()
  for (const set of rowsets) {
    for (const row of set) {
      const key = row.key ?? ''
      const figure = rows.get(key) ?? { additional: 0, baseline: 0, total: 0 }
      for (const field of ['additional', 'baseline', 'total'] as const) {
        const n = Number(row[field] ?? 0)
        figure[field] += n
        overall[field] += n
      }
      rows.set(key, figure)
    }
  }
  for (const [key, figure] of rows) if (figure.total === 0 && figure.additional === 0 && figure.baseline === 0) rows.delete(key)
  return { overall, rows }
}

/** participantFigures (figures.ts), in SQL. */
export async function participantFiguresSql(period: Period, filters: Filters, options: { timeZone: string; by?: 'group' | 'country' }) {
  const b = bounds(period, options.timeZone)
  const by = options.by ?? 'group'
  const personKey = by === 'group' ? Prisma.sql`pgrp` : Prisma.sql`ppcountry`
  const named = await db.$queryRaw<Row[]>`
    WITH ${participationsCte},
    people AS (
      SELECT person, ${personKey} AS key,
        MAX(CASE WHEN ${before(b)} THEN 1 ELSE 0 END) AS was_before,
        MAX(CASE WHEN ${during(b)} THEN 1 ELSE 0 END) AS was_during
      FROM participations WHERE ${participationFilter(filters, Prisma.sql`ppcountry`)}
      GROUP BY person, ${personKey}
    )
    SELECT key, SUM(CASE WHEN was_during = 1 AND was_before = 0 THEN 1 ELSE 0 END) AS additional, 0 AS baseline,
      SUM(CASE WHEN was_before = 1 OR was_during = 1 THEN 1 ELSE 0 END) AS total
    FROM people GROUP BY key`
  const countKey = by === 'group' ? Prisma.sql`grp` : Prisma.sql`country`
  const counted = await db.$queryRaw<Row[]>`
    WITH ${headcountsCte}
    SELECT ${countKey} AS key,
      SUM(CASE WHEN day >= ${b.fromDay} AND day < ${b.afterDay} THEN count ELSE 0 END) AS additional, 0 AS baseline,
      SUM(CASE WHEN day < ${b.afterDay} THEN count ELSE 0 END) AS total
    FROM headcounts WHERE ${countFilter(filters, Prisma.sql`grp`)}
    GROUP BY ${countKey}`
  const baselineKey = by === 'group' ? Prisma.sql`stakeholderGroup` : Prisma.sql`country`
  const historic = await db.$queryRaw<Row[]>`
    SELECT ${baselineKey} AS key, 0 AS additional,
      SUM(CASE WHEN asOf >= ${b.fromDay} AND asOf < ${b.afterDay} THEN participants ELSE 0 END) AS baseline,
      SUM(CASE WHEN asOf < ${b.afterDay} THEN participants ELSE 0 END) AS total
    FROM (SELECT asOf, activityKind AS kind, stakeholderGroup, country, participants FROM Baseline) baselines
    WHERE ${countFilter(filters, Prisma.sql`stakeholderGroup`)}
    GROUP BY ${baselineKey}`
  return collect([named, counted, historic])
}

/** countryFigures (figures.ts), in SQL. */
export async function countryFiguresSql(period: Period, filters: Filters, options: { timeZone: string }) {
  const b = bounds(period, options.timeZone)
  const found = await db.$queryRaw<{ country: string; was_before: bigint | number; was_during: bigint | number; baseline_during: bigint | number }[]>`
    WITH ${participationsCte}, ${headcountsCte},
    events AS (
      SELECT country, CASE WHEN ${before(b)} THEN 1 ELSE 0 END AS b, CASE WHEN ${during(b)} THEN 1 ELSE 0 END AS d, 0 AS bd
      FROM participations WHERE ${participationFilter(filters, Prisma.sql`country`)}
      UNION ALL
      SELECT country, CASE WHEN day < ${b.fromDay} THEN 1 ELSE 0 END, CASE WHEN day >= ${b.fromDay} AND day < ${b.afterDay} THEN 1 ELSE 0 END, 0
      FROM headcounts WHERE ${countFilter(filters, Prisma.sql`grp`)}
      UNION ALL
      SELECT country, CASE WHEN asOf < ${b.fromDay} THEN 1 ELSE 0 END, 0, CASE WHEN asOf >= ${b.fromDay} AND asOf < ${b.afterDay} THEN 1 ELSE 0 END
      FROM (SELECT asOf, activityKind AS kind, stakeholderGroup, country FROM Baseline) baselines
      WHERE ${countFilter(filters, Prisma.sql`stakeholderGroup`)}
    )
    SELECT country, MAX(b) AS was_before, MAX(d) AS was_during, MAX(bd) AS baseline_during
    FROM events GROUP BY country
    HAVING MAX(b) = 1 OR MAX(d) = 1 OR MAX(bd) = 1`
  const additionalCountries: string[] = []
  const totalCountries: string[] = []
  let baseline = 0
  for (const row of found) {
    totalCountries.push(row.country)
    if (Number(row.was_before)) continue
    if (Number(row.was_during)) additionalCountries.push(row.country)
    else baseline += 1
  }
  return {
    additional: additionalCountries.length,
    baseline,
    total: totalCountries.length,
    additionalCountries: additionalCountries.sort(),
    totalCountries: totalCountries.sort(),
  }
}

/**
 * Additional participants of consecutive periods (a chart's bars), by the
 * person's group: the same figure as participantFiguresSql(bar).overall and its
 * rows' `additional`, for every bar at once. Each row is placed in the first
 * bar it falls in (or before the first, or after the last), each person in the
 * bar of their first row, in one pass over the data instead of one a bar.
 */
export async function participantsByBarSql(bars: readonly Period[], filters: Filters, options: { timeZone: string }) {
  const result = bars.map(() => ({ additional: 0, byGroup: new Map<string, number>() }))
  if (bars.length === 0) return result
  const bounds_ = bars.map((bar) => bounds(bar, options.timeZone))
  const first = bounds_[0]!
  // Rows before the first bar are -1, after the last NULL; bars follow one another.
  const barOf = (at: Prisma.Sql, day: Prisma.Sql, countsOnly = false) =>
    Prisma.sql`CASE
      WHEN ${countsOnly ? Prisma.sql`${day} < ${first.fromDay}` : Prisma.sql`(${at} IS NOT NULL AND ${at} < ${first.start}) OR (${day} IS NOT NULL AND ${day} < ${first.fromDay})`} THEN -1
      ${Prisma.join(
        bounds_.map((b, i) =>
          countsOnly
            ? Prisma.sql`WHEN ${day} < ${b.afterDay} THEN ${i}`
            : Prisma.sql`WHEN (${at} IS NOT NULL AND ${at} < ${b.end}) OR (${day} IS NOT NULL AND ${day} < ${b.afterDay}) THEN ${i}`,
        ),
        ' ',
      )}
      ELSE NULL END`
  const named = await db.$queryRaw<{ bar: bigint | number; key: string | null; n: bigint | number }[]>`
    WITH ${participationsCte},
    placed AS (SELECT person, pgrp AS key, ${barOf(Prisma.sql`at`, Prisma.sql`day`)} AS bar FROM participations WHERE ${participationFilter(filters, Prisma.sql`ppcountry`)}),
    firsts AS (SELECT person, key, MIN(bar) AS bar FROM placed WHERE bar IS NOT NULL GROUP BY person, key)
    SELECT bar, key, COUNT(*) AS n FROM firsts WHERE bar >= 0 GROUP BY bar, key`
  const counted = await db.$queryRaw<{ bar: bigint | number; key: string | null; n: bigint | number }[]>`
    WITH ${headcountsCte},
    placed AS (SELECT grp AS key, count, ${barOf(Prisma.sql`NULL`, Prisma.sql`day`, true)} AS bar FROM headcounts WHERE ${countFilter(filters, Prisma.sql`grp`)})
    SELECT bar, key, SUM(count) AS n FROM placed WHERE bar >= 0 GROUP BY bar, key`
  for (const row of [...named, ...counted]) {
    const bar = result[Number(row.bar)]!
    const n = Number(row.n)
    if (n === 0) continue
    bar.additional += n
    bar.byGroup.set(row.key ?? '', (bar.byGroup.get(row.key ?? '') ?? 0) + n)
  }
  return result
}

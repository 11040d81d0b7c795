import type { AuditDetails } from '#app/admin/audit.ts'
import { countryOptions } from '#app/auth/countries.server.ts'
import { isCountryCode } from '#app/auth/profile.ts'
import { listCourses } from '#app/content/catalog.server.ts'
import type { Locale } from '#app/i18n/config.ts'
import { db } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { getDashboard } from './dashboard.server.ts'
import { dayInZone, type Day } from './dates.ts'
import { readReportQuery, type ReportQuery } from './query.ts'

/** The choices of the report filters: courses, cohorts. */
export async function reportChoices(locale: Locale) {
  const cohorts = await db.cohort.findMany({ select: { id: true, name: true, country: true }, orderBy: { startsOn: 'desc' } })
  const courses = listCourses(locale).map((c) => ({ slug: c.slug, title: c.title }))
  return { courses, cohorts }
}

/**
 * The programme's countries: those with any activity recorded (cohorts,
 * offline activities, cascade sessions, baselines) or with learners who
 * started a course. Filters list them first.
 */
export async function programmeCountries(): Promise<string[]> {
  const rows = await db.$queryRaw<{ country: string }[]>`
    SELECT country FROM Cohort UNION SELECT country FROM Activity UNION SELECT country FROM CascadeSession
    UNION SELECT country FROM Baseline
    UNION SELECT u.country FROM User u WHERE EXISTS (SELECT 1 FROM Enrolment e WHERE e.userId = u.id)`
  return rows.map((r) => r.country).filter(isCountryCode)
}

/** The country filter's choices: the programme's countries first, then every other, by name in the reader's language. */
export async function countryFilterOptions(locale: Locale, t: (key: string) => string) {
  const programme = new Set(await programmeCountries())
  const countries = countryOptions(locale).map((c) => ({ value: c.code, label: c.name }))
  return [
    { label: t('reports.programmeCountries'), options: countries.filter((c) => programme.has(c.value)) },
    { label: t('reports.otherCountries'), options: countries.filter((c) => !programme.has(c.value)) },
  ]
}

/** The programme day of the latest thing a report counts (null when there is nothing yet). */
export async function latestDataDay(timeZone: string): Promise<Day | null> {
  const [row] = await db.$queryRaw<{ at: string | null; day: string | null }[]>`
    SELECT
      (SELECT MAX(at) FROM (
        SELECT MAX(completedAt) AS at FROM LessonProgress UNION ALL SELECT MAX(enrolledAt) FROM Enrolment
      )) AS at,
      (SELECT MAX(day) FROM (
        SELECT MAX(attendedOn) AS day FROM CohortMember UNION ALL SELECT MAX(startsOn) FROM Activity
        UNION ALL SELECT MAX(deliveredOn) FROM CascadeSession WHERE status = 'verified' UNION ALL SELECT MAX(asOf) FROM Baseline
      )) AS day`
  const days = [row?.at ? dayInZone(new Date(row.at), timeZone) : null, row?.day ? row.day.slice(0, 10) : null].filter((d): d is Day => d !== null)
  return days.length ? days.sort().at(-1)! : null
}

/** Reads the report query of a request's address (its period and filters). */
export async function readRequestQuery(request: Request, locale: Locale) {
  const timeZone = env.PROGRAMME_TIME_ZONE
  const params = new URL(request.url).searchParams
  // The latest data matters only when no period was asked for (readReportQuery).
  const asksPeriod = ['preset', 'from', 'to'].some((name) => params.get(name))
  const [choices, latest] = await Promise.all([reportChoices(locale), asksPeriod ? null : latestDataDay(timeZone)])
  const today = dayInZone(new Date(), timeZone)
  const { query, problems, openedOnData } = readReportQuery(params, today, {
    courses: choices.courses.map((c) => c.slug),
    cohorts: choices.cohorts.map((c) => c.id),
    isCountry: isCountryCode,
    latestDataDay: latest,
  })
  return { query, problems, openedOnData, choices, today, timeZone }
}

/** Reads the report query of a request's address and computes its figures. */
export async function reportForRequest(request: Request, locale: Locale, options: { withChart?: boolean } = {}) {
  const read = await readRequestQuery(request, locale)
  const dashboard = await getDashboard(read.query.period, read.query.filters, { timeZone: read.timeZone, withChart: options.withChart })
  return { ...read, dashboard }
}

/** A report query as audit log details: its period and the filters that narrowed it (empty ones left out). */
export function reportAuditDetails(query: ReportQuery): AuditDetails {
  const { groups = [], countries = [], kinds = [], course, cohort } = query.filters
  return {
    from: query.period.from,
    to: query.period.to,
    ...(groups.length > 0 ? { groups: [...groups] } : {}),
    ...(countries.length > 0 ? { countries: [...countries] } : {}),
    ...(kinds.length > 0 ? { kinds: [...kinds] } : {}),
    ...(course ? { course } : {}),
    ...(cohort ? { cohort } : {}),
  }
}

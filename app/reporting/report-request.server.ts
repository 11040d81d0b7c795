import type { AuditDetails } from '#app/admin/audit.ts'
import { isCountryCode } from '#app/auth/profile.ts'
import { listCourses } from '#app/content/catalog.server.ts'
import type { Locale } from '#app/i18n/config.ts'
import { db } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { getDashboard } from './dashboard.server.ts'
import { dayInZone } from './dates.ts'
import { readReportQuery, type ReportQuery } from './query.ts'

/** The choices of the report filters: courses, cohorts. */
export async function reportChoices(locale: Locale) {
  const cohorts = await db.cohort.findMany({ select: { id: true, name: true, country: true }, orderBy: { startsOn: 'desc' } })
  const courses = listCourses(locale).map((c) => ({ slug: c.slug, title: c.title }))
  return { courses, cohorts }
}

/** Reads the report query of a request's address and computes its figures. */
export async function reportForRequest(request: Request, locale: Locale, options: { withChart?: boolean } = {}) {
  const choices = await reportChoices(locale)
  const today = dayInZone(new Date(), env.PROGRAMME_TIME_ZONE)
  const { query, problems } = readReportQuery(new URL(request.url).searchParams, today, {
    courses: choices.courses.map((c) => c.slug),
    cohorts: choices.cohorts.map((c) => c.id),
    isCountry: isCountryCode,
  })
  const dashboard = await getDashboard(query.period, query.filters, { timeZone: env.PROGRAMME_TIME_ZONE, withChart: options.withChart })
  return { query, problems, choices, dashboard, today, timeZone: env.PROGRAMME_TIME_ZONE }
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

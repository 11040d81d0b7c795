import { countryName } from '#app/auth/countries.server.ts'
import type { Locale } from '#app/i18n/config.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { env } from '#app/utils/env.server.ts'
import { getDashboard } from './dashboard.server.ts'
import { formatDay, reportLocale } from './dates.ts'
import { participantFiguresSql } from './figures.server.ts'
import { readRequestQuery } from './report-request.server.ts'
import { reportSentences } from './sentences.ts'

// The programme report of a request: its period, its scope and its sentences,
// in the admin's language. The page, its CSV and its PDF are made from this.
//
// Its filters are its own: a country filter narrows every sentence (and the
// report says so); the stakeholder groups narrow the headline only. The
// dashboard's activity, course and cohort filters are left out: the report
// speaks of the whole programme.

export async function programmeReportForRequest(request: Request) {
  const { t, locale } = await getTranslator(request)
  const report = await readRequestQuery(request, locale)
  const { query } = report
  const countries = query.filters.countries ?? []
  const groups = query.filters.groups ?? []
  const base = { countries }
  const timeZone = report.timeZone
  const [dashboard, headline] = await Promise.all([
    getDashboard(query.period, base, { timeZone, withChart: false }),
    groups.length ? participantFiguresSql(query.period, { ...base, groups }, { timeZone }).then((f) => f.overall) : null,
  ])
  const name = (code: string) => countryName(code, locale)
  const left = {
    kinds: query.filters.kinds?.length ? query.filters.kinds : null,
    course: query.filters.course ?? null,
    cohort: query.filters.cohort ?? null,
  }
  return {
    t,
    locale: locale as Locale,
    query,
    problems: report.problems,
    period: query.period,
    title: t('reports.reportTitle'),
    heading: t('reports.reportHeading', { from: formatDay(query.period.from, reportLocale(locale)), to: formatDay(query.period.to, reportLocale(locale)) }),
    issuer: env.ISSUER_NAME,
    /** What narrows every sentence, said above them. */
    scope: countries.length ? t('reports.scopeCountries', { countries: new Intl.ListFormat(reportLocale(locale), { type: 'conjunction' }).format(countries.map(name)) }) : null,
    /** The dashboard filters this report does not apply, to say so. */
    ignoredFilters: Boolean(left.kinds || left.course || left.cohort),
    sentences: reportSentences({ dashboard, headline: headline ?? dashboard.participants.overall, headlineGroups: groups }, { t, locale, countryName: name }),
    generated: t('reports.generated', { date: formatDay(report.today, reportLocale(locale)), timeZone }),
    timeZone,
  }
}

export type ProgrammeReport = Awaited<ReturnType<typeof programmeReportForRequest>>

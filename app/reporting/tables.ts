import type { Dashboard } from './dashboard.server.ts'

// The dashboard's tables, defined once: the page shows them and each is
// downloadable as CSV with the same columns and numbers.

export const TABLES = ['participants-by-group', 'participants-by-country', 'online', 'countries', 'activities', 'monthly'] as const
export type TableName = (typeof TABLES)[number]

export type Cell = string | number | null
export type Table = { name: TableName; title: string; columns: string[]; rows: Cell[][]; /** Columns holding numbers (right-aligned, formatted). */ numeric: boolean[] }

type T = (key: string, options?: Record<string, unknown>) => string

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10)
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

export function reportTables(dashboard: Dashboard, t: T, names: { group: (g: string) => string; country: (c: string) => string }): Table[] {
  const { participants, online, countries, offline, cascade, trainers, chart } = dashboard
  const figureColumns = [t('reports.columns.additional'), t('reports.columns.baseline'), t('reports.columns.total')]
  const groupsInChart = [...new Set(chart.flatMap((m) => Object.keys(m.byGroup)))].sort()
  const list = (codes: string[]) => codes.map(names.country).join('; ')
  return [
    {
      name: 'participants-by-group',
      title: t('reports.tables.byGroup'),
      columns: [t('fields.stakeholderGroupShort'), ...figureColumns],
      numeric: [false, true, true, true],
      rows: [
        ...participants.byGroup.map((r) => [names.group(r.key), r.additional, r.baseline, r.total]),
        [t('reports.columns.all'), participants.overall.additional, participants.overall.baseline, participants.overall.total],
      ],
    },
    {
      name: 'participants-by-country',
      title: t('reports.tables.byCountry'),
      columns: [t('fields.country'), ...figureColumns],
      numeric: [false, true, true, true],
      rows: participants.byCountry.map((r) => [names.country(r.key), r.additional, r.baseline, r.total]),
    },
    {
      name: 'online',
      title: t('reports.tables.online'),
      columns: [t('reports.columns.measure'), t('reports.columns.inPeriod'), t('reports.columns.totalByEnd')],
      numeric: [false, true, true],
      rows: [
        [t('reports.measures.registered'), online.registered.additional, online.registered.total],
        [t('reports.measures.enrolments'), online.enrolments.additional, online.enrolments.total],
        [t('reports.measures.completions'), online.completions.additional, online.completions.total],
        [t('reports.measures.certificates'), online.certificates.additional, online.certificates.total],
        [t('reports.measures.completionRate'), percent(online.completionRate), null],
        [t('reports.measures.medianDays'), oneDecimal(online.medianDaysToComplete), null],
        [t('reports.measures.firstAttemptPassRate'), percent(online.firstAttemptPassRate), null],
      ],
    },
    {
      name: 'countries',
      title: t('reports.tables.countries'),
      columns: [t('reports.columns.measure'), t('reports.columns.additional'), t('reports.columns.total'), t('reports.columns.additionalCountries'), t('reports.columns.allCountries')],
      numeric: [false, true, true, false, false],
      rows: [
        [t('reports.measures.countriesReached'), countries.reached.additional, countries.reached.total, list(countries.reached.additionalCountries), list(countries.reached.totalCountries)],
        [t('reports.measures.countriesTot'), countries.tot.additional, countries.tot.total, list(countries.tot.additionalCountries), list(countries.tot.totalCountries)],
        [t('reports.measures.countriesTrainers'), countries.withTrainers.additional, countries.withTrainers.total, list(countries.withTrainers.additionalCountries), list(countries.withTrainers.totalCountries)],
      ],
    },
    {
      name: 'activities',
      title: t('reports.tables.activities'),
      columns: [t('reports.columns.measure'), t('reports.columns.inPeriod'), t('reports.columns.totalByEnd')],
      numeric: [false, true, true],
      rows: [
        [t('reports.measures.offlineActivities'), offline.activities.additional, offline.activities.total],
        [t('reports.measures.offlineParticipants'), offline.participants.additional, offline.participants.total],
        [t('reports.measures.cascadeSessions'), cascade.sessions.additional, cascade.sessions.total],
        [t('reports.measures.cascadeReach'), cascade.reach.additional, cascade.reach.total],
        [t('reports.measures.trainers'), trainers.additional, trainers.total],
      ],
    },
    {
      name: 'monthly',
      title: t('reports.tables.monthly'),
      columns: [t('reports.columns.month'), t('reports.columns.participants'), t('reports.columns.completions'), ...groupsInChart.map(names.group)],
      numeric: [false, true, true, ...groupsInChart.map(() => true)],
      rows: chart.map((m) => [m.month, m.participants, m.completions, ...groupsInChart.map((g) => m.byGroup[g] ?? 0)]),
    },
  ]
}

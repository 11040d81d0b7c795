import type { Dashboard } from './dashboard.server.ts'

// The dashboard's tables, defined once: the page shows them and each is
// downloadable as CSV with the same columns and numbers.

export const TABLES = ['participants-by-group', 'participants-by-country', 'online', 'countries', 'activities', 'monthly'] as const
export type TableName = (typeof TABLES)[number]

/** A share (0…1) shown as a percentage: "12.5 %" on the page, 12.5 in a column marked (%) in CSV. */
export type Share = { share: number }
export type Cell = string | number | Share | null
export type Table = { name: TableName; title: string; columns: string[]; rows: Cell[][]; /** Columns holding numbers (right-aligned, formatted). */ numeric: boolean[] }

type T = (key: string, options?: Record<string, unknown>) => string

const percent = (share: number | null): Share | null => (share === null ? null : { share })
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

export const isShare = (cell: Cell): cell is Share => typeof cell === 'object' && cell !== null

/** A cell as a CSV value: shares as percentages with one decimal (the row says "%"). */
function csvCell(cell: Cell): string | number {
  if (cell === null) return ''
  return isShare(cell) ? Math.round(cell.share * 1000) / 10 : cell
}

/** A table as CSV rows (header first); a row holding a percentage says so in its label. */
export function csvRows(table: Table): (string | number)[][] {
  return [table.columns, ...table.rows.map((row) => row.map((cell, i) => (i === 0 && row.some(isShare) ? `${cell} (%)` : csvCell(cell))))]
}

/** The unit of the over-time table and chart, for titles and columns. */
const overTimeKey = (unit: Dashboard['chart']['unit']) => ({ month: 'monthly', quarter: 'quarterly', year: 'yearly' })[unit]

export function reportTables(dashboard: Dashboard, t: T, names: { group: (g: string) => string; country: (c: string) => string; locale: string }): Table[] {
  const { participants, online, countries, offline, cascade, trainers, chart } = dashboard
  const figureColumns = [t('reports.columns.additional'), t('reports.columns.baseline'), t('reports.columns.total')]
  const groupsInChart = [...new Set(chart.bars.flatMap((m) => Object.keys(m.byGroup)))].sort()
  // Countries by name in the reader's language, not by code.
  const collator = new Intl.Collator(names.locale)
  const list = (codes: string[]) => codes.map(names.country).sort(collator.compare).join('; ')
  const byCountry = participants.byCountry
    .map((r) => ({ ...r, name: names.country(r.key) }))
    .sort((a, b) => b.total - a.total || collator.compare(a.name, b.name))
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
      rows: byCountry.map((r) => [r.name, r.additional, r.baseline, r.total]),
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
      title: t(`reports.tables.${overTimeKey(chart.unit)}`),
      columns: [t(`reports.columns.${chart.unit}`), t('reports.columns.participants'), t('reports.columns.completions'), ...groupsInChart.map(names.group)],
      numeric: [false, true, true, ...groupsInChart.map(() => true)],
      rows: chart.bars.map((m) => [m.label, m.participants, m.completions, ...groupsInChart.map((g) => m.byGroup[g] ?? 0)]),
    },
  ]
}

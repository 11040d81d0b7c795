import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { isDay, PERIOD_PRESETS, periodProblem, presetPeriod, type Day, type Period } from './dates.ts'
import { ACTIVITY_KINDS, type Filters } from './figures.ts'

// What a report is asked for, read from the address (?preset=quarter&group=…),
// so a dashboard view is a link that can be shared and a CSV that can be made
// again. Unknown values are ignored rather than refused: a stale bookmark
// still opens.

export type ReportQuery = { preset: (typeof PERIOD_PRESETS)[number] | 'custom'; period: Period; filters: Filters }

const many = <T extends string>(values: readonly T[]) => (raw: string[]) => raw.filter((v): v is T => (values as readonly string[]).includes(v))

/** Problems, as translation keys by field. */
export type QueryProblems = Partial<Record<'from' | 'to', string>>

/**
 * Reads a report query. With no period asked for, it is this year; but when
 * the programme's latest data (`latestDataDay`) is older than this year, the
 * report opens on the year of that data instead (`openedOnData`), rather than
 * on a year of zeros.
 */
export function readReportQuery(
  params: URLSearchParams,
  today: Day,
  known: { courses: string[]; cohorts: string[]; isCountry: (code: string) => boolean; latestDataDay?: Day | null },
) {
  const problems: QueryProblems = {}
  const presetParam = params.get('preset')
  let preset: ReportQuery['preset'] = (PERIOD_PRESETS as readonly string[]).includes(presetParam ?? '') ? (presetParam as ReportQuery['preset']) : 'year'
  let period = presetPeriod(preset === 'custom' ? 'year' : preset, today)
  const from = params.get('from')
  const to = params.get('to')
  let openedOnData = false
  if (!presetParam && !from && !to && known.latestDataDay && known.latestDataDay < period.from) {
    const year = known.latestDataDay.slice(0, 4)
    preset = 'custom'
    period = { from: `${year}-01-01`, to: `${year}-12-31` }
    openedOnData = true
  }
  // Dates other than the preset's mean a period of one's own (a form sends both).
  const datesDiffer = Boolean(from || to) && (from !== period.from || to !== period.to)
  if (presetParam === 'custom' || datesDiffer) {
    preset = 'custom'
    if (!isDay(from)) problems.from = 'reports.errors.from'
    if (!isDay(to)) problems.to = 'reports.errors.to'
    if (!problems.from && !problems.to) {
      const problem = periodProblem({ from: from!, to: to! }, today)
      if (problem) problems[problem.field] = problem.key
      else period = { from: from!, to: to! }
    }
  }
  const course = params.get('course')
  const cohort = params.get('cohort')
  const filters: Filters = {
    groups: many(STAKEHOLDER_GROUPS)(params.getAll('group')),
    countries: [...new Set(params.getAll('country').map((c) => c.toUpperCase()))].filter(known.isCountry),
    kinds: many(ACTIVITY_KINDS)(params.getAll('kind')),
    course: course && known.courses.includes(course) ? course : null,
    cohort: cohort && known.cohorts.includes(cohort) ? cohort : null,
  }
  return { query: { preset, period, filters } satisfies ReportQuery, problems, openedOnData }
}

/** The address parameters of a query, to link to the same view (or its CSV). */
export function reportQueryParams(query: ReportQuery) {
  const params = new URLSearchParams()
  if (query.preset === 'custom') {
    params.set('preset', 'custom')
    params.set('from', query.period.from)
    params.set('to', query.period.to)
  } else params.set('preset', query.preset)
  for (const group of query.filters.groups ?? []) params.append('group', group)
  for (const country of query.filters.countries ?? []) params.append('country', country)
  for (const kind of query.filters.kinds ?? []) params.append('kind', kind)
  if (query.filters.course) params.set('course', query.filters.course)
  if (query.filters.cohort) params.set('cohort', query.filters.cohort)
  return params
}

import { addDays, utcDay, type Day, type Period } from './dates.ts'

// The programme's counting rules, as pure functions over plain data
// (docs/reporting.md). figures.server.ts computes the same figures in SQL over
// the database; its tests check both agree on the same data.

export const ACTIVITY_KINDS = ['online_course', 'tot', 'offline_activity', 'cascade_session'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/**
 * A named person taking part in something on a programme day: a learner
 * completing a lesson (online_course), an educator attending a ToT workshop
 * (tot), a person on an offline activity's attendance list (offline_activity).
 * `person` identifies them across all of these (their account, else their
 * email, else the list entry). `group` and `personCountry` describe the person
 * (the same on all their rows); `country` is where the activity happened.
 */
export type Participation = {
  person: string
  day: Day
  kind: ActivityKind
  group: string
  personCountry: string
  country: string
  course?: string | null
  cohort?: string | null
}

/** People counted without names: an offline activity's headcount, a verified cascade session. */
export type Headcount = { day: Day; kind: ActivityKind; group: string; country: string; count: number }

/** Counts from before the platform: in totals from their day on, never additional. */
export type Baseline = { day: Day; kind: ActivityKind; group: string; country: string; count: number }

export type ReportData = { participations: Participation[]; headcounts: Headcount[]; baselines: Baseline[] }

export type Filters = {
  kinds?: readonly ActivityKind[]
  groups?: readonly string[]
  countries?: readonly string[]
  /** Only this course's learners (online rows only). */
  course?: string | null
  /** Only this cohort's educators (ToT rows only). */
  cohort?: string | null
}

/** additional: new in the period; baseline: historic counts dated in the period; total: by the period's last day. */
export type Figure = { additional: number; baseline: number; total: number }

const zero = (): Figure => ({ additional: 0, baseline: 0, total: 0 })

const within = (day: Day, period: Period) => day >= period.from && day <= period.to

function allowed<T>(list: readonly T[] | undefined, value: T) {
  return !list || list.length === 0 || list.includes(value)
}

/** Rows that course or cohort filters cannot describe (headcounts, baselines) drop out when one is set. */
function anonymousRowsApply(filters: Filters) {
  return !filters.course && !filters.cohort
}

/**
 * A person's group and country are those of their first row (a person with an
 * account has the account's on every row; someone known only from attendance
 * lists, those of their first list).
 */
function withPersonAttributes(participations: readonly Participation[]) {
  const first = new Map<string, Participation>()
  for (const p of participations) {
    const seen = first.get(p.person)
    if (!seen || p.day < seen.day) first.set(p.person, p)
  }
  return participations.map((p) => {
    const { group, personCountry } = first.get(p.person)!
    return { ...p, group, personCountry }
  })
}

function participationMatches(p: Participation, filters: Filters) {
  return (
    allowed(filters.kinds, p.kind) &&
    allowed(filters.groups, p.group) &&
    allowed(filters.countries, p.personCountry) &&
    (!filters.course || (p.kind === 'online_course' && p.course === filters.course)) &&
    (!filters.cohort || (p.kind === 'tot' && p.cohort === filters.cohort))
  )
}

function countMatches(row: Headcount | Baseline, filters: Filters) {
  return anonymousRowsApply(filters) && allowed(filters.kinds, row.kind) && allowed(filters.groups, row.group) && allowed(filters.countries, row.country)
}

/**
 * Participants in a period, overall and broken down by `by` (the person's
 * group or country). A named person is additional in the period of their
 * first participation (among the rows the filters keep) and never again; the
 * total counts each named person once. Headcounts add their numbers as they
 * are; baselines count in totals only. So, always:
 * total(period) = total(up to the day before) + additional + baseline.
 */
export function participantFigures(data: ReportData, period: Period, filters: Filters = {}, by: 'group' | 'country' = 'group') {
  const overall = zero()
  const rows = new Map<string, Figure>()
  const row = (key: string) => {
    let figure = rows.get(key)
    if (!figure) rows.set(key, (figure = zero()))
    return figure
  }
  const add = (key: string, field: keyof Figure, n: number) => {
    overall[field] += n
    row(key)[field] += n
  }

  const people = new Map<string, { first: Day; key: string }>()
  for (const p of withPersonAttributes(data.participations)) {
    if (!participationMatches(p, filters)) continue
    const seen = people.get(p.person)
    if (!seen || p.day < seen.first) people.set(p.person, { first: p.day, key: by === 'group' ? p.group : p.personCountry })
  }
  for (const { first, key } of people.values()) {
    if (first > period.to) continue
    add(key, 'total', 1)
    if (first >= period.from) add(key, 'additional', 1)
  }
  for (const h of data.headcounts) {
    if (!countMatches(h, filters) || h.day > period.to) continue
    const key = by === 'group' ? h.group : h.country
    add(key, 'total', h.count)
    if (h.day >= period.from) add(key, 'additional', h.count)
  }
  for (const b of data.baselines) {
    if (!countMatches(b, filters) || b.day > period.to) continue
    const key = by === 'group' ? b.group : b.country
    add(key, 'total', b.count)
    if (b.day >= period.from) add(key, 'baseline', b.count)
  }
  return { overall, rows }
}

/**
 * Countries reached: where activities took place. A country is additional in
 * a period when activity recorded on the platform reached it then and nothing
 * (not even a baseline) had before; reached in the period only by a baseline,
 * it counts in the baseline column. The total counts every country reached by
 * the period's last day.
 */
export function countryFigures(data: ReportData, period: Period, filters: Filters = {}) {
  type Seen = { before: boolean; during: boolean; baselineDuring: boolean }
  const countries = new Map<string, Seen>()
  const see = (country: string, day: Day, baseline: boolean) => {
    if (day > period.to) return
    let seen = countries.get(country)
    if (!seen) countries.set(country, (seen = { before: false, during: false, baselineDuring: false }))
    if (day < period.from) seen.before = true
    else if (baseline) seen.baselineDuring = true
    else seen.during = true
  }
  for (const p of data.participations) {
    if (participationMatches({ ...p, personCountry: p.country }, filters)) see(p.country, p.day, false)
  }
  for (const h of data.headcounts) if (countMatches(h, filters)) see(h.country, h.day, false)
  for (const b of data.baselines) if (countMatches(b, filters)) see(b.country, b.day, true)

  const figure = zero()
  const additional: string[] = []
  const total: string[] = []
  for (const [country, seen] of countries) {
    figure.total += 1
    total.push(country)
    if (seen.before) continue
    if (seen.during) {
      figure.additional += 1
      additional.push(country)
    } else figure.baseline += 1
  }
  return { ...figure, additionalCountries: additional.sort(), totalCountries: total.sort() }
}

/** The day before a period: the total "up to then" is the figure of the period ending that day. */
export function dayBefore(period: Period): Day {
  return addDays(period.from, -1)
}

/** The months a period touches, as periods clipped to it: for charts. Counts months, so any period ends. */
export function monthsOf(period: Period): Period[] {
  const [fromYear, fromMonth] = period.from.split('-').map(Number) as [number, number]
  const [toYear, toMonth] = period.to.split('-').map(Number) as [number, number]
  const count = (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1
  const months: Period[] = []
  for (let i = 0; i < count; i++) {
    const first = utcDay(fromYear, fromMonth + i, 1)
    const last = utcDay(fromYear, fromMonth + i + 1, 0)
    months.push({ from: i === 0 ? period.from : first, to: i === count - 1 ? period.to : last })
  }
  return months
}

export type ChartUnit = 'month' | 'quarter' | 'year'
/** A chart's bar: a period clipped to the report's, named `2023-01`, `2023-Q1` or `2023`. */
export type ChartBucket = Period & { label: string }

/** At most this many bars: a longer period is charted by quarter, then by year. */
export const CHART_BARS = 24

/**
 * The bars of a period's chart: one a month up to 24 months, else one a
 * quarter up to 24 quarters, else one a year (a period is at most 20 years).
 * The bars always cover the whole period, so they add up to its figures.
 */
export function chartBuckets(period: Period): { unit: ChartUnit; buckets: ChartBucket[] } {
  const months = monthsOf(period)
  const label = (unit: ChartUnit, from: Day) => {
    const [year, month] = from.split('-').map(Number) as [number, number]
    if (unit === 'year') return String(year)
    if (unit === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`
    return from.slice(0, 7)
  }
  const unit: ChartUnit = months.length <= CHART_BARS ? 'month' : months.length <= CHART_BARS * 3 ? 'quarter' : 'year'
  const buckets: ChartBucket[] = []
  for (const month of months) {
    const name = label(unit, month.from)
    const last = buckets.at(-1)
    if (last && last.label === name) last.to = month.to
    else buckets.push({ label: name, from: month.from, to: month.to })
  }
  return { unit, buckets }
}

/** The middle value (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

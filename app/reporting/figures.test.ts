import { describe, expect, test } from 'vitest'
import { addDays } from './dates.ts'
import { chartBuckets, countryFigures, dayBefore, median, monthsOf, participantFigures, type ReportData } from './figures.ts'

// A small programme whose figures are worked out by hand in the comments.
const data: ReportData = {
  participations: [
    // A: educator in Malawi, online in March and again in November (a second course),
    // and on an offline attendance list in November: one person, first seen in March.
    { person: 'A', day: '2023-03-05', kind: 'online_course', group: 'educator', personCountry: 'MW', country: 'MW', course: 'crb' },
    { person: 'A', day: '2023-11-02', kind: 'online_course', group: 'educator', personCountry: 'MW', country: 'MW', course: 'tot' },
    { person: 'A', day: '2023-11-10', kind: 'offline_activity', group: 'educator', personCountry: 'MW', country: 'MA' },
    // B: parent in Kenya, first online in October, three courses.
    { person: 'B', day: '2023-10-15', kind: 'online_course', group: 'parent_carer', personCountry: 'KE', country: 'KE', course: 'crb' },
    { person: 'B', day: '2023-10-16', kind: 'online_course', group: 'parent_carer', personCountry: 'KE', country: 'KE', course: 'tot' },
    { person: 'B', day: '2023-12-01', kind: 'online_course', group: 'parent_carer', personCountry: 'KE', country: 'KE', course: 'intro' },
    // C: educator, first on the period's last day (included).
    { person: 'C', day: '2023-12-31', kind: 'tot', group: 'educator', personCountry: 'JO', country: 'JO', cohort: 'jordan-1' },
    // D: first the day after the period: not counted yet.
    { person: 'D', day: '2024-01-01', kind: 'online_course', group: 'educator', personCountry: 'MW', country: 'MW', course: 'crb' },
    // E: parent on two attendance lists (no account), November and February.
    { person: 'E', day: '2023-11-20', kind: 'offline_activity', group: 'parent_carer', personCountry: 'MA', country: 'MA' },
    { person: 'E', day: '2024-02-01', kind: 'offline_activity', group: 'parent_carer', personCountry: 'MA', country: 'MA' },
    // F: an industry participant, outside the groups asked for below.
    { person: 'F', day: '2023-10-20', kind: 'offline_activity', group: 'industry', personCountry: 'MA', country: 'MA' },
  ],
  headcounts: [
    { day: '2023-11-20', kind: 'offline_activity', group: 'parent_carer', country: 'MA', count: 150 },
    { day: '2023-06-01', kind: 'cascade_session', group: 'educator', country: 'MW', count: 40 },
  ],
  baselines: [
    { day: '2021-12-31', kind: 'offline_activity', group: 'parent_carer', country: 'MW', count: 900 },
    { day: '2021-12-31', kind: 'offline_activity', group: 'educator', country: 'MA', count: 600 },
  ],
}

const q4 = { from: '2023-10-01', to: '2023-12-31' }
const parentsAndEducators = { groups: ['parent_carer', 'educator'] }

describe('participants', () => {
  test('additional in the period and total by its end, each named person once', () => {
    const { overall, rows } = participantFigures(data, q4, parentsAndEducators)
    // Additional: B, C, E (A was first seen in March) + the 150 headcount = 153.
    // Total: A, B, C, E + 150 + 40 (June) + 900 + 600 baselines = 1,694.
    expect(overall).toEqual({ additional: 153, baseline: 0, total: 1694 })
    // Parents: B, E, 150 → 152 additional; + 900 → 1,052 total. Educators: C; A, C, 40, 600 → 642.
    expect(rows.get('parent_carer')).toEqual({ additional: 152, baseline: 0, total: 1052 })
    expect(rows.get('educator')).toEqual({ additional: 1, baseline: 0, total: 642 })
    expect(rows.has('industry')).toBe(false)
  })

  test('the total at the end is the total the day before plus the additional (and any baseline)', () => {
    const before = participantFigures(data, { from: '2000-01-01', to: dayBefore(q4) }, parentsAndEducators).overall
    const during = participantFigures(data, q4, parentsAndEducators).overall
    expect(before.total).toBe(1541) // A, the June 40 and the 1,500 baselines
    expect(during.total).toBe(before.total + during.additional + during.baseline)
  })

  test('a learner is counted once in a period however many courses they take', () => {
    const { overall } = participantFigures(data, q4, { kinds: ['online_course'], groups: ['parent_carer'] })
    expect(overall).toEqual({ additional: 1, baseline: 0, total: 1 })
  })

  test('a person is additional only in the period of their first participation of the kind counted', () => {
    // Offline only, A's first offline day is 10 November: additional in Q4.
    const offline = participantFigures(data, q4, { kinds: ['offline_activity'], groups: ['educator'] }).overall
    // A + nothing else named; the 600 educator baseline is offline too.
    expect(offline).toEqual({ additional: 1, baseline: 0, total: 601 })
    // E is additional in Q4 and not again in Q1 2024.
    expect(participantFigures(data, { from: '2024-01-01', to: '2024-03-31' }, { groups: ['parent_carer'] }).overall.additional).toBe(0)
  })

  test('a baseline dated in the period counts in the total and the baseline column, never as additional', () => {
    const withBaseline: ReportData = { ...data, baselines: [...data.baselines, { day: '2023-10-31', kind: 'offline_activity', group: 'educator', country: 'BR', count: 25 }] }
    const during = participantFigures(withBaseline, q4, parentsAndEducators).overall
    expect(during).toEqual({ additional: 153, baseline: 25, total: 1719 })
    const before = participantFigures(withBaseline, { from: '2000-01-01', to: dayBefore(q4) }, parentsAndEducators).overall
    expect(during.total).toBe(before.total + during.additional + during.baseline)
  })

  test('course and cohort filters keep only the named rows they describe', () => {
    // The 'tot' course's learners: A (2 November) and B (16 October), both new to it in Q4;
    // headcounts and baselines say nothing about courses, so they drop out.
    expect(participantFigures(data, q4, { course: 'tot' }).overall).toEqual({ additional: 2, baseline: 0, total: 2 })
    expect(participantFigures(data, q4, { cohort: 'jordan-1' }).overall).toEqual({ additional: 1, baseline: 0, total: 1 })
  })

  test('breakdown by country uses the person’s country', () => {
    const { rows } = participantFigures(data, q4, parentsAndEducators, 'country')
    expect(rows.get('KE')).toEqual({ additional: 1, baseline: 0, total: 1 })
    expect(rows.get('MA')).toEqual({ additional: 151, baseline: 0, total: 751 }) // E, 150; + 600
  })
})

describe('countries', () => {
  test('a country is additional in the period something first happened there', () => {
    const tot = countryFigures(data, q4, { kinds: ['tot'] })
    expect(tot).toMatchObject({ additional: 1, baseline: 0, total: 1, additionalCountries: ['JO'] })
    const all = countryFigures(data, q4)
    // Before Q4: MW (baseline 2021, March), MA (baseline 2021). In Q4: KE, JO new; MA and MW not.
    expect(all).toMatchObject({ additional: 2, total: 4, additionalCountries: ['JO', 'KE'], totalCountries: ['JO', 'KE', 'MA', 'MW'] })
  })

  test('historic countries are in the total, not additional', () => {
    const withBaseline: ReportData = { ...data, baselines: [{ day: '2023-10-31', kind: 'tot', group: 'educator', country: 'BR', count: 30 }] }
    expect(countryFigures(withBaseline, q4, { kinds: ['tot'] })).toMatchObject({ additional: 1, baseline: 1, total: 2 })
  })
})

describe('helpers', () => {
  test('months of a period, clipped to it', () => {
    expect(monthsOf({ from: '2023-11-15', to: '2024-01-10' })).toEqual([
      { from: '2023-11-15', to: '2023-11-30' },
      { from: '2023-12-01', to: '2023-12-31' },
      { from: '2024-01-01', to: '2024-01-10' },
    ])
  })

  test('months of any period end, even one reaching the last day that four digits can write', () => {
    expect(monthsOf({ from: '9999-11-20', to: '9999-12-31' })).toEqual([
      { from: '9999-11-20', to: '9999-11-30' },
      { from: '9999-12-01', to: '9999-12-31' },
    ])
    expect(monthsOf({ from: '2024-01-01', to: '9999-12-31' })).toHaveLength((9999 - 2024 + 1) * 12)
    expect(monthsOf({ from: '0050-02-10', to: '0050-03-01' })).toEqual([
      { from: '0050-02-10', to: '0050-02-28' },
      { from: '0050-03-01', to: '0050-03-01' },
    ])
    expect(monthsOf({ from: '2024-02-29', to: '2024-02-29' })).toEqual([{ from: '2024-02-29', to: '2024-02-29' }])
  })

  test('a chart has a bar a month up to 24 months, then a quarter, then a year, and covers every day of the period', () => {
    const months = chartBuckets({ from: '2023-01-15', to: '2024-12-31' })
    expect(months.unit).toBe('month')
    expect(months.buckets).toHaveLength(24)
    expect(months.buckets[0]).toEqual({ label: '2023-01', from: '2023-01-15', to: '2023-01-31' })
    // 25 months: quarters, the first and last clipped to the period.
    const quarters = chartBuckets({ from: '2022-02-10', to: '2024-02-20' })
    expect(quarters.unit).toBe('quarter')
    expect(quarters.buckets.map((b) => b.label)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1'])
    expect(quarters.buckets[0]).toEqual({ label: '2022-Q1', from: '2022-02-10', to: '2022-03-31' })
    expect(quarters.buckets.at(-1)).toEqual({ label: '2024-Q1', from: '2024-01-01', to: '2024-02-20' })
    // Six years is 24 quarters; a day more is years.
    expect(chartBuckets({ from: '2019-01-01', to: '2024-12-31' }).unit).toBe('quarter')
    const years = chartBuckets({ from: '2005-06-01', to: '2025-01-05' })
    expect(years.unit).toBe('year')
    expect(years.buckets).toHaveLength(21)
    expect(years.buckets[0]).toEqual({ label: '2005', from: '2005-06-01', to: '2005-12-31' })
    // Bars follow one another with no day missing or counted twice.
    for (const { buckets } of [months, quarters, years]) {
      buckets.slice(1).forEach((bucket, i) => expect(bucket.from).toBe(addDays(buckets[i]!.to)))
    }
  })

  test('median', () => {
    expect(median([])).toBeNull()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

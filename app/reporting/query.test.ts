import { describe, expect, test } from 'vitest'
import { readReportQuery, reportQueryParams } from './query.ts'

const known = { courses: ['tot-educators'], cohorts: ['c1'], isCountry: (code: string) => ['MW', 'MA'].includes(code) }
const read = (search: string) => readReportQuery(new URLSearchParams(search), '2024-02-10', known)

describe('report queries in the address', () => {
  test('a preset period, by default this year', () => {
    expect(read('').query).toMatchObject({ preset: 'year', period: { from: '2024-01-01', to: '2024-12-31' } })
    expect(read('preset=last_quarter').query.period).toEqual({ from: '2023-10-01', to: '2023-12-31' })
  })

  test('a custom period, with problems for impossible dates', () => {
    expect(read('preset=custom&from=2023-10-01&to=2024-01-31')).toMatchObject({ query: { preset: 'custom', period: { from: '2023-10-01', to: '2024-01-31' } }, problems: {} })
    expect(read('preset=custom&from=2023-02-30&to=2023-01-01').problems).toEqual({ from: 'reports.errors.from' })
    expect(read('preset=custom&from=2023-02-01&to=2023-01-01').problems).toEqual({ to: 'reports.errors.toBeforeFrom' })
    // The form sends a preset and both dates: changed dates win, the preset's own dates keep the preset.
    expect(read('preset=year&from=2023-10-01&to=2023-12-31').query).toMatchObject({ preset: 'custom', period: { from: '2023-10-01', to: '2023-12-31' } })
    expect(read('preset=year&from=2024-01-01&to=2024-12-31').query.preset).toBe('year')
  })

  test('filters keep only known values, and make the same address again', () => {
    const { query } = read('preset=month&group=educator&group=pirate&country=mw&country=ZZ&kind=tot&course=tot-educators&cohort=nope')
    expect(query.filters).toEqual({ groups: ['educator'], countries: ['MW'], kinds: ['tot'], course: 'tot-educators', cohort: null })
    expect(reportQueryParams(query).toString()).toBe('preset=month&group=educator&country=MW&kind=tot&course=tot-educators')
  })
})

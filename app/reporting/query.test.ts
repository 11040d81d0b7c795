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

  test('a custom period stays within 1990 and a year from today, and at most 20 years long', () => {
    // The period that once never answered (its months were counted by comparing strings past year 9999).
    expect(read('preset=custom&from=2024-01-01&to=9999-12-31').problems).toEqual({ to: 'reports.errors.tooLate' })
    expect(read('preset=custom&from=0001-01-01&to=2024-01-01').problems).toEqual({ from: 'reports.errors.tooEarly' })
    expect(read('preset=custom&from=1989-12-31&to=2000-01-01').problems).toEqual({ from: 'reports.errors.tooEarly' })
    expect(read('preset=custom&from=1990-01-01&to=2010-01-01').problems).toEqual({ to: 'reports.errors.tooLong' })
    expect(read('preset=custom&from=1990-01-01&to=2009-12-31')).toMatchObject({ problems: {}, query: { period: { from: '1990-01-01', to: '2009-12-31' } } })
    expect(read('preset=custom&from=2024-02-10&to=2025-02-10').problems).toEqual({})
    expect(read('preset=custom&from=2024-02-10&to=2025-02-11').problems).toEqual({ to: 'reports.errors.tooLate' })
    // A refused period falls back to the default year, never to the asked one.
    expect(read('preset=custom&from=2024-01-01&to=9999-12-31').query.period).toEqual({ from: '2024-01-01', to: '2024-12-31' })
  })

  test('with no period asked for, a programme whose latest data is older than this year opens on that year', () => {
    const withData = (latestDataDay: string | null, search = '') => readReportQuery(new URLSearchParams(search), '2024-02-10', { ...known, latestDataDay })
    expect(withData('2022-11-30')).toMatchObject({ openedOnData: true, query: { preset: 'custom', period: { from: '2022-01-01', to: '2022-12-31' } } })
    // Data this year, no data at all, or a period asked for: this year (or the one asked for), as always.
    expect(withData('2024-01-03')).toMatchObject({ openedOnData: false, query: { preset: 'year', period: { from: '2024-01-01', to: '2024-12-31' } } })
    expect(withData(null).query.preset).toBe('year')
    expect(withData('2022-11-30', 'preset=year').query.period).toEqual({ from: '2024-01-01', to: '2024-12-31' })
    // Filters alone keep the fallback; the link it makes names the period.
    const { query } = withData('2022-11-30', 'group=educator')
    expect(reportQueryParams(query).toString()).toBe('preset=custom&from=2022-01-01&to=2022-12-31&group=educator')
  })

  test('filters keep only known values, and make the same address again', () => {
    const { query } = read('preset=month&group=educator&group=pirate&country=mw&country=ZZ&kind=tot&course=tot-educators&cohort=nope')
    expect(query.filters).toEqual({ groups: ['educator'], countries: ['MW'], kinds: ['tot'], course: 'tot-educators', cohort: null })
    expect(reportQueryParams(query).toString()).toBe('preset=month&group=educator&country=MW&kind=tot&course=tot-educators')
  })
})

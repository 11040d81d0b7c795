import { describe, expect, test } from 'vitest'
import { addDays, dayInZone, formatDay, isDay, isDayInRange, periodInstants, presetPeriod, reportLocale, startOfDayInZone } from './dates.ts'

describe('programme days', () => {
  test('a moment belongs to the programme day of its time zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Blantyre (UTC+2)…
    expect(dayInZone(new Date('2023-12-31T23:30:00Z'), 'Africa/Blantyre')).toBe('2024-01-01')
    // …and still 31 December in UTC and in New York.
    expect(dayInZone(new Date('2023-12-31T23:30:00Z'), 'UTC')).toBe('2023-12-31')
    expect(dayInZone(new Date('2024-01-01T03:00:00Z'), 'America/New_York')).toBe('2023-12-31')
  })

  test('a period covers whole days in the programme zone, both ends included', () => {
    const { start, end } = periodInstants({ from: '2023-10-01', to: '2023-12-31' }, 'Africa/Casablanca')
    expect(start.toISOString()).toBe('2023-09-30T23:00:00.000Z') // Morocco was UTC+1
    expect(end.toISOString()).toBe('2023-12-31T23:00:00.000Z')
    expect(startOfDayInZone('2024-03-10', 'America/New_York').toISOString()).toBe('2024-03-10T05:00:00.000Z')
  })

  test('days are checked and counted on the calendar', () => {
    expect(isDay('2024-02-29')).toBe(true)
    expect(isDay('2023-02-29')).toBe(false)
    expect(isDay('2023-1-5')).toBe(false)
    expect(addDays('2023-12-31')).toBe('2024-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  test('presets name whole months, quarters and years', () => {
    expect(presetPeriod('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(presetPeriod('last_month', '2024-01-10')).toEqual({ from: '2023-12-01', to: '2023-12-31' })
    expect(presetPeriod('quarter', '2023-11-15')).toEqual({ from: '2023-10-01', to: '2023-12-31' })
    expect(presetPeriod('last_quarter', '2024-02-01')).toEqual({ from: '2023-10-01', to: '2023-12-31' })
    expect(presetPeriod('year', '2023-06-30')).toEqual({ from: '2023-01-01', to: '2023-12-31' })
    expect(presetPeriod('last_year', '2024-06-30')).toEqual({ from: '2023-01-01', to: '2023-12-31' })
  })
})

describe('days someone may ask about', () => {
  test('run from 1990 to a year after today; year 9999 and impossible days are not among them', () => {
    expect(isDayInRange('1990-01-01', '2026-12-01')).toBe(true)
    expect(isDayInRange('2027-12-01', '2026-12-01')).toBe(true)
    expect(isDayInRange('2027-12-02', '2026-12-01')).toBe(false)
    expect(isDayInRange('9999-12-31', '2026-12-01')).toBe(false)
    expect(isDayInRange('1989-12-31', '2026-12-01')).toBe(false)
    expect(isDayInRange('2026-02-30', '2026-12-01')).toBe(false)
  })
})

describe('dates in report text', () => {
  test('English reports write day, month, year, as UN progress reports do; other languages their own way', () => {
    expect(formatDay('2023-12-31', reportLocale('en'))).toBe('31 December 2023')
    expect(formatDay('2023-12-31', reportLocale('fr'))).toBe('31 décembre 2023')
    expect(formatDay('2023-12-31', reportLocale('es'))).toBe('31 de diciembre de 2023')
  })
})

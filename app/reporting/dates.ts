import { TZDate } from '@date-fns/tz'
import { z } from 'zod'

// Programme dates. Reports speak of calendar days in the programme's time zone
// (PROGRAMME_TIME_ZONE): "by 31 December 2023" means up to the end of that day
// there, whatever the server's zone. A day is written 'YYYY-MM-DD'. Days that
// people enter (a workshop's date, a cohort's dates) are stored as UTC midnight
// of that day; moments that happen online (a lesson completed) are stored as
// instants and turned into the programme's day when counted.

/** 'YYYY-MM-DD' */
export type Day = string

/** A period of whole days, both ends included. */
export type Period = { from: Day; to: Day }

/** Is `value` a day that exists, such as 2024-02-29 but not 2026-02-31? */
export function isDay(value: unknown): value is Day {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The stored form of a day: UTC midnight. */
export function dayToDate(day: Day): Date {
  return new Date(`${day}T00:00:00Z`)
}

/** The day a stored day-date stands for. */
export function dateToDay(date: Date): Day {
  return date.toISOString().slice(0, 10)
}

/** The programme's calendar day of an instant. */
export function dayInZone(instant: Date, timeZone: string): Day {
  const zoned = new TZDate(instant.getTime(), timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`
}

/** The instant a programme day starts. */
export function startOfDayInZone(day: Day, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime())
}

/**
 * The day of a year, month (1–12) and day of month, normalised as `Date` does
 * (month 13 is January of the next year, day 0 the last day of the month
 * before), without `Date.UTC`'s mapping of years 0–99 to 1900–1999.
 */
export function utcDay(year: number, month: number, day: number): Day {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return dateToDay(date)
}

/** The day after (or `n` days after) a day. */
export function addDays(day: Day, n = 1): Day {
  const date = dayToDate(day)
  date.setUTCDate(date.getUTCDate() + n)
  return dateToDay(date)
}

/** The instants a period covers in the programme's zone: [start, end). */
export function periodInstants(period: Period, timeZone: string) {
  return { start: startOfDayInZone(period.from, timeZone), end: startOfDayInZone(addDays(period.to), timeZone) }
}

export const PERIOD_PRESETS = ['month', 'quarter', 'year', 'last_month', 'last_quarter', 'last_year'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

/** The period a preset names, around `today` (a programme day). */
export function presetPeriod(preset: PeriodPreset, today: Day): Period {
  const [y, m] = today.split('-').map(Number) as [number, number]
  const monthStart = (year: number, month: number): Day => utcDay(year, month, 1)
  const monthEnd = (year: number, month: number): Day => utcDay(year, month + 1, 0)
  const quarterFirstMonth = Math.floor((m - 1) / 3) * 3 + 1
  switch (preset) {
    case 'month':
      return { from: monthStart(y, m), to: monthEnd(y, m) }
    case 'last_month':
      return m === 1 ? { from: monthStart(y - 1, 12), to: monthEnd(y - 1, 12) } : { from: monthStart(y, m - 1), to: monthEnd(y, m - 1) }
    case 'quarter':
      return { from: monthStart(y, quarterFirstMonth), to: monthEnd(y, quarterFirstMonth + 2) }
    case 'last_quarter':
      return quarterFirstMonth === 1
        ? { from: monthStart(y - 1, 10), to: monthEnd(y - 1, 12) }
        : { from: monthStart(y, quarterFirstMonth - 3), to: monthEnd(y, quarterFirstMonth - 1) }
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` }
    case 'last_year':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` }
  }
}

/** The earliest day a report period or an entered date may start: before it, no programme used Trellis's kind of counting. */
export const EARLIEST_DAY: Day = '1990-01-01'
/** How far report periods may reach: at most this many years long, ending at most a year after today. */
export const LONGEST_PERIOD_YEARS = 20

/** The last day a period may reach or a date may be: a year after today. */
export function latestDay(today: Day): Day {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  return utcDay(y + 1, m, d)
}

/** Is `value` a day someone may ask about: a real day from EARLIEST_DAY to a year after today? */
export function isDayInRange(value: unknown, today: Day): value is Day {
  return isDay(value) && value >= EARLIEST_DAY && value <= latestDay(today)
}

/**
 * What is wrong with a period someone chose (as a translation key), or null.
 * Bounds keep every figure meaningful and every loop over its months short.
 */
export function periodProblem(period: Period, today: Day): { field: 'from' | 'to'; key: string } | null {
  if (period.to < period.from) return { field: 'to', key: 'reports.errors.toBeforeFrom' }
  if (period.from < EARLIEST_DAY) return { field: 'from', key: 'reports.errors.tooEarly' }
  if (period.to > latestDay(today)) return { field: 'to', key: 'reports.errors.tooLate' }
  const [y, m, d] = period.from.split('-').map(Number) as [number, number, number]
  if (period.to >= utcDay(y + LONGEST_PERIOD_YEARS, m, d)) return { field: 'to', key: 'reports.errors.tooLong' }
  return null
}

/** A form field holding a day (an `<input type="date">`), with translated messages. */
export function daySchema(messages: { required: string; future?: { message: string; today: Day } }) {
  const { future } = messages
  return z
    .string({ required_error: messages.required })
    .trim()
    .refine(isDay, messages.required)
    .refine((value) => !future || value <= future.today, future?.message ?? messages.required)
}

/**
 * The language tag report text is written with: English reports use the
 * day-month-year style of UN and international progress reports ("31 December
 * 2023", not "December 31, 2023"); other languages keep their own.
 */
export function reportLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale
}

/** A day for people, in their language: "31 December 2023". */
export function formatDay(day: Day | Date, locale: string, style: 'long' | 'medium' = 'long') {
  const date = typeof day === 'string' ? dayToDate(day) : day
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(date)
}

import { z } from 'zod'
import { isCountryCode, STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { isDay, type Day } from './dates.ts'
import { ACTIVITY_KINDS, type ActivityKind } from './figures.ts'

// Historic baselines: participant counts from before the programme used
// Trellis, per activity kind, stakeholder group and country, as of a day. They
// count in cumulative totals from that day on, and never as "additional" in a
// period: those people took part before any period Trellis reports on.

export const MAX_BASELINE_PARTICIPANTS = 10_000_000
export const MAX_BASELINE_NOTE = 500
/** Older dates are almost surely typing mistakes (0202 for 2021). */
export const EARLIEST_BASELINE_DAY: Day = '1990-01-01'

const NON_ASCII_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g

/**
 * Reads a participant count as people type it: "1500", "1,500", "1 500",
 * "1.500" or in Arabic-Indic digits ("١٬٥٠٠"). Thousands separators must group
 * three digits, so "1.5" or "1,50" are refused rather than misread.
 */
export function parseCount(text: string): number | null {
  const digits = text
    .trim()
    .replace(NON_ASCII_DIGITS, (d) => String(d.charCodeAt(0) & 0xf))
    .replace(/\u066c/g, ',')
  if (!/^\d{1,3}([ ,.'\u00a0\u202f]\d{3})*$|^\d+$/.test(digits)) return null
  const value = Number(digits.replace(/\D/g, ''))
  return Number.isSafeInteger(value) ? value : null
}

/** The add form, on both sides. Messages are translation keys. */
export function baselineSchema(today: Day) {
  return z.object({
    asOf: z
      .string({ required_error: 'baselines.errors.asOfInvalid' })
      .trim()
      .refine(isDay, 'baselines.errors.asOfInvalid')
      .refine((day) => day >= EARLIEST_BASELINE_DAY, 'baselines.errors.asOfInvalid')
      .refine((day) => day <= today, 'baselines.errors.asOfFuture'),
    activityKind: z.enum(ACTIVITY_KINDS, { errorMap: () => ({ message: 'baselines.errors.kindRequired' }) }),
    stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, { errorMap: () => ({ message: 'baselines.errors.groupRequired' }) }),
    country: z
      .string({ required_error: 'baselines.errors.countryRequired' })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, 'baselines.errors.countryRequired'),
    participants: z
      .string({ required_error: 'baselines.errors.participantsInvalid' })
      .transform((text, ctx) => {
        const value = parseCount(text)
        if (value === null) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'baselines.errors.participantsInvalid' })
          return z.NEVER
        }
        if (value < 1 || value > MAX_BASELINE_PARTICIPANTS) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'baselines.errors.participantsRange' })
          return z.NEVER
        }
        return value
      }),
    note: z.string().trim().max(MAX_BASELINE_NOTE, 'baselines.errors.noteTooLong').optional().default(''),
  })
}

export type BaselineInput = z.output<ReturnType<typeof baselineSchema>>

export type KindTotal = { activityKind: ActivityKind; participants: number; baselines: number }

/** Totals for every activity kind, in the usual order, zero where there are none. */
export function totalsByKind(rows: { activityKind: string; participants: number; baselines: number }[]): KindTotal[] {
  return ACTIVITY_KINDS.map((activityKind) => {
    const row = rows.find((r) => r.activityKind === activityKind)
    return { activityKind, participants: row?.participants ?? 0, baselines: row?.baselines ?? 0 }
  })
}

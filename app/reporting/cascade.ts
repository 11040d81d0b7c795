import { z } from 'zod'
import { isCountryCode, STAKEHOLDER_GROUPS, type StakeholderGroup } from '#app/auth/profile.ts'
import { dateToDay, daySchema, isDay, type Day } from './dates.ts'

// Cascade sessions: a certified trainer logs a session they delivered; it
// counts in the programme's figures only once an admin has verified it.
// This module holds what both sides of the form agree on (pure, no database).

export const SESSION_STATUSES = ['pending', 'verified', 'rejected'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export function isSessionStatus(value: unknown): value is SessionStatus {
  return typeof value === 'string' && (SESSION_STATUSES as readonly string[]).includes(value)
}

/** Age bands a headcount may be broken down by, as stored in `ageBands` (JSON). */
export const AGE_BANDS = ['under_13', '13_17', '18_plus'] as const
export type AgeBand = (typeof AGE_BANDS)[number]
export type AgeBands = Partial<Record<AgeBand, number>>

export const MAX_HEADCOUNT = 10_000
export const PLACE_MAX_LENGTH = 200
export const NOTES_MAX_LENGTH = 1000
export const REASON_MAX_LENGTH = 500
/** Earlier dates are typing slips (0224 for 2024), not sessions of this programme. */
export const EARLIEST_SESSION_DAY: Day = '2000-01-01'

/** The form field of an age band: `age_under_13`, `age_13_17`, `age_18_plus`. */
export function ageField<B extends AgeBand>(band: B): `age_${B}` {
  return `age_${band}`
}

// Phones set to Arabic or Persian may type Eastern Arabic digits where the
// browser does not turn them into ASCII (text inputs, no JavaScript).
function asciiDigits(value: string) {
  return value.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) & 0xf))
}

/** A count typed into a form: a whole number ≥ 0, `null` when left empty, `undefined` when not a count. */
export function parseCount(value: string | undefined): number | null | undefined {
  const text = asciiDigits((value ?? '').trim())
  if (text === '') return null
  if (!/^\d{1,6}$/.test(text)) return undefined
  return Number(text)
}

/** The stored `ageBands` JSON, read defensively (bad or empty → null). */
export function parseAgeBands(json: string | null | undefined): AgeBands | null {
  if (!json) return null
  try {
    const value: unknown = JSON.parse(json)
    if (!value || typeof value !== 'object') return null
    const bands: AgeBands = {}
    for (const band of AGE_BANDS) {
      const count = (value as Record<string, unknown>)[band]
      if (typeof count === 'number' && Number.isInteger(count) && count >= 0) bands[band] = count
    }
    return Object.keys(bands).length > 0 ? bands : null
  } catch {
    return null
  }
}

export function sumOf(counts: Iterable<number | null | undefined>): number {
  let total = 0
  for (const count of counts) total += count ?? 0
  return total
}

/** A session as the form gives it, checked. */
export type CascadeSessionInput = {
  deliveredOn: Day
  place: string
  country: string
  audienceGroup: StakeholderGroup
  headcount: number
  female: number | null
  male: number | null
  ageBands: AgeBands | null
  notes: string
}

// Every field is a string checked by refinements, never rejected by its type,
// so the cross-field checks below still run (and all problems show at once)
// when another field is wrong.
const text = () => z.string().default('')

const optionalCount = text().refine((value) => {
  const count = parseCount(value)
  return count === null || (count !== undefined && count <= MAX_HEADCOUNT)
}, 'cascade.errors.countInvalid')

/**
 * The session form (trainer), messages as translation keys. `today` is the
 * programme's day (`dayInZone(new Date(), env.PROGRAMME_TIME_ZONE)`): a session
 * cannot have been delivered after it.
 */
export function cascadeSessionSchema(today: Day) {
  return z
    .object({
      deliveredOn: daySchema({ required: 'cascade.errors.dateRequired', future: { message: 'cascade.errors.dateInFuture', today } }).refine(
        (value) => !isDay(value) || value >= EARLIEST_SESSION_DAY,
        'cascade.errors.dateTooEarly',
      ),
      place: text()
        .transform((value) => value.trim())
        .refine((value) => value.length > 0, 'cascade.errors.placeRequired')
        .refine((value) => value.length <= PLACE_MAX_LENGTH, 'cascade.errors.placeTooLong'),
      country: text()
        .transform((value) => value.trim().toUpperCase())
        .refine(isCountryCode, 'cascade.errors.countryRequired'),
      audienceGroup: text().refine(
        (value): value is StakeholderGroup => (STAKEHOLDER_GROUPS as readonly string[]).includes(value),
        'cascade.errors.groupRequired',
      ),
      headcount: text().refine((value) => {
        const count = parseCount(value)
        return typeof count === 'number' && count >= 1 && count <= MAX_HEADCOUNT
      }, 'cascade.errors.headcountInvalid'),
      female: optionalCount,
      male: optionalCount,
      age_under_13: optionalCount,
      age_13_17: optionalCount,
      age_18_plus: optionalCount,
      notes: text()
        .transform((value) => value.trim())
        .refine((value) => value.length <= NOTES_MAX_LENGTH, 'cascade.errors.notesTooLong'),
    })
    .superRefine((value, ctx) => {
      const headcount = parseCount(value.headcount)
      if (typeof headcount !== 'number' || headcount < 1) return
      const female = parseCount(value.female)
      const male = parseCount(value.male)
      if (female !== undefined && male !== undefined && sumOf([female, male]) > headcount) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [female === null ? 'male' : 'female'], message: 'cascade.errors.genderOverHeadcount' })
      }
      const ages = AGE_BANDS.map((band) => parseCount(value[ageField(band)]))
      if (!ages.includes(undefined) && sumOf(ages) > headcount) {
        const first = AGE_BANDS.find((_, i) => ages[i] !== null) ?? 'under_13'
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [ageField(first)], message: 'cascade.errors.agesOverHeadcount' })
      }
    })
    .transform((value): CascadeSessionInput => {
      const ageBands: AgeBands = {}
      for (const band of AGE_BANDS) {
        const count = parseCount(value[ageField(band)])
        if (typeof count === 'number') ageBands[band] = count
      }
      return {
        deliveredOn: value.deliveredOn,
        place: value.place,
        country: value.country,
        audienceGroup: value.audienceGroup as StakeholderGroup,
        headcount: parseCount(value.headcount) as number,
        female: parseCount(value.female) ?? null,
        male: parseCount(value.male) ?? null,
        ageBands: Object.keys(ageBands).length > 0 ? ageBands : null,
        notes: value.notes,
      }
    })
}

/** The form filled in with a stored session, to edit it. */
export function sessionFormValues(session: {
  deliveredOn: Date | Day
  place: string
  country: string
  audienceGroup: string
  headcount: number
  female: number | null
  male: number | null
  ageBands: string | AgeBands | null
  notes: string
}): Record<string, string> {
  const bands = typeof session.ageBands === 'string' || session.ageBands === null ? parseAgeBands(session.ageBands) : session.ageBands
  const count = (value: number | null | undefined) => (value == null ? '' : String(value))
  return {
    deliveredOn: typeof session.deliveredOn === 'string' ? session.deliveredOn : dateToDay(session.deliveredOn),
    place: session.place,
    country: session.country,
    audienceGroup: session.audienceGroup,
    headcount: String(session.headcount),
    female: count(session.female),
    male: count(session.male),
    ...Object.fromEntries(AGE_BANDS.map((band) => [ageField(band), count(bands?.[band])])),
    notes: session.notes,
  }
}

/** An admin's decision on a pending session. */
export const reviewSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('verify'), sessionId: z.string().min(1) }),
    z.object({
      intent: z.literal('reject'),
      sessionId: z.string().min(1),
      reason: z
        .string({ required_error: 'cascade.errors.reasonRequired' })
        .trim()
        .min(1, 'cascade.errors.reasonRequired')
        .max(REASON_MAX_LENGTH, 'cascade.errors.reasonTooLong'),
    }),
  ],
  { errorMap: () => ({ message: 'errors.badRequest.title' }) },
)

export type Review = z.output<typeof reviewSchema>

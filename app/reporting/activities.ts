import { z } from 'zod'
import { isCountryCode, STAKEHOLDER_GROUPS, type StakeholderGroup } from '#app/auth/profile.ts'
import { dateToDay, isDay, type Day } from './dates.ts'

// Offline capacity-building activities: workshops, training sessions, webinars…
// run by programme staff. Their participants are recorded either by name (an
// attendance list) or as headcounts per stakeholder group, optionally split by
// gender. This module holds the forms' rules; activities.server.ts stores them.

export const ACTIVITY_KINDS = ['workshop', 'training_session', 'webinar', 'conference', 'other'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const
export type Gender = (typeof GENDERS)[number]

/** No single workshop has more people than this: a larger number is a typing mistake. */
export const HEADCOUNT_MAX = 100_000

/** Activities per page of the list. */
export const ACTIVITIES_PAGE_SIZE = 50

// Days people type: nothing before the programme era, nothing absurdly far ahead.
const EARLIEST_DAY = '2000-01-01'
const LATEST_DAY = '2100-12-31'

const optionalText = (max: number) => z.string().trim().max(max, 'errors.tooLong').optional().default('')

const day = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .refine(isDay, required)
    .refine((value) => value >= EARLIEST_DAY && value <= LATEST_DAY, 'activities.errors.dateOutOfRange')

/** The form field of each audience checkbox: `audience_parent_carer`… */
export const audienceField = (group: StakeholderGroup) => `audience_${group}` as const

const activityFields = z.object({
  title: z
    .string({ required_error: 'activities.errors.titleRequired' })
    .trim()
    .min(1, 'activities.errors.titleRequired')
    .max(200, 'errors.tooLong'),
  kind: z.enum(ACTIVITY_KINDS, { errorMap: () => ({ message: 'activities.errors.kindRequired' }) }),
  startsOn: day('activities.errors.startsOnRequired'),
  endsOn: z
    .string()
    .trim()
    .optional()
    .default('')
    .refine((value) => value === '' || isDay(value), 'activities.errors.endsOnInvalid')
    .refine((value) => value === '' || (value >= EARLIEST_DAY && value <= LATEST_DAY), 'activities.errors.dateOutOfRange'),
  country: z
    .string({ required_error: 'activities.errors.countryRequired' })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, 'activities.errors.countryRequired'),
  city: optionalText(100),
  organiser: optionalText(200),
  audienceGroups: z.array(z.enum(STAKEHOLDER_GROUPS)).min(1, 'activities.errors.audienceRequired'),
  notes: optionalText(2000),
})

const FIELD_ORDER = Object.keys(activityFields.shape)

/**
 * The activity form. Dates may lie ahead (an activity can be entered while it is
 * planned); its participants can only be recorded once it has started (see
 * `canRecordParticipants`). An empty end date means a one-day activity. Every
 * problem is reported at once, in the form's order, the end-before-start one
 * included.
 */
export const activityFormSchema = z.record(z.string()).transform((raw, ctx): ActivityInput => {
  const input = { ...raw, audienceGroups: STAKEHOLDER_GROUPS.filter((group) => raw[audienceField(group)]) }
  const parsed = activityFields.safeParse(input)
  const issues = parsed.success ? [] : [...parsed.error.issues]
  const startsOn = raw.startsOn?.trim() ?? ''
  const endsOn = raw.endsOn?.trim() ?? ''
  if (isDay(startsOn) && isDay(endsOn) && endsOn < startsOn) {
    issues.push({ code: z.ZodIssueCode.custom, path: ['endsOn'], message: 'activities.errors.endsBeforeStart' })
  }
  if (issues.length > 0 || !parsed.success) {
    const position = (issue: z.ZodIssue) => FIELD_ORDER.indexOf(String(issue.path[0]))
    for (const issue of issues.sort((a, b) => position(a) - position(b))) ctx.addIssue({ ...issue, code: z.ZodIssueCode.custom })
    return z.NEVER
  }
  const value = parsed.data
  return { ...value, endsOn: value.endsOn || value.startsOn }
})

export type ActivityInput = {
  title: string
  kind: ActivityKind
  startsOn: Day
  endsOn: Day
  country: string
  city: string
  organiser: string
  audienceGroups: StakeholderGroup[]
  notes: string
}

/** An activity as the form shows it when editing. */
export function activityFormValues(activity: {
  title: string
  kind: string
  startsOn: Date
  endsOn: Date
  country: string
  city: string
  organiser: string
  audienceGroups: readonly string[]
  notes: string
}): Record<string, string> {
  const values: Record<string, string> = {
    title: activity.title,
    kind: activity.kind,
    startsOn: dateToDay(activity.startsOn),
    endsOn: dateToDay(activity.endsOn),
    country: activity.country,
    city: activity.city,
    organiser: activity.organiser,
    notes: activity.notes,
  }
  for (const group of activity.audienceGroups) {
    if (isStakeholderGroup(group)) values[audienceField(group)] = 'on'
  }
  return values
}

export function isStakeholderGroup(value: unknown): value is StakeholderGroup {
  return typeof value === 'string' && (STAKEHOLDER_GROUPS as readonly string[]).includes(value)
}

export function isActivityKind(value: unknown): value is ActivityKind {
  return typeof value === 'string' && (ACTIVITY_KINDS as readonly string[]).includes(value)
}

/** The stored JSON list of audience groups, tolerant of anything odd in it. */
export function parseAudienceGroups(json: string): StakeholderGroup[] {
  try {
    const parsed: unknown = JSON.parse(json)
    return Array.isArray(parsed) ? STAKEHOLDER_GROUPS.filter((group) => parsed.includes(group)) : []
  } catch {
    return []
  }
}

/** Participants are recorded for activities that have started (by the programme's today). */
export function canRecordParticipants(startsOn: Day, today: Day): boolean {
  return startsOn <= today
}

// Headcounts -----------------------------------------------------------------

/** One stored headcount: a group, optionally one gender (null: not broken down), a number. */
export type HeadcountRow = { stakeholderGroup: StakeholderGroup; gender: Gender | null; count: number }

const count = z
  .number({ invalid_type_error: 'activities.errors.countInvalid' })
  .int('activities.errors.countInvalid')
  .min(0, 'activities.errors.countInvalid')
  .max(HEADCOUNT_MAX, 'activities.errors.countTooLarge')

/** Headcount rows as stored: each group at most once per gender (and once without one). */
export const headcountRowsSchema = z
  .array(
    z.object({
      stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, { errorMap: () => ({ message: 'errors.groupRequired' }) }),
      gender: z.enum(GENDERS).nullable(),
      count,
    }),
  )
  .superRefine((rows, ctx) => {
    const seen = new Set<string>()
    rows.forEach((row, index) => {
      const key = `${row.stakeholderGroup}/${row.gender ?? ''}`
      if (seen.has(key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index], message: 'activities.errors.headcountDuplicate' })
      seen.add(key)
    })
  })

/** The headcount table's fields: a total per group, and optionally how many of them per gender. */
export const totalField = (group: StakeholderGroup) => `total_${group}` as const
export const genderField = (group: StakeholderGroup, gender: Gender) => `${gender}_${group}` as const

export type HeadcountFormResult =
  | { ok: true; rows: HeadcountRow[] }
  | { ok: false; errors: Record<string, string> }

/** A whole number typed in a box, or null when the box is empty. */
function readCount(raw: string | undefined): { ok: true; value: number | null } | { ok: false; error: string } {
  const text = (raw ?? '').trim()
  if (text === '') return { ok: true, value: null }
  if (!/^\d+$/.test(text)) return { ok: false, error: 'activities.errors.countInvalid' }
  const parsed = count.safeParse(Number(text))
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'activities.errors.countInvalid' }
}

/**
 * Reads the headcount table. Per group, the total is what counts; the gender
 * boxes say how many of them were women, men… (they may cover only part of the
 * total: the rest is stored as "not broken down"). With no total, the gender
 * boxes add up to it. Empty and zero rows are not stored.
 */
export function parseHeadcountForm(values: Record<string, string | undefined>): HeadcountFormResult {
  const errors: Record<string, string> = {}
  const rows: HeadcountRow[] = []
  for (const group of STAKEHOLDER_GROUPS) {
    let readable = true
    const total = readCount(values[totalField(group)])
    if (!total.ok) {
      errors[totalField(group)] = total.error
      readable = false
    }
    let split = 0
    const genderRows: HeadcountRow[] = []
    for (const gender of GENDERS) {
      const field = genderField(group, gender)
      const value = readCount(values[field])
      if (!value.ok) {
        errors[field] = value.error
        readable = false
      } else if (value.value) {
        split += value.value
        genderRows.push({ stakeholderGroup: group, gender, count: value.value })
      }
    }
    if (!readable || !total.ok) continue
    const totalValue = total.value ?? split
    if (totalValue > HEADCOUNT_MAX) {
      errors[totalField(group)] = 'activities.errors.countTooLarge'
      continue
    }
    if (split > totalValue) {
      errors[totalField(group)] = 'activities.errors.splitAboveTotal'
      continue
    }
    rows.push(...genderRows)
    if (totalValue > split) rows.push({ stakeholderGroup: group, gender: null, count: totalValue - split })
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const checked = headcountRowsSchema.safeParse(rows)
  if (!checked.success) return { ok: false, errors: { form: checked.error.issues[0]?.message ?? 'activities.errors.countInvalid' } }
  return { ok: true, rows: checked.data }
}

/** Stored headcounts as the table shows them: a total per group and its gender split. */
export function headcountFormValues(rows: readonly { stakeholderGroup: string; gender: string | null; count: number }[]): Record<string, string> {
  const totals = new Map<string, number>()
  const values: Record<string, string> = {}
  for (const row of rows) {
    if (!isStakeholderGroup(row.stakeholderGroup)) continue
    totals.set(row.stakeholderGroup, (totals.get(row.stakeholderGroup) ?? 0) + row.count)
    if (row.gender && (GENDERS as readonly string[]).includes(row.gender)) {
      const field = genderField(row.stakeholderGroup, row.gender as Gender)
      values[field] = String(Number(values[field] ?? 0) + row.count)
    }
  }
  for (const [group, total] of totals) values[totalField(group as StakeholderGroup)] = String(total)
  return values
}

// Attendance lists ------------------------------------------------------------

/** The columns of an attendance list file (attendance-csv.ts reads it), in the template's order. */
export const ATTENDANCE_COLUMNS = ['name', 'email', 'stakeholder_group', 'country', 'gender', 'organisation'] as const
export type AttendanceColumn = (typeof ATTENDANCE_COLUMNS)[number]

/** A problem as a translation key and the values its message needs (and, in a row, the column at fault). */
export type CsvProblem = { key: string; params?: Record<string, string | number>; column?: AttendanceColumn }

/** "12–14 March 2024", "3 May 2024": an activity's days for people, in their language. */
export function formatDayRange(from: Day, to: Day, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
  const start = new Date(`${from}T00:00:00Z`)
  if (from === to) return format.format(start)
  return format.formatRange(start, new Date(`${to}T00:00:00Z`))
}

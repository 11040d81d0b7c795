import { z } from 'zod'
import { isCountryCode } from '#app/auth/profile.ts'
import { generateCertificateId } from '#app/certificates/certificate.ts'
import type { FieldErrors, FormResult } from '#app/utils/forms.ts'
import { daySchema, dayToDate, type Day } from './dates.ts'

// Training of Trainers cohorts: educators of one country who take the online
// ToT course and attend its workshop together. The forms' rules live here, so
// the admin pages and their tests share them; the database side is in
// cohorts.server.ts.

export const COHORT_NAME_MAX = 120
export const FACILITATORS_MAX = 500

/** A cohort as an admin enters it. */
export type CohortInput = {
  name: string
  country: string
  courseSlug: string
  startsOn: Day
  endsOn: Day
  facilitators: string
}

/** The cohort form: `courseSlugs` are the Training of Trainers courses (those that certify trainers). */
export function cohortSchema(courseSlugs: readonly string[]) {
  return z
    .object({
      name: z
        .string({ required_error: 'cohorts.errors.nameRequired' })
        .trim()
        .min(1, 'cohorts.errors.nameRequired')
        .max(COHORT_NAME_MAX, 'cohorts.errors.nameTooLong'),
      country: z
        .string({ required_error: 'cohorts.errors.countryRequired' })
        .trim()
        .toUpperCase()
        .refine(isCountryCode, 'cohorts.errors.countryRequired'),
      courseSlug: z
        .string({ required_error: 'cohorts.errors.courseRequired' })
        .refine((slug) => courseSlugs.includes(slug), 'cohorts.errors.courseRequired'),
      startsOn: daySchema({ required: 'cohorts.errors.startRequired' }),
      endsOn: daySchema({ required: 'cohorts.errors.endRequired' }),
      facilitators: z.string().trim().max(FACILITATORS_MAX, 'cohorts.errors.facilitatorsTooLong').optional().default(''),
    })
    .superRefine((value, ctx) => {
      if (value.endsOn < value.startsOn) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['endsOn'], message: 'cohorts.errors.endBeforeStart' })
      }
    }) satisfies z.ZodType<CohortInput, z.ZodTypeDef, unknown>
}

/** Adding an educator who already has an account, by their email address. */
export const addMemberSchema = z.object({
  email: z
    .string({ required_error: 'cohorts.errors.emailRequired' })
    .trim()
    .toLowerCase()
    .min(1, 'cohorts.errors.emailRequired')
    .max(254, 'cohorts.errors.emailInvalid')
    .email('cohorts.errors.emailInvalid'),
})

/** The members' checkboxes of the attendance form are all named this. */
export const MEMBER_FIELD = 'member'

/**
 * The attendance form: the members ticked (several checkboxes of one name, which
 * `parseForm` cannot read) and, to mark them, the day of the workshop, which
 * cannot be after `today` (a programme day). Unmarking needs no day.
 */
export function parseAttendanceForm(form: FormData, options: { today: Day; needsDay: boolean }): FormResult<{ memberIds: string[]; attendedOn: Day | null }> {
  const memberIds = [...new Set(form.getAll(MEMBER_FIELD).filter((id): id is string => typeof id === 'string' && id.length > 0))]
  const rawDay = form.get('attendedOn')
  const errors: FieldErrors = {}
  if (memberIds.length === 0) errors[MEMBER_FIELD] = 'cohorts.errors.noneSelected'
  let attendedOn: Day | null = null
  if (options.needsDay) {
    const day = daySchema({
      required: 'cohorts.errors.attendedOnRequired',
      future: { message: 'cohorts.errors.attendedOnFuture', today: options.today },
    })
      .refine((value) => value >= '2000-01-01', 'cohorts.errors.attendedOnRequired')
      .safeParse(typeof rawDay === 'string' ? rawDay : undefined)
    if (day.success) attendedOn = day.data
    else errors.attendedOn = day.error.issues[0]!.message
  }
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors, values: { attendedOn: typeof rawDay === 'string' ? rawDay : '' } }
  }
  return { ok: true, data: { memberIds, attendedOn } }
}

/** The workshop day the attendance form suggests: the cohort's last day, or today while it is still running. */
export function defaultAttendanceDay(endsOn: Day, today: Day): Day {
  return endsOn <= today ? endsOn : today
}

/** The random part of a cohort's invite link: 24 base32 characters, impossible to guess. */
export function generateInviteCode(): string {
  return generateCertificateId()
}

export function isInviteCode(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z2-7]{24}$/.test(value)
}

/** A cohort's days for people, in their language: "2–6 March 2026". */
export function formatDayRange(from: Day, to: Day, locale: string, style: 'long' | 'medium' = 'long') {
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).formatRange(dayToDate(from), dayToDate(to))
}

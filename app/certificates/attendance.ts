import { z } from 'zod'
import { emailSchema } from '#app/auth/profile.ts'

/** Is `value` (YYYY-MM-DD) a day that exists, such as 2024-02-29 but not 2026-02-31? */
function isCalendarDate(value: string) {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The admin form recording an educator's attendance at a Training of Trainers workshop. */
export function attendanceSchema(courseSlugs: readonly string[], today: Date) {
  const latest = today.toISOString().slice(0, 10)
  return z.object({
    email: emailSchema,
    courseSlug: z.string().refine((slug) => courseSlugs.includes(slug), 'trainers.errors.courseRequired'),
    attendedOn: z
      .string({ required_error: 'trainers.errors.dateRequired' })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'trainers.errors.dateRequired')
      .refine(isCalendarDate, 'trainers.errors.dateRequired')
      .refine((value) => value <= latest, 'trainers.errors.dateInFuture')
      .refine((value) => value >= '2000-01-01', 'trainers.errors.dateRequired')
      .transform((value) => new Date(`${value}T00:00:00Z`)),
  })
}

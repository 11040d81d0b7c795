import { z } from 'zod'
import { emailSchema } from '#app/auth/profile.ts'
import { isDay, type Day } from '#app/reporting/dates.ts'

/** The admin form recording an educator's attendance at a Training of Trainers workshop. */
export function attendanceSchema(courseSlugs: readonly string[], today: Day) {
  const latest = today
  return z.object({
    email: emailSchema,
    courseSlug: z.string().refine((slug) => courseSlugs.includes(slug), 'trainers.errors.courseRequired'),
    attendedOn: z
      .string({ required_error: 'trainers.errors.dateRequired' })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'trainers.errors.dateRequired')
      .refine(isDay, 'trainers.errors.dateRequired')
      .refine((value) => value <= latest, 'trainers.errors.dateInFuture')
      .refine((value) => value >= '2000-01-01', 'trainers.errors.dateRequired')
      .transform((value) => new Date(`${value}T00:00:00Z`)),
  })
}

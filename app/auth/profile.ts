import countries from 'i18n-iso-countries'
import { z } from 'zod'
import { SUPPORTED_LOCALES } from '#app/i18n/config.ts'
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password.ts'

/** The programme's stakeholder groups (product spec), as stored. */
export const STAKEHOLDER_GROUPS = [
  'parent_carer',
  'educator',
  'industry',
  'government',
  'civil_society',
  'child_youth',
  'other',
] as const
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number]

/** Is this an ISO 3166-1 alpha-2 country code? */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code)
}

export const emailSchema = z
  .string({ required_error: 'errors.emailRequired' })
  .trim()
  .toLowerCase()
  .min(1, 'errors.emailRequired')
  .max(254, 'errors.emailInvalid')
  .email('errors.emailInvalid')

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .transform((value) => value || null)

/** What a person says about themselves, at registration and on their profile page. */
export const profileSchema = z.object({
  displayName: z
    .string({ required_error: 'errors.displayNameRequired' })
    .trim()
    .min(1, 'errors.displayNameRequired')
    .max(100, 'errors.tooLong'),
  country: z
    .string({ required_error: 'errors.countryRequired' })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, 'errors.countryRequired'),
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, {
    errorMap: () => ({ message: 'errors.groupRequired' }),
  }),
  organisation: optionalText(200).optional().default(''),
  preferredLocale: z.enum(SUPPORTED_LOCALES).catch('en'),
})

export type Profile = z.output<typeof profileSchema>

const { displayName, ...restOfProfile } = profileSchema.shape

// Fields in the order the form shows them: the first problem gets the focus.
export const registrationSchema = z
  .object({
    displayName,
    email: emailSchema,
    // Checked on its own so its problem shows alongside the other fields'.
    password: z.string({ required_error: 'errors.passwordTooShort' }).superRefine((password, ctx) => {
      const problem = passwordProblem(password)
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `errors.${problem}` })
    }),
    ...restOfProfile,
  })
  // The password must not be the email address (its other rules run above).
  .superRefine((value, ctx) => {
    if (passwordProblem(value.password)) return
    const problem = passwordProblem(value.password, value.email)
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['password'], message: `errors.${problem}` })
  })

export type Registration = z.output<typeof registrationSchema>

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ required_error: 'errors.passwordRequired' }).min(1, 'errors.passwordRequired').max(PASSWORD_MAX_LENGTH * 4, 'errors.passwordRequired'),
  redirectTo: z.string().optional(),
})

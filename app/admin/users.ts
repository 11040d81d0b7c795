import { z } from 'zod'
import { STAKEHOLDER_GROUPS, isCountryCode } from '#app/auth/profile.ts'
import { ROLES } from '#app/auth/roles.ts'

// The admin's list of people: what can be searched and filtered, read from
// the address bar so a filtered list can be bookmarked and shared.

export const USER_STATUSES = ['active', 'deactivated', 'deleted'] as const
export type UserStatus = (typeof USER_STATUSES)[number]

const optionalChoice = <T extends readonly [string, ...string[]]>(choices: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(choices).optional()).catch(undefined)

export const userFilterSchema = z.object({
  /** Part of a name or an email address. */
  q: z.string().trim().max(200).optional().catch(undefined).transform((value) => value || undefined),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .catch(undefined)
    .transform((value) => (value && isCountryCode(value) ? value : undefined)),
  group: optionalChoice(STAKEHOLDER_GROUPS),
  role: optionalChoice(ROLES),
  status: optionalChoice(USER_STATUSES),
  /** The last person of the previous page (their id). */
  after: z.string().trim().max(64).optional().catch(undefined).transform((value) => value || undefined),
})

export type UserFilter = z.output<typeof userFilterSchema>

export function readUserFilter(searchParams: URLSearchParams): UserFilter {
  return userFilterSchema.parse(Object.fromEntries(searchParams))
}

/** The status of an account, from its two dates. */
export function userStatus(user: { deactivatedAt: Date | string | null; deletedAt: Date | string | null }): UserStatus {
  if (user.deletedAt) return 'deleted'
  if (user.deactivatedAt) return 'deactivated'
  return 'active'
}

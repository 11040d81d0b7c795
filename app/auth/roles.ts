export const ROLES = ['learner', 'trainer', 'admin'] as const
export type Role = (typeof ROLES)[number]

// Each role can do everything the roles before it can: a trainer is also a
// learner, and programme staff (admins) can open trainers' pages to help them.
const RANK: Record<Role, number> = { learner: 0, trainer: 1, admin: 2 }

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Whether a user with `userRole` may open what needs `required`. */
export function hasRole(userRole: string, required: Role): boolean {
  return isRole(userRole) && RANK[userRole] >= RANK[required]
}

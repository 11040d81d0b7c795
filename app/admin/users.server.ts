import { createResetToken } from '#app/auth/password-reset.server.ts'
import type { Role } from '#app/auth/roles.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { db, transaction } from '#app/utils/db.server.ts'
import { recordAudit, type AuditActor } from './audit.server.ts'
import type { UserFilter } from './users.ts'

export const USERS_PAGE_SIZE = 50

function whereFor(filter: Omit<UserFilter, 'after'>): Prisma.UserWhereInput {
  const q = filter.q?.trim()
  return {
    ...(q
      ? // SQLite's LIKE ignores case for Latin letters; emails are stored lower-case.
        { OR: [{ email: { contains: q.toLowerCase() } }, { displayName: { contains: q } }] }
      : {}),
    ...(filter.country ? { country: filter.country } : {}),
    ...(filter.group ? { stakeholderGroup: filter.group } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.status === 'deleted'
      ? { deletedAt: { not: null } }
      : filter.status === 'deactivated'
        ? { deletedAt: null, deactivatedAt: { not: null } }
        : filter.status === 'active'
          ? { deletedAt: null, deactivatedAt: null }
          : // Deleted accounts are empty shells kept for the reports: shown only when asked for.
            { deletedAt: null }),
  }
}

/**
 * One page of people, newest first, and how many match in all. Pages are
 * keyed by the last person seen, so page 2,000 costs what page 1 does.
 */
export async function searchUsers(filter: UserFilter, pageSize = USERS_PAGE_SIZE) {
  const where = whereFor(filter)
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: pageSize + 1,
      ...(filter.after ? { cursor: { id: filter.after }, skip: 1 } : {}),
      select: {
        id: true,
        displayName: true,
        email: true,
        country: true,
        stakeholderGroup: true,
        role: true,
        createdAt: true,
        deactivatedAt: true,
        deletedAt: true,
      },
    }),
    db.user.count({ where }),
  ])
  return { users: rows.slice(0, pageSize), total, next: rows.length > pageSize ? rows[pageSize - 1]!.id : null }
}

export async function getUserForAdmin(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      displayName: true,
      email: true,
      country: true,
      stakeholderGroup: true,
      organisation: true,
      preferredLocale: true,
      role: true,
      createdAt: true,
      deactivatedAt: true,
      deletedAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  })
}

type Target = NonNullable<Awaited<ReturnType<typeof getUserForAdmin>>>

function userTarget(user: { id: string; displayName: string; email: string }) {
  return { type: 'user' as const, id: user.id, label: user.displayName ? `${user.displayName} <${user.email}>` : user.email }
}

export type AdminUserResult = { ok: true } | { ok: false; reason: 'self' | 'deleted' | 'unchanged' }

/** Changes someone's role. Admins cannot change their own (so one cannot lock everyone out by mistake). */
export async function changeRole(actor: AuditActor & { id: string }, user: Target, role: Role): Promise<AdminUserResult> {
  if (user.id === actor.id) return { ok: false, reason: 'self' }
  if (user.deletedAt) return { ok: false, reason: 'deleted' }
  if (user.role === role) return { ok: false, reason: 'unchanged' }
  await transaction(async () => {
    await db.user.update({ where: { id: user.id }, data: { role } })
    await recordAudit(actor, 'user.role_changed', userTarget(user), { from: user.role, to: role })
  })
  return { ok: true }
}

/** Stops someone signing in: their sessions and reset links end at once. */
export async function deactivateUser(actor: AuditActor & { id: string }, user: Target, now = new Date()): Promise<AdminUserResult & { sessionsEnded?: number }> {
  if (user.id === actor.id) return { ok: false, reason: 'self' }
  if (user.deletedAt) return { ok: false, reason: 'deleted' }
  if (user.deactivatedAt) return { ok: false, reason: 'unchanged' }
  const sessions = await transaction(async () => {
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: now } })
    const ended = await db.session.deleteMany({ where: { userId: user.id } })
    await db.passwordResetToken.deleteMany({ where: { userId: user.id } })
    await recordAudit(actor, 'user.deactivated', userTarget(user), { sessionsEnded: ended.count }, now)
    return ended
  })
  return { ok: true, sessionsEnded: sessions.count }
}

export async function reactivateUser(actor: AuditActor, user: Target): Promise<AdminUserResult> {
  if (user.deletedAt) return { ok: false, reason: 'deleted' }
  if (!user.deactivatedAt) return { ok: false, reason: 'unchanged' }
  await transaction(async () => {
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: null } })
    await recordAudit(actor, 'user.reactivated', userTarget(user))
  })
  return { ok: true }
}

/** A reset link for the admin to hand over in person; the token is shown once. */
export async function createResetLinkFor(actor: AuditActor & { id: string }, user: Target): Promise<{ ok: true; token: string } | { ok: false; reason: 'deleted' | 'deactivated' }> {
  if (user.deletedAt) return { ok: false, reason: 'deleted' }
  if (user.deactivatedAt) return { ok: false, reason: 'deactivated' }
  const token = await transaction(async () => {
    const made = await createResetToken(user.id, actor.id)
    await recordAudit(actor, 'user.reset_link_created', userTarget(user))
    return made
  })
  return { ok: true, token }
}

import type { Prisma } from '#app/generated/prisma/client.ts'
import { db, inTransaction } from '#app/utils/db.server.ts'
import type { AuditAction, AuditDetails, AuditTargetType } from './audit.ts'

/** An admin; `id: null` for a tool using REPORTS_API_TOKEN (email then names the token). */
export type AuditActor = { id: string | null; email: string }
export type AuditTarget = { type: AuditTargetType; id?: string | null; label?: string | null }

/**
 * Records what an admin did, inside the same `transaction()` as the change it
 * records: both are written, or neither (a failed entry undoes the change; a
 * failed change leaves no entry). The log is append-only (the app has no way
 * to edit or delete an entry).
 */
export async function recordAudit(
  actor: AuditActor,
  action: AuditAction,
  target?: AuditTarget | null,
  details: AuditDetails = {},
  now = new Date(),
) {
  if (!inTransaction()) throw new Error(`recordAudit(${action}) must run inside transaction(), with the change it records`)
  await db.auditEvent.create({
    data: {
      at: now,
      actorId: actor.id,
      actorEmail: actor.email,
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      targetLabel: target?.label ?? '',
      details: JSON.stringify(details),
    },
  })
}

export type AuditFilter = {
  action?: AuditAction | null
  /** Part of the actor's email. */
  actor?: string | null
  targetType?: AuditTargetType | null
  targetId?: string | null
  /** Inclusive instants. */
  from?: Date | null
  to?: Date | null
}

export const AUDIT_PAGE_SIZE = 50

/**
 * One page of the log, newest first. Pages are keyed by the last entry seen
 * (`before`: its id), so going deep stays as fast as the first page.
 */
export async function listAuditEvents(filter: AuditFilter, before?: string | null, pageSize = AUDIT_PAGE_SIZE) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor.trim().toLowerCase() } } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.from || filter.to
      ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {}),
  }
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: pageSize + 1,
    ...(before ? { cursor: { id: before }, skip: 1 } : {}),
  })
  return { events: rows.slice(0, pageSize), next: rows.length > pageSize ? rows[pageSize - 1]!.id : null }
}

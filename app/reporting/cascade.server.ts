import type { Prisma } from '#app/generated/prisma/client.ts'
import { db } from '#app/utils/db.server.ts'
import { isSessionStatus, parseAgeBands, type AgeBands, type CascadeSessionInput, type SessionStatus } from './cascade.ts'
import { dateToDay, dayToDate, type Day } from './dates.ts'

// Cascade sessions in the database: trainers log and manage their own while
// pending; admins verify or reject them. Only verified sessions count — the
// period figures read `status = 'verified'` rows directly (reporting module).

export type CascadeSession = {
  id: string
  trainerId: string
  deliveredOn: Day
  place: string
  country: string
  audienceGroup: string
  headcount: number
  female: number | null
  male: number | null
  ageBands: AgeBands | null
  notes: string
  status: SessionStatus
  rejectionReason: string | null
  reviewedAt: Date | null
  createdAt: Date
}

/** What a trainer's work adds up to. Only verified sessions reach people. */
export type TrainerReach = { people: number; verified: number; pending: number; rejected: number }

/** A session in the admin's queue, with who delivered and who reviewed it. */
export type QueuedSession = CascadeSession & {
  trainer: { id: string; displayName: string; email: string }
  reviewer: { id: string; displayName: string } | null
}

/** Why a change to a session was refused: it is gone (or not theirs), or it was reviewed already. */
export type Refusal = { ok: false; reason: 'not-found' | 'already-reviewed' }
export type Outcome = { ok: true } | Refusal
export type ReviewOutcome = { ok: true; session: CascadeSession; trainer: { displayName: string } } | Refusal

type Row = Prisma.CascadeSessionGetPayload<object>

function toSession(row: Row): CascadeSession {
  return {
    id: row.id,
    trainerId: row.trainerId,
    deliveredOn: dateToDay(row.deliveredOn),
    place: row.place,
    country: row.country,
    audienceGroup: row.audienceGroup,
    headcount: row.headcount,
    female: row.female,
    male: row.male,
    ageBands: parseAgeBands(row.ageBands),
    notes: row.notes,
    status: isSessionStatus(row.status) ? row.status : 'pending',
    rejectionReason: row.rejectionReason,
    reviewedAt: row.reviewedAt,
    createdAt: row.createdAt,
  }
}

function columns(input: CascadeSessionInput) {
  return {
    deliveredOn: dayToDate(input.deliveredOn),
    place: input.place,
    country: input.country,
    audienceGroup: input.audienceGroup,
    headcount: input.headcount,
    female: input.female,
    male: input.male,
    ageBands: input.ageBands ? JSON.stringify(input.ageBands) : null,
    notes: input.notes,
  }
}

/** A trainer logs a session they delivered. It waits for an admin's review. */
export async function logSession(trainerId: string, input: CascadeSessionInput): Promise<CascadeSession> {
  return toSession(await db.cascadeSession.create({ data: { trainerId, ...columns(input), status: 'pending' } }))
}

/** A trainer's sessions, the latest delivered first. */
export async function trainerSessions(trainerId: string): Promise<CascadeSession[]> {
  const rows = await db.cascadeSession.findMany({
    where: { trainerId },
    orderBy: [{ deliveredOn: 'desc' }, { createdAt: 'desc' }],
  })
  return rows.map(toSession)
}

/** How many sessions a trainer has in each state and how many people the verified ones reached (summed in SQL). */
export async function trainerReach(trainerId: string): Promise<TrainerReach> {
  const groups = await db.cascadeSession.groupBy({
    by: ['status'],
    where: { trainerId },
    _count: { _all: true },
    _sum: { headcount: true },
  })
  const reach: TrainerReach = { people: 0, verified: 0, pending: 0, rejected: 0 }
  for (const group of groups) {
    if (!isSessionStatus(group.status)) continue
    reach[group.status] = group._count._all
    if (group.status === 'verified') reach.people = group._sum.headcount ?? 0
  }
  return reach
}

/** One of the trainer's own sessions (someone else's is as good as missing). */
export async function findOwnSession(trainerId: string, sessionId: string): Promise<CascadeSession | null> {
  const row = await db.cascadeSession.findFirst({ where: { id: sessionId, trainerId } })
  return row ? toSession(row) : null
}

// Whether a change that touched nothing found no session or a reviewed one.
async function whyUnchanged(where: Prisma.CascadeSessionWhereInput): Promise<Refusal> {
  const row = await db.cascadeSession.findFirst({ where, select: { status: true } })
  return { ok: false, reason: row ? 'already-reviewed' : 'not-found' }
}

/** A trainer corrects their session; only while it waits for review. */
export async function updateOwnSession(trainerId: string, sessionId: string, input: CascadeSessionInput): Promise<Outcome> {
  const { count } = await db.cascadeSession.updateMany({
    where: { id: sessionId, trainerId, status: 'pending' },
    data: columns(input),
  })
  return count === 1 ? { ok: true } : whyUnchanged({ id: sessionId, trainerId })
}

/** A trainer withdraws their session; only while it waits for review (reviewed ones are the programme's record). */
export async function deleteOwnSession(trainerId: string, sessionId: string): Promise<Outcome> {
  const { count } = await db.cascadeSession.deleteMany({ where: { id: sessionId, trainerId, status: 'pending' } })
  return count === 1 ? { ok: true } : whyUnchanged({ id: sessionId, trainerId })
}

// One conditional update, so two admins reviewing the same session at the same
// moment cannot both succeed: the second finds it no longer pending.
async function review(sessionId: string, data: Prisma.CascadeSessionUpdateManyMutationInput): Promise<ReviewOutcome> {
  const { count } = await db.cascadeSession.updateMany({ where: { id: sessionId, status: 'pending' }, data })
  if (count === 1) {
    const row = await db.cascadeSession.findUnique({ where: { id: sessionId }, include: { trainer: { select: { displayName: true } } } })
    if (row) return { ok: true, session: toSession(row), trainer: row.trainer }
  }
  return whyUnchanged({ id: sessionId })
}

/** An admin confirms a pending session: from now on its headcount counts. */
export function verifySession({ sessionId, adminId, now = new Date() }: { sessionId: string; adminId: string; now?: Date }): Promise<ReviewOutcome> {
  return review(sessionId, { status: 'verified', reviewedById: adminId, reviewedAt: now, rejectionReason: null })
}

/** An admin turns a pending session down, saying why (the trainer sees the reason). */
export function rejectSession({
  sessionId,
  adminId,
  reason,
  now = new Date(),
}: {
  sessionId: string
  adminId: string
  reason: string
  now?: Date
}): Promise<ReviewOutcome> {
  return review(sessionId, { status: 'rejected', reviewedById: adminId, reviewedAt: now, rejectionReason: reason })
}

/** Sessions in each state, for the admin's queue and the badge on its link. */
export async function sessionCounts(): Promise<Record<SessionStatus, number>> {
  const groups = await db.cascadeSession.groupBy({ by: ['status'], _count: { _all: true } })
  const counts: Record<SessionStatus, number> = { pending: 0, verified: 0, rejected: 0 }
  for (const group of groups) if (isSessionStatus(group.status)) counts[group.status] = group._count._all
  return counts
}

/** The number of sessions waiting for an admin (the badge on the admin link). */
export function pendingSessionCount(): Promise<number> {
  return db.cascadeSession.count({ where: { status: 'pending' } })
}

export const QUEUE_LIMIT = 100
export const REVIEWED_LIMIT = 50

/**
 * The admin's review queue. Without a filter: every pending session (the
 * longest waiting first), then the most recently reviewed. With a status: only
 * those (pending oldest first, reviewed latest first).
 */
export async function reviewQueue({ status, limit = QUEUE_LIMIT, reviewedLimit = REVIEWED_LIMIT }: { status?: SessionStatus; limit?: number; reviewedLimit?: number } = {}): Promise<{
  pending: QueuedSession[]
  reviewed: QueuedSession[]
  counts: Record<SessionStatus, number>
}> {
  const include = { trainer: { select: { id: true, displayName: true, email: true } } } as const
  const [pendingRows, reviewedRows, counts] = await Promise.all([
    status === undefined || status === 'pending'
      ? db.cascadeSession.findMany({ where: { status: 'pending' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit, include })
      : [],
    status === 'pending'
      ? []
      : db.cascadeSession.findMany({
          where: status ? { status } : { status: { in: ['verified', 'rejected'] } },
          orderBy: [{ reviewedAt: 'desc' }, { id: 'asc' }],
          take: status ? limit : reviewedLimit,
          include,
        }),
    sessionCounts(),
  ])
  // reviewedById is a plain column (a reviewer may since have been deleted).
  const reviewerIds = [...new Set(reviewedRows.map((row) => row.reviewedById).filter((id): id is string => Boolean(id)))]
  const reviewers = reviewerIds.length
    ? new Map((await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, displayName: true } })).map((user) => [user.id, user]))
    : new Map<string, { id: string; displayName: string }>()
  const queued = (row: Row & { trainer: QueuedSession['trainer'] }): QueuedSession => ({
    ...toSession(row),
    trainer: row.trainer,
    reviewer: row.reviewedById ? (reviewers.get(row.reviewedById) ?? null) : null,
  })
  return { pending: pendingRows.map(queued), reviewed: reviewedRows.map(queued), counts }
}

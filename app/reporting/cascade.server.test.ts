import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import type { CascadeSessionInput } from './cascade.ts'
import {
  deleteOwnSession,
  findOwnSession,
  logSession,
  pendingSessionCount,
  rejectSession,
  reviewQueue,
  trainerReach,
  trainerSessions,
  updateOwnSession,
  verifySession,
} from './cascade.server.ts'

async function user(role: string, displayName: string) {
  return db.user.create({
    data: { email: `${crypto.randomUUID()}@example.org`, displayName, passwordHash: 'x', country: 'MW', stakeholderGroup: 'educator', role },
  })
}

function session(overrides: Partial<CascadeSessionInput> = {}): CascadeSessionInput {
  return {
    deliveredOn: '2026-05-02',
    place: 'Chilinde Primary School',
    country: 'MW',
    audienceGroup: 'parent_carer',
    headcount: 28,
    female: null,
    male: null,
    ageBands: null,
    notes: '',
    ...overrides,
  }
}

beforeEach(async () => {
  await db.cascadeSession.deleteMany()
})

describe('a trainer logging sessions', () => {
  test('a logged session is stored as a day, pending, with its breakdowns', async () => {
    const trainer = await user('trainer', 'Grace Banda')
    const logged = await logSession(trainer.id, session({ female: 16, male: 12, ageBands: { under_13: 20, '18_plus': 8 }, notes: 'Cyberbullying' }))
    expect(logged).toMatchObject({ deliveredOn: '2026-05-02', status: 'pending', female: 16, male: 12, ageBands: { under_13: 20, '18_plus': 8 } })
    const row = await db.cascadeSession.findUniqueOrThrow({ where: { id: logged.id } })
    // A day is stored as UTC midnight; age bands as JSON.
    expect(row.deliveredOn.toISOString()).toBe('2026-05-02T00:00:00.000Z')
    expect(JSON.parse(row.ageBands!)).toEqual({ under_13: 20, '18_plus': 8 })
    expect(row).toMatchObject({ status: 'pending', reviewedById: null, reviewedAt: null, rejectionReason: null })
  })

  test('their list is newest first, and only theirs; reach counts verified sessions only', async () => {
    const grace = await user('trainer', 'Grace Banda')
    const other = await user('trainer', 'Chikondi Phiri')
    const admin = await user('admin', 'Programme Officer')
    const a = await logSession(grace.id, session({ deliveredOn: '2026-03-01', headcount: 30 }))
    const b = await logSession(grace.id, session({ deliveredOn: '2026-04-15', headcount: 25 }))
    const c = await logSession(grace.id, session({ deliveredOn: '2026-05-02', headcount: 40 }))
    await logSession(grace.id, session({ deliveredOn: '2026-05-03', headcount: 7 }))
    const theirs = await logSession(other.id, session({ headcount: 500 }))
    await verifySession({ sessionId: a.id, adminId: admin.id })
    await verifySession({ sessionId: b.id, adminId: admin.id })
    await rejectSession({ sessionId: c.id, adminId: admin.id, reason: 'Duplicate' })
    await verifySession({ sessionId: theirs.id, adminId: admin.id })

    expect((await trainerSessions(grace.id)).map((s) => s.deliveredOn)).toEqual(['2026-05-03', '2026-05-02', '2026-04-15', '2026-03-01'])
    // 30 + 25 verified; 40 rejected and 7 pending do not count; the other trainer's 500 neither.
    expect(await trainerReach(grace.id)).toEqual({ people: 55, verified: 2, pending: 1, rejected: 1 })
    expect(await trainerReach(other.id)).toEqual({ people: 500, verified: 1, pending: 0, rejected: 0 })
    expect(await trainerReach((await user('trainer', 'New Trainer')).id)).toEqual({ people: 0, verified: 0, pending: 0, rejected: 0 })
  })

  test('a pending session can be corrected or withdrawn by its trainer only', async () => {
    const grace = await user('trainer', 'Grace Banda')
    const other = await user('trainer', 'Chikondi Phiri')
    const logged = await logSession(grace.id, session({ female: 10 }))

    expect(await findOwnSession(other.id, logged.id)).toBeNull()
    expect(await updateOwnSession(other.id, logged.id, session({ headcount: 999 }))).toEqual({ ok: false, reason: 'not-found' })
    expect(await deleteOwnSession(other.id, logged.id)).toEqual({ ok: false, reason: 'not-found' })

    expect(await updateOwnSession(grace.id, logged.id, session({ place: 'Zomba', headcount: 30, female: null, ageBands: { '13_17': 30 } }))).toEqual({ ok: true })
    expect(await findOwnSession(grace.id, logged.id)).toMatchObject({ place: 'Zomba', headcount: 30, female: null, ageBands: { '13_17': 30 }, status: 'pending' })

    expect(await deleteOwnSession(grace.id, logged.id)).toEqual({ ok: true })
    expect(await findOwnSession(grace.id, logged.id)).toBeNull()
    expect(await deleteOwnSession(grace.id, logged.id)).toEqual({ ok: false, reason: 'not-found' })
  })

  test('a reviewed session can no longer be changed or deleted by its trainer', async () => {
    const grace = await user('trainer', 'Grace Banda')
    const admin = await user('admin', 'Programme Officer')
    const verified = await logSession(grace.id, session())
    const rejected = await logSession(grace.id, session())
    await verifySession({ sessionId: verified.id, adminId: admin.id })
    await rejectSession({ sessionId: rejected.id, adminId: admin.id, reason: 'No attendance sheet' })
    for (const id of [verified.id, rejected.id]) {
      expect(await updateOwnSession(grace.id, id, session({ headcount: 999 }))).toEqual({ ok: false, reason: 'already-reviewed' })
      expect(await deleteOwnSession(grace.id, id)).toEqual({ ok: false, reason: 'already-reviewed' })
    }
    expect(await trainerReach(grace.id)).toEqual({ people: 28, verified: 1, pending: 0, rejected: 1 })
  })
})

describe('an admin reviewing sessions', () => {
  test('verifying and rejecting record who, when and why', async () => {
    const grace = await user('trainer', 'Grace Banda')
    const admin = await user('admin', 'Programme Officer')
    const one = await logSession(grace.id, session())
    const two = await logSession(grace.id, session())
    const now = new Date('2026-05-09T08:30:00Z')
    expect(await verifySession({ sessionId: one.id, adminId: admin.id, now })).toMatchObject({ ok: true, session: { id: one.id, status: 'verified', headcount: 28 } })
    expect(await rejectSession({ sessionId: two.id, adminId: admin.id, reason: 'Same session as 2 May', now })).toMatchObject({
      ok: true,
      session: { id: two.id, status: 'rejected', rejectionReason: 'Same session as 2 May' },
    })
    expect(await db.cascadeSession.findUniqueOrThrow({ where: { id: one.id } })).toMatchObject({ status: 'verified', reviewedById: admin.id, reviewedAt: now, rejectionReason: null })
    expect(await db.cascadeSession.findUniqueOrThrow({ where: { id: two.id } })).toMatchObject({
      status: 'rejected',
      reviewedById: admin.id,
      reviewedAt: now,
      rejectionReason: 'Same session as 2 May',
    })
    expect((await trainerSessions(grace.id)).find((s) => s.id === two.id)?.rejectionReason).toBe('Same session as 2 May')
  })

  test('a session is reviewed once: a second review is refused and changes nothing', async () => {
    const grace = await user('trainer', 'Grace Banda')
    const admin = await user('admin', 'Programme Officer')
    const other = await user('admin', 'Another Officer')
    const one = await logSession(grace.id, session())
    // Two admins at the same moment: exactly one wins.
    const outcomes = await Promise.all([
      verifySession({ sessionId: one.id, adminId: admin.id }),
      rejectSession({ sessionId: one.id, adminId: other.id, reason: 'Too late' }),
    ])
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, reason: 'already-reviewed' }])
    const before = await db.cascadeSession.findUniqueOrThrow({ where: { id: one.id } })
    expect(await verifySession({ sessionId: one.id, adminId: other.id })).toEqual({ ok: false, reason: 'already-reviewed' })
    expect(await rejectSession({ sessionId: one.id, adminId: other.id, reason: 'Changed my mind' })).toEqual({ ok: false, reason: 'already-reviewed' })
    expect(await db.cascadeSession.findUniqueOrThrow({ where: { id: one.id } })).toEqual(before)
    expect(await verifySession({ sessionId: 'no-such-session', adminId: admin.id })).toEqual({ ok: false, reason: 'not-found' })
  })

  test('the queue shows pending sessions first (longest waiting first), then recent reviews; it filters by status', async () => {
    const grace = await user('trainer', 'Grace Banda')
    const admin = await user('admin', 'Programme Officer')
    const first = await logSession(grace.id, session({ place: 'First' }))
    const second = await logSession(grace.id, session({ place: 'Second' }))
    const third = await logSession(grace.id, session({ place: 'Third' }))
    const fourth = await logSession(grace.id, session({ place: 'Fourth' }))
    await db.cascadeSession.update({ where: { id: first.id }, data: { createdAt: new Date('2026-05-01T09:00:00Z') } })
    await db.cascadeSession.update({ where: { id: second.id }, data: { createdAt: new Date('2026-05-02T09:00:00Z') } })
    await verifySession({ sessionId: third.id, adminId: admin.id, now: new Date('2026-05-05T09:00:00Z') })
    await rejectSession({ sessionId: fourth.id, adminId: admin.id, reason: 'Duplicate', now: new Date('2026-05-06T09:00:00Z') })

    const all = await reviewQueue()
    expect(all.pending.map((s) => s.place)).toEqual(['First', 'Second'])
    expect(all.reviewed.map((s) => s.place)).toEqual(['Fourth', 'Third'])
    expect(all.counts).toEqual({ pending: 2, verified: 1, rejected: 1 })
    expect(all.pending[0]).toMatchObject({ trainer: { displayName: 'Grace Banda', email: grace.email }, reviewer: null })
    expect(all.reviewed[0]).toMatchObject({ status: 'rejected', rejectionReason: 'Duplicate', reviewer: { displayName: 'Programme Officer' } })

    expect(await reviewQueue({ status: 'pending' })).toMatchObject({ reviewed: [], pending: [{ place: 'First' }, { place: 'Second' }] })
    expect(await reviewQueue({ status: 'verified' })).toMatchObject({ pending: [], reviewed: [{ place: 'Third' }] })
    expect(await reviewQueue({ status: 'rejected' })).toMatchObject({ pending: [], reviewed: [{ place: 'Fourth' }] })
    expect(await pendingSessionCount()).toBe(2)
  })

  test('a deleted reviewer leaves the review in place, without a name', async () => {
    const grace = await user('trainer', 'Grace Banda')
    const admin = await user('admin', 'Former Officer')
    const one = await logSession(grace.id, session())
    await verifySession({ sessionId: one.id, adminId: admin.id })
    await db.user.delete({ where: { id: admin.id } })
    expect((await reviewQueue({ status: 'verified' })).reviewed).toMatchObject([{ id: one.id, status: 'verified', reviewer: null }])
  })
})

import { describe, expect, test } from 'vitest'
import { findResetLink } from '#app/auth/password-reset.server.ts'
import { createSession, validateSessionToken } from '#app/auth/session.server.ts'
import { db } from '#app/utils/db.server.ts'
import { listAuditEvents } from './audit.server.ts'
import { readUserFilter } from './users.ts'
import { changeRole, createResetLinkFor, deactivateUser, getUserForAdmin, reactivateUser, searchUsers } from './users.server.ts'

// Each test uses its own made-up country filter values and name stems, so tests do not see each other's people.
let seq = 0
async function person(data: { displayName?: string; email?: string; country?: string; stakeholderGroup?: string; role?: string; createdAt?: Date } = {}) {
  seq += 1
  return db.user.create({
    data: {
      email: data.email ?? `p${seq}-${crypto.randomUUID()}@example.org`,
      displayName: data.displayName ?? `Person ${seq}`,
      passwordHash: 'x',
      country: data.country ?? 'MW',
      stakeholderGroup: data.stakeholderGroup ?? 'educator',
      role: data.role ?? 'learner',
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
    },
  })
}

const admin = { id: 'admin-id', email: 'staff@example.org' }
async function target(id: string) {
  return (await getUserForAdmin(id))!
}

describe('finding people', () => {
  test('by part of a name (any case) or email, and by country, group and role', async () => {
    const stem = `Zq${crypto.randomUUID().slice(0, 6)}`
    const a = await person({ displayName: `Chikondi ${stem}`, country: 'ZM', stakeholderGroup: 'educator' })
    const b = await person({ displayName: `Mercy ${stem}`, country: 'ZM', stakeholderGroup: 'parent_carer', role: 'trainer' })
    const c = await person({ displayName: 'Somebody Else', email: `${stem.toLowerCase()}@school.example`, country: 'TZ' })

    const names = async (query: string) => (await searchUsers(readUserFilter(new URLSearchParams(query)))).users.map((u) => u.id).sort()
    expect(await names(`q=${stem.toUpperCase()}`)).toEqual([a.id, b.id, c.id].sort())
    expect(await names(`q=${stem}&country=zm`)).toEqual([a.id, b.id].sort())
    expect(await names(`q=${stem}&group=parent_carer`)).toEqual([b.id])
    expect(await names(`q=${stem}&role=trainer`)).toEqual([b.id])
    expect(await names(`q=chikondi%20${stem}`)).toEqual([a.id])
    // Nonsense filters are ignored rather than failing.
    expect(await names(`q=${stem}&role=emperor&country=XX&status=gone`)).toEqual([a.id, b.id, c.id].sort())
  })

  test('pages of a given size, newest first, with the total, and without repeats', async () => {
    const stem = `Pg${crypto.randomUUID().slice(0, 6)}`
    const created = []
    for (let i = 0; i < 7; i++) created.push(await person({ displayName: `${stem} ${i}`, createdAt: new Date(Date.UTC(2025, 0, 1 + i)) }))
    const seen: string[] = []
    let after: string | undefined
    for (let page = 0; page < 4; page++) {
      const result = await searchUsers({ q: stem, after }, 3)
      expect(result.total).toBe(7)
      seen.push(...result.users.map((u) => u.displayName))
      if (!result.next) break
      after = result.next
    }
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `${stem} ${i}`))
  })

  test('deactivated and deleted people by status; deleted ones only when asked for', async () => {
    const stem = `St${crypto.randomUUID().slice(0, 6)}`
    const active = await person({ displayName: `${stem} a` })
    const off = await person({ displayName: `${stem} b` })
    await db.user.update({ where: { id: off.id }, data: { deactivatedAt: new Date() } })
    const gone = await person({ displayName: `${stem} c` })
    await db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } })
    const ids = async (status?: 'active' | 'deactivated' | 'deleted') => (await searchUsers({ q: stem, status })).users.map((u) => u.id).sort()
    expect(await ids()).toEqual([active.id, off.id].sort())
    expect(await ids('active')).toEqual([active.id])
    expect(await ids('deactivated')).toEqual([off.id])
    expect(await ids('deleted')).toEqual([gone.id])
  })
})

describe('managing a person', () => {
  test('deactivating ends their sessions and reset links at once; reactivating lets them back', async () => {
    const user = await person()
    const phone = await createSession(user.id)
    const laptop = await createSession(user.id)
    const link = await createResetLinkFor(admin, await target(user.id))
    expect(link.ok).toBe(true)

    expect(await deactivateUser(admin, await target(user.id))).toEqual({ ok: true, sessionsEnded: 2 })
    expect(await validateSessionToken(phone.token)).toBeNull()
    expect(await validateSessionToken(laptop.token)).toBeNull()
    if (link.ok) expect((await findResetLink(link.token)).state).toBe('unknown')
    expect(await createResetLinkFor(admin, await target(user.id))).toEqual({ ok: false, reason: 'deactivated' })
    expect(await deactivateUser(admin, await target(user.id))).toEqual({ ok: false, reason: 'unchanged' })

    expect(await reactivateUser(admin, await target(user.id))).toEqual({ ok: true })
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).toBeNull()

    const log = await listAuditEvents({ targetType: 'user', targetId: user.id })
    expect(log.events.map((e) => e.action)).toEqual(['user.reactivated', 'user.deactivated', 'user.reset_link_created'])
    expect(log.events.every((e) => e.actorEmail === admin.email)).toBe(true)
  })

  test('changing a role is logged with the old and new role; one’s own role and deactivation are refused', async () => {
    const user = await person()
    expect(await changeRole(admin, await target(user.id), 'trainer')).toEqual({ ok: true })
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('trainer')
    const [event] = (await listAuditEvents({ action: 'user.role_changed', targetId: user.id })).events
    expect(JSON.parse(event!.details)).toEqual({ from: 'learner', to: 'trainer' })
    expect(await changeRole(admin, await target(user.id), 'trainer')).toEqual({ ok: false, reason: 'unchanged' })

    const me = await person({ role: 'admin' })
    const self = { id: me.id, email: me.email }
    expect(await changeRole(self, await target(me.id), 'learner')).toEqual({ ok: false, reason: 'self' })
    expect(await deactivateUser(self, await target(me.id))).toEqual({ ok: false, reason: 'self' })
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).role).toBe('admin')
  })
})

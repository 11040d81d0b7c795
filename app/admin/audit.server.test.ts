import { beforeEach, describe, expect, test } from 'vitest'
import { db, transaction } from '#app/utils/db.server.ts'
import { listAuditEvents, recordAudit, type AuditActor } from './audit.server.ts'

/** An audit entry on its own, as the tests need them (the app writes each with its change). */
const audit = (...args: Parameters<typeof recordAudit>) => transaction(() => recordAudit(...args))

const ada: AuditActor = { id: 'admin-ada', email: 'ada.admin@example.org' }
const bo: AuditActor = { id: 'admin-bo', email: 'bo@programme.example' }
const tool: AuditActor = { id: null, email: 'REPORTS_API_TOKEN' }

const at = (iso: string) => new Date(iso)
const actions = (events: Array<{ action: string }>) => events.map((event) => event.action)

beforeEach(async () => {
  await db.auditEvent.deleteMany()
})

describe('recording', () => {
  test('writes one entry with who, what, when, the target and the details', async () => {
    await audit(ada, 'certificate.revoked', { type: 'certificate', id: 'CERT123', label: 'CERT123 · Grace Banda' }, { reason: 'misconduct' }, at('2026-03-02T10:00:00Z'))
    const rows = await db.auditEvent.findMany()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      at: at('2026-03-02T10:00:00Z'),
      actorId: 'admin-ada',
      actorEmail: 'ada.admin@example.org',
      action: 'certificate.revoked',
      targetType: 'certificate',
      targetId: 'CERT123',
      targetLabel: 'CERT123 · Grace Banda',
    })
    expect(JSON.parse(rows[0]!.details)).toEqual({ reason: 'misconduct' })
  })

  test('without a target or details, and by a tool rather than a person', async () => {
    await audit(tool, 'report.exported')
    const row = await db.auditEvent.findFirstOrThrow()
    expect(row).toMatchObject({ actorId: null, actorEmail: 'REPORTS_API_TOKEN', targetType: null, targetId: null, targetLabel: '', details: '{}' })
    expect(Math.abs(row.at.getTime() - Date.now())).toBeLessThan(60_000)
  })
})

describe('listing', () => {
  beforeEach(async () => {
    await audit(ada, 'cohort.created', { type: 'cohort', id: 'c1', label: 'Lilongwe' }, {}, at('2026-01-10T09:00:00Z'))
    await audit(bo, 'cohort.member_added', { type: 'cohort', id: 'c1', label: 'Lilongwe' }, { name: 'Tiago' }, at('2026-01-11T09:00:00Z'))
    await audit(ada, 'activity.created', { type: 'activity', id: 'a1', label: 'School visit' }, {}, at('2026-02-01T09:00:00Z'))
    await audit(bo, 'cohort.created', { type: 'cohort', id: 'c2', label: 'Zomba' }, {}, at('2026-02-15T09:00:00Z'))
    await audit(tool, 'report.exported', { type: 'report', label: '/api/reports' }, { format: 'json' }, at('2026-03-01T00:00:00Z'))
  })

  test('everything, newest first', async () => {
    const { events, next } = await listAuditEvents({})
    expect(actions(events)).toEqual(['report.exported', 'cohort.created', 'activity.created', 'cohort.member_added', 'cohort.created'])
    expect(next).toBeNull()
  })

  test('by action', async () => {
    const { events } = await listAuditEvents({ action: 'cohort.created' })
    expect(events.map((event) => event.targetId)).toEqual(['c2', 'c1'])
  })

  test('by part of the actor’s email, whatever its case', async () => {
    expect(actions((await listAuditEvents({ actor: 'ada' })).events)).toEqual(['activity.created', 'cohort.created'])
    expect(actions((await listAuditEvents({ actor: '  PROGRAMME.example ' })).events)).toEqual(['cohort.created', 'cohort.member_added'])
    expect((await listAuditEvents({ actor: 'nobody' })).events).toEqual([])
  })

  test('by target: its type, or one target', async () => {
    expect((await listAuditEvents({ targetType: 'cohort' })).events).toHaveLength(3)
    const one = await listAuditEvents({ targetType: 'cohort', targetId: 'c1' })
    expect(actions(one.events)).toEqual(['cohort.member_added', 'cohort.created'])
  })

  test('by date range, both ends included', async () => {
    const { events } = await listAuditEvents({ from: at('2026-01-11T09:00:00Z'), to: at('2026-02-15T09:00:00Z') })
    expect(actions(events)).toEqual(['cohort.created', 'activity.created', 'cohort.member_added'])
    expect(actions((await listAuditEvents({ from: at('2026-02-16T00:00:00Z') })).events)).toEqual(['report.exported'])
    expect(actions((await listAuditEvents({ to: at('2026-01-10T23:59:59Z') })).events)).toEqual(['cohort.created'])
  })

  test('filters combine', async () => {
    const { events } = await listAuditEvents({ action: 'cohort.created', actor: 'bo@', from: at('2026-01-01T00:00:00Z') })
    expect(events.map((event) => event.targetId)).toEqual(['c2'])
  })
})

describe('paging with `before`', () => {
  test('walks the whole log once, in order, and stops', async () => {
    // Two at the same instant: the order between them must still be stable.
    const same = at('2026-04-01T12:00:00Z')
    for (let day = 1; day <= 5; day++) {
      await audit(ada, 'baseline.added', { type: 'baseline', id: `b${day}` }, {}, at(`2026-03-0${day}T08:00:00Z`))
    }
    await audit(bo, 'baseline.deleted', { type: 'baseline', id: 'b6' }, {}, same)
    await audit(bo, 'baseline.deleted', { type: 'baseline', id: 'b7' }, {}, same)
    const everything = (await listAuditEvents({})).events.map((event) => event.id)
    expect(everything).toHaveLength(7)

    const seen: string[] = []
    let before: string | null = null
    let pages = 0
    do {
      const page: Awaited<ReturnType<typeof listAuditEvents>> = await listAuditEvents({}, before, 3)
      expect(page.events.length).toBeLessThanOrEqual(3)
      seen.push(...page.events.map((event) => event.id))
      before = page.next
      pages++
    } while (before && pages < 10)

    expect(pages).toBe(3)
    expect(seen).toEqual(everything)
  })

  test('a page that exactly fills up has no next page', async () => {
    for (let day = 1; day <= 4; day++) {
      await audit(ada, 'activity.updated', { type: 'activity', id: `a${day}` }, {}, at(`2026-05-0${day}T08:00:00Z`))
    }
    const first = await listAuditEvents({}, null, 2)
    expect(first.events.map((event) => event.targetId)).toEqual(['a4', 'a3'])
    expect(first.next).toBe(first.events[1]!.id)
    const second = await listAuditEvents({}, first.next, 2)
    expect(second.events.map((event) => event.targetId)).toEqual(['a2', 'a1'])
    expect(second.next).toBeNull()
  })

  test('keeps to the filter across pages', async () => {
    for (let day = 1; day <= 6; day++) {
      await audit(day % 2 ? ada : bo, 'activity.deleted', { type: 'activity', id: `a${day}` }, {}, at(`2026-06-0${day}T08:00:00Z`))
    }
    const first = await listAuditEvents({ actor: 'ada' }, null, 2)
    expect(first.events.map((event) => event.targetId)).toEqual(['a5', 'a3'])
    const second = await listAuditEvents({ actor: 'ada' }, first.next, 2)
    expect(second.events.map((event) => event.targetId)).toEqual(['a1'])
    expect(second.next).toBeNull()
  })
})

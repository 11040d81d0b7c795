import { describe, expect, test } from 'vitest'
import { recordAudit } from '#app/admin/audit.server.ts'
import { db, inTransaction, transaction } from './db.server.ts'

const admin = { id: null, email: 'tx-test@example.org' }
const baseline = (note: string) => ({ asOf: new Date('2021-12-31T00:00:00Z'), activityKind: 'tot', stakeholderGroup: 'educator', country: 'MW', participants: 5, note })

describe('transaction()', () => {
  test('an admin change and its audit entry are written together', async () => {
    const note = `together-${crypto.randomUUID()}`
    await transaction(async () => {
      const added = await db.baseline.create({ data: baseline(note) })
      await recordAudit(admin, 'baseline.added', { type: 'baseline', id: added.id })
    })
    const added = await db.baseline.findFirstOrThrow({ where: { note } })
    expect(await db.auditEvent.count({ where: { targetId: added.id } })).toBe(1)
  })

  test('when anything after the change fails (the audit entry, say), the change is undone', async () => {
    const note = `undone-${crypto.randomUUID()}`
    await expect(
      transaction(async () => {
        await db.baseline.create({ data: baseline(note) })
        // A nested $transaction joins the outer one and is undone with it.
        await db.$transaction([db.baseline.create({ data: baseline(note) })])
        throw new Error('the audit log could not be written')
      }),
    ).rejects.toThrow('could not be written')
    expect(await db.baseline.count({ where: { note } })).toBe(0)
  })

  test('an audit entry cannot be written outside one, on its own', async () => {
    expect(inTransaction()).toBe(false)
    await expect(recordAudit(admin, 'report.exported')).rejects.toThrow(/inside transaction/)
  })

  test('a transaction inside a transaction joins it', async () => {
    const note = `joined-${crypto.randomUUID()}`
    await expect(
      transaction(async () => {
        await transaction(async () => {
          await db.baseline.create({ data: baseline(note) })
        })
        throw new Error('outer fails')
      }),
    ).rejects.toThrow('outer fails')
    expect(await db.baseline.count({ where: { note } })).toBe(0)
  })
})

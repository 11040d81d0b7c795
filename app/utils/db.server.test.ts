import Database from 'better-sqlite3'
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

  test('holds the write lock from its start: another process\'s write in the middle cannot make it fail', async () => {
    // Another worker, as SQLite sees it: a second connection to the same file.
    const other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ''), { timeout: 50 })
    const note = `immediate-${crypto.randomUUID()}`
    const first = await db.baseline.create({ data: baseline(note) })
    let otherWrite: string = 'not tried'
    await transaction(async () => {
      // Read first, as most transactions do…
      await db.baseline.findUniqueOrThrow({ where: { id: first.id } })
      // …while the other process tries to write: it has to wait (and here gives up).
      try {
        other.prepare('UPDATE Baseline SET participants = participants + 1 WHERE id = ?').run(first.id)
        otherWrite = 'written'
      } catch (error) {
        otherWrite = (error as { code?: string }).code ?? 'failed'
      }
      // …then write: with a deferred BEGIN this failed with SQLITE_BUSY when the other write went through.
      await db.baseline.update({ where: { id: first.id }, data: { participants: 6 } })
    })
    other.close()
    expect(otherWrite).toBe('SQLITE_BUSY')
    expect((await db.baseline.findUniqueOrThrow({ where: { id: first.id } })).participants).toBe(6)
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { backupDatabase, checkIntegrity, defaultBackupFile, restoreDatabase } from './backup.server.ts'

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-backup-'))

test('a backup taken while the app writes is a consistent copy, and restores', async () => {
  const dir = folder()
  const live = path.join(dir, 'trellis.db')
  const app = new Database(live)
  app.pragma('journal_mode = WAL')
  app.exec('CREATE TABLE lesson_done (id INTEGER PRIMARY KEY, learner TEXT NOT NULL, padding TEXT NOT NULL)')
  const insert = app.prepare('INSERT INTO lesson_done (learner, padding) VALUES (?, ?)')
  const many = app.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run(`learner-${i}`, 'x'.repeat(500))
  })
  many(5_000)
  const before = 5_000

  // The app goes on writing, one transaction per tick, while the backup runs.
  let writing = true
  let written = before
  const writer = (async () => {
    while (writing) {
      many(10)
      written += 10
      await new Promise((resolve) => setImmediate(resolve))
    }
  })()
  const { destination } = await backupDatabase(live, path.join(dir, 'backups', 'copy.db'))
  writing = false
  await writer

  checkIntegrity(destination)
  expect(fs.readdirSync(path.dirname(destination))).toEqual(['copy.db'])
  const copy = new Database(destination, { readonly: true })
  const copied = (copy.prepare('SELECT count(*) AS n FROM lesson_done').get() as { n: number }).n
  copy.close()
  // Whole transactions only: a count the app had at some moment.
  expect(copied).toBeGreaterThanOrEqual(before)
  expect(copied).toBeLessThanOrEqual(written)
  expect(copied % 10).toBe(0)

  await expect(backupDatabase(live, destination)).rejects.toThrow(/already exists/)

  app.close()
  restoreDatabase(destination, live)
  const restored = new Database(live, { readonly: true })
  expect((restored.prepare('SELECT count(*) AS n FROM lesson_done').get() as { n: number }).n).toBe(copied)
  restored.close()
  expect(fs.existsSync(`${live}.before-restore`)).toBe(true)
})

test('a damaged backup is refused and the database is left as it was', () => {
  const dir = folder()
  const live = path.join(dir, 'trellis.db')
  new Database(live).exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
  const damaged = path.join(dir, 'damaged.db')
  fs.writeFileSync(damaged, 'not a database at all, just text that happens to be here'.repeat(100))
  expect(() => restoreDatabase(damaged, live)).toThrow()
  const db = new Database(live, { readonly: true })
  expect(db.prepare('SELECT x FROM t').get()).toEqual({ x: 1 })
  db.close()
})

test('backups are named by their moment, beside the database', () => {
  expect(defaultBackupFile('/srv/trellis/data/trellis.db', new Date('2026-12-01T22:15:00.123Z'))).toBe('/srv/trellis/data/backups/trellis-20261201T221500Z.db')
})

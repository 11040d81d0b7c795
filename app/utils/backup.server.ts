import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

// Backups of the embedded SQLite database (README, "Backups"). SQLite's online
// backup API copies the database while the app goes on reading and writing
// (in WAL mode a reader never blocks the writer): the copy is one consistent
// moment of the database, whatever was being written.

/**
 * Pages per step: all of them. A write by the app between two steps would
 * make SQLite start the copy again, so under steady load a copy in small
 * steps might never finish; one step reads one snapshot.
 */
const PAGES_PER_STEP = 0x7fffffff

/** Checks a database file; throws with SQLite's own words if it is damaged. */
export function checkIntegrity(file: string) {
  const database = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const result = database.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new Error(`${file} is damaged: ${String(result)}`)
  } finally {
    database.close()
  }
}

/** Copies the live database at `source` to a new file `destination`, then checks the copy. */
export async function backupDatabase(source: string, destination: string) {
  if (fs.existsSync(destination)) throw new Error(`${destination} already exists: choose a new file for the backup`)
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const database = new Database(source, { fileMustExist: true })
  try {
    await database.backup(destination, { progress: () => PAGES_PER_STEP })
  } finally {
    database.close()
  }
  // One self-contained file: the copy keeps no write-ahead log of its own.
  const copy = new Database(destination)
  copy.pragma('journal_mode = DELETE')
  copy.close()
  checkIntegrity(destination)
  return { destination, bytes: fs.statSync(destination).size }
}

/**
 * Puts a backup in place of the database at `target`. Trellis must be
 * stopped: a running server keeps the old file open. The backup is checked
 * first; the database it replaces has its write-ahead log folded in and is
 * kept beside it as `<target>.before-restore` (a later restore replaces that
 * one); then the backup is copied beside the target and renamed over it.
 */
export function restoreDatabase(backup: string, target: string) {
  checkIntegrity(backup)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  if (fs.existsSync(target)) {
    const current = new Database(target)
    current.pragma('wal_checkpoint(TRUNCATE)')
    current.close()
    fs.copyFileSync(target, `${target}.before-restore`)
  }
  const temporary = `${target}.restoring`
  fs.copyFileSync(backup, temporary)
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true })
  fs.renameSync(temporary, target)
}

/** A backup's default name: data/backups/trellis-2026-12-01T221500Z.db. */
export function defaultBackupFile(databaseFile: string, now = new Date()) {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  return path.join(path.dirname(databaseFile), 'backups', `trellis-${stamp}.db`)
}

import fs from 'node:fs'
import path from 'node:path'

export const DEFAULT_DATABASE_URL = 'file:./data/trellis.db'
/** The default file before the rename to Trellis; still used when it is the only one there. */
export const OLD_DEFAULT_DATABASE_URL = 'file:./data/lantern.db'

let toldAboutOldFile = false

/**
 * The SQLite database URL (`DATABASE_URL`, else the default file).
 * Creates the database's folder so a fresh clone starts without a manual step,
 * and exports the value so Prisma's `env("DATABASE_URL")` sees the same one.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || defaultDatabaseUrl()
  process.env.DATABASE_URL = url
  const file = sqliteFilePath(url)
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true })
  return url
}

/**
 * `data/trellis.db`, unless only the database of the platform's former name
 * (`data/lantern.db`) exists in `root`: then that one, said once in the log, so
 * someone who tried the old name keeps their data.
 */
export function defaultDatabaseUrl(root = process.cwd(), log: (message: string) => void = console.warn): string {
  const current = sqliteFilePath(DEFAULT_DATABASE_URL, root)!
  const old = sqliteFilePath(OLD_DEFAULT_DATABASE_URL, root)!
  if (fs.existsSync(current) || !fs.existsSync(old)) return DEFAULT_DATABASE_URL
  if (!toldAboutOldFile) {
    toldAboutOldFile = true
    log(
      `Using ${path.relative(root, old)}, the default database file before the rename to Trellis. ` +
        `To silence this message, stop Trellis and rename it (and its -wal file) to ${path.relative(root, current)}.`,
    )
  }
  return OLD_DEFAULT_DATABASE_URL
}

/** The file path of a `file:` SQLite URL (relative paths from `root`), or null for anything else. */
export function sqliteFilePath(url: string, root = process.cwd()): string | null {
  if (!url.startsWith('file:')) return null
  const file = url.slice('file:'.length).split('?')[0] ?? ''
  return file === ':memory:' || file === '' ? null : path.resolve(root, file)
}

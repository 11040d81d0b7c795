import fs from 'node:fs'
import path from 'node:path'

export const DEFAULT_DATABASE_URL = 'file:./data/lantern.db'

/**
 * The SQLite database URL (`DATABASE_URL`, else `file:./data/lantern.db`).
 * Creates the database's folder so a fresh clone starts without a manual step,
 * and exports the value so Prisma's `env("DATABASE_URL")` sees the same one.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  process.env.DATABASE_URL = url
  const file = sqliteFilePath(url)
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true })
  return url
}

/** The file path of a `file:` SQLite URL, or null for anything else. */
export function sqliteFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null
  const file = url.slice('file:'.length).split('?')[0] ?? ''
  return file === ':memory:' || file === '' ? null : path.resolve(file)
}

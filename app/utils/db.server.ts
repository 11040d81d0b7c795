import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { databaseUrl } from './database-url.ts'

/** How long a write waits for another writer before SQLite gives up. */
const BUSY_TIMEOUT_MS = 5_000

function createClient() {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl(), timeout: BUSY_TIMEOUT_MS })
  const client = new PrismaClient({ adapter })
  // WAL lets readers go on while one request writes; it is a property of the
  // database file, so setting it once per process is enough. SQLite-only SQL
  // stays in this module (PostgreSQL comes later).
  void client.$queryRawUnsafe('PRAGMA journal_mode = WAL').catch((error: unknown) => {
    console.error('Could not switch SQLite to WAL mode', error)
  })
  return client
}

// One client per process; in development Vite reloads modules, so keep it on
// globalThis to avoid opening a new connection on every change.
const globalForDb = globalThis as unknown as { __trellisDb?: PrismaClient }
export const db: PrismaClient = (globalForDb.__trellisDb ??= createClient())

import { AsyncLocalStorage } from 'node:async_hooks'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient, type Prisma } from '#app/generated/prisma/client.ts'
import { databaseUrl } from './database-url.ts'

/** How long a write waits for another writer before SQLite gives up. */
const BUSY_TIMEOUT_MS = 5_000

/**
 * Makes every transaction begin with `BEGIN IMMEDIATE` instead of the adapter's
 * plain `BEGIN`. A plain (deferred) transaction that reads, then writes, fails
 * at once with SQLITE_BUSY when another process (another worker) wrote in
 * between: waiting cannot help it, so SQLite does not. Taking the write lock at
 * the start makes a transaction wait its turn (up to the busy timeout) instead,
 * and then never fail for that reason. The adapter offers no option for it, so
 * its connection's `prepare` is wrapped for that one statement.
 */
function withImmediateTransactions(factory: PrismaBetterSQLite3) {
  const connect = factory.connect.bind(factory)
  factory.connect = async () => {
    const adapter = await connect()
    const connection = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client
    const prepare = connection.prepare.bind(connection)
    connection.prepare = (sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql)
    return adapter
  }
  return factory
}

function createClient() {
  const adapter = withImmediateTransactions(new PrismaBetterSQLite3({ url: databaseUrl(), timeout: BUSY_TIMEOUT_MS }))
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
const client: PrismaClient = (globalForDb.__trellisDb ??= createClient())

// The transaction a piece of work runs in, if any (see `transaction`).
const current = new AsyncLocalStorage<Prisma.TransactionClient>()

/**
 * The database. Inside `transaction(work)`, every query made through `db` —
 * by the work itself or by any function it calls — runs in that transaction;
 * elsewhere, on its own. A `db.$transaction` inside joins the outer one.
 */
export const db: PrismaClient = new Proxy(client, {
  get(target, property) {
    const tx = current.getStore()
    if (tx && property === '$transaction') return joinTransaction(tx)
    const source = (tx ?? target) as unknown as Record<PropertyKey, unknown>
    const value = Reflect.get(source, property)
    return typeof value === 'function' ? value.bind(source) : value
  },
})

/** `$transaction` for code already inside one: array form in order, function form with the same client. */
function joinTransaction(tx: Prisma.TransactionClient) {
  return async (work: unknown) => {
    if (typeof work === 'function') return (work as (tx: Prisma.TransactionClient) => Promise<unknown>)(tx)
    const results: unknown[] = []
    for (const query of work as Promise<unknown>[]) results.push(await query)
    return results
  }
}

/**
 * Runs `work` in one database transaction: everything it writes (through
 * `db`) commits together, or nothing does when it throws. Inside another
 * transaction, it joins that one. An admin action and its audit entry are
 * written this way (app/admin/audit.server.ts).
 */
export function transaction<T>(work: () => Promise<T>): Promise<T> {
  if (current.getStore()) return work()
  return client.$transaction((tx) => current.run(tx, work), { maxWait: 10_000, timeout: 60_000 })
}

/** Is the caller inside `transaction`? */
export function inTransaction(): boolean {
  return current.getStore() !== undefined
}

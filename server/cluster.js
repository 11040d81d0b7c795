// Running Trellis on every core: the primary process forks one worker per core
// (WEB_CONCURRENCY), each a whole server (server/app.js) sharing the port and
// the SQLite database (WAL mode). The primary serves nothing; it replaces a
// worker that dies and passes a stop signal on. Everything workers must agree
// on lives in the database (sessions, rate-limit counters, audit entries,
// leases for scheduled work: app/utils/lease.server.ts); what they keep in
// memory (compiled lessons, rendered PDFs) is derived and the same in each.
import cluster from 'node:cluster'
import os from 'node:os'

/** How many workers to run: WEB_CONCURRENCY, else one per core. @param {Record<string, string | undefined>} env */
export function workerCount(env = process.env) {
  const raw = env.WEB_CONCURRENCY?.trim()
  if (!raw) return os.availableParallelism()
  const count = Number(raw)
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 256, not "${env.WEB_CONCURRENCY}".`)
  }
  return count
}

/**
 * Whether a worker that stopped should be replaced: not while stopping, and not
 * when workers keep dying (more than five per worker within a minute, say a
 * database that cannot be opened), which would only loop.
 * @param {number[]} recentExits times (ms) of exits in the last minute, this one included
 * @param {number} count workers wanted
 */
export function shouldReplace(recentExits, count) {
  return recentExits.length <= count * 5
}

/** Forks `count` workers, replaces those that die, and stops them all on SIGTERM or SIGINT. @param {number} count */
export function runPrimary(count) {
  let stopping = false
  /** @type {number[]} */
  let exits = []
  console.log(`Trellis starts ${count} workers (WEB_CONCURRENCY; default: one per core).`)
  for (let i = 0; i < count; i++) cluster.fork()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    const now = Date.now()
    exits = [...exits.filter((at) => now - at < 60_000), now]
    if (!shouldReplace(exits, count)) {
      console.error(`Workers keep stopping (${exits.length} in a minute): Trellis stops. See the errors above.`)
      process.exit(1)
    }
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`)
    cluster.fork()
  })
  for (const name of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
    process.on(name, () => {
      // A second signal while stopping changes nothing: the workers are finishing.
      if (stopping) return
      stopping = true
      // Each worker finishes the requests in flight, then exits (server/app.js).
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      setTimeout(() => process.exit(0), 10_000).unref()
    })
  }
}

import { deleteExpiredSessions } from './session.server.ts'

const HOUR_MS = 60 * 60 * 1000
let started = false

/** Deletes expired sessions now and every hour while the server runs. */
export function startSessionCleanup() {
  if (started) return
  started = true
  const run = () =>
    deleteExpiredSessions().catch((error: unknown) => {
      console.error('Could not delete expired sessions', error)
    })
  void run()
  setInterval(run, HOUR_MS).unref()
}

import { runEvery } from '#app/utils/lease.server.ts'
import { deleteExpiredSessions } from './session.server.ts'

const HOUR_MS = 60 * 60 * 1000

/** Deletes expired sessions now and every hour while the server runs: once an hour in all, however many workers there are. */
export function startSessionCleanup() {
  runEvery('session-cleanup', HOUR_MS, deleteExpiredSessions)
}

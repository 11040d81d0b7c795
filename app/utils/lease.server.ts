import crypto from 'node:crypto'
import { Prisma } from '#app/generated/prisma/client.ts'
import { db } from './db.server.ts'

// Scheduled work that must run once however many workers or instances serve
// Trellis: each one's timer asks for the work's lease, and only the one that
// gets it runs the work. A lease is a database row with a holder and an end;
// it is taken when it does not exist or has ended, by one statement, so two
// workers asking at the same moment cannot both get it.

/** This process, as a lease holder. */
export const HOLDER = `${process.pid}-${crypto.randomUUID()}`

/** Takes the lease `name` until `ms` from now, if no one else holds it; true when this process holds it now. */
export async function acquireLease(name: string, ms: number, holder = HOLDER, now = new Date()): Promise<boolean> {
  const until = new Date(now.getTime() + ms)
  try {
    await db.lease.create({ data: { name, holder, until } })
    return true
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error
  }
  // It exists: take it over if it has ended, or keep it if it is ours.
  const { count } = await db.lease.updateMany({ where: { name, OR: [{ until: { lte: now } }, { holder }] }, data: { holder, until } })
  return count === 1
}

const timers = new Map<string, NodeJS.Timeout>()

/**
 * Runs `task` now and every `intervalMs`, in whichever one process holds its
 * lease at the time (the lease lasts a little less than the interval, so the
 * next round is open to every process again, and a process that died does not
 * keep it). Failures are logged, never thrown.
 */
export function runEvery(name: string, intervalMs: number, task: () => Promise<unknown>) {
  if (timers.has(name)) return
  const round = async () => {
    try {
      if (await acquireLease(name, intervalMs * 0.9)) await task()
    } catch (error) {
      console.error(`Scheduled work "${name}" failed`, error)
    }
  }
  void round()
  const timer = setInterval(() => void round(), intervalMs)
  timer.unref()
  timers.set(name, timer)
}

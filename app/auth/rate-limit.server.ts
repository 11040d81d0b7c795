import { RateLimiterPrisma } from 'rate-limiter-flexible'
import { db } from '#app/utils/db.server.ts'

const WINDOW_SECONDS = 15 * 60

// Failed sign-ins allowed in 15 minutes before further attempts wait: per
// account (guessing one person's password), and per address (trying many
// accounts). A whole workshop may share one address, so that limit is higher.
export const MAX_FAILURES_PER_ACCOUNT = 10
export const MAX_FAILURES_PER_IP = 100

// Counters live in the database, so several app instances share them.
function limiter(keyPrefix: string, points: number) {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: 'rateLimiterFlexible',
    keyPrefix,
    points,
    duration: WINDOW_SECONDS,
  })
}

const perAccount = limiter('login_account', MAX_FAILURES_PER_ACCOUNT)
const perIp = limiter('login_ip', MAX_FAILURES_PER_IP)

/** Seconds to wait before another sign-in may be tried, or 0. */
export async function loginRetryAfter(email: string, ip: string): Promise<number> {
  const [account, address] = await Promise.all([perAccount.get(email), perIp.get(ip)])
  const waits = [
    account && account.consumedPoints >= MAX_FAILURES_PER_ACCOUNT ? account.msBeforeNext : 0,
    address && address.consumedPoints >= MAX_FAILURES_PER_IP ? address.msBeforeNext : 0,
  ]
  return Math.ceil(Math.max(...waits) / 1000)
}

export async function recordLoginFailure(email: string, ip: string) {
  // consume() rejects once the limit is passed; the count is kept all the same.
  await Promise.allSettled([perAccount.consume(email), perIp.consume(ip)])
}

export async function clearLoginFailures(email: string) {
  await perAccount.delete(email)
}

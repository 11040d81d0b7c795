// Pure parts of Trellis's sessions, in Lucia's design (lucia-auth.com): the
// browser keeps a random token; the database keeps only its SHA-256 hash.
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

const DAY_MS = 24 * 60 * 60 * 1000

/** A session lasts 30 days from its last renewal (sliding expiry). */
export const SESSION_DURATION_MS = 30 * DAY_MS
/** A session used when less than this is left is extended to the full term. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS

/** 20 random bytes (160 bits) as lower-case base32: the cookie's value. */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(20)
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes)
}

/** The stored session id: the hex SHA-256 of the token. */
export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

/** Whether a cookie value could be a token at all (cheap check before a query). */
export function isWellFormedToken(token: string | null | undefined): token is string {
  return typeof token === 'string' && /^[a-z2-7]{32}$/.test(token)
}

export function newExpiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_DURATION_MS)
}

export type SessionState = 'valid' | 'expired' | 'renew'

/** What to do with a session found in the database at `now`. */
export function sessionState(expiresAt: Date, now: Date): SessionState {
  const left = expiresAt.getTime() - now.getTime()
  if (left <= 0) return 'expired'
  if (left < SESSION_RENEW_WITHIN_MS) return 'renew'
  return 'valid'
}

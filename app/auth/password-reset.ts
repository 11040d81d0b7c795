// Pure parts of password reset links. The link carries a random token (the
// same shape as a session token); the database keeps only its SHA-256 hash.

/** A reset link works for one hour after it was made. */
export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000

export type ResetLinkState = 'valid' | 'expired' | 'used'

/** Whether a stored reset link can still be used at `now`. */
export function resetLinkState(link: { expiresAt: Date; usedAt: Date | null }, now: Date): ResetLinkState {
  if (link.usedAt) return 'used'
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'valid'
}

export function resetLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_LINK_LIFETIME_MS)
}

export function resetLinkPath(token: string): string {
  return `/reset-password/${token}`
}

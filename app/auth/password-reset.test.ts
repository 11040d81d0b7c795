import { describe, expect, test } from 'vitest'
import { RESET_LINK_LIFETIME_MS, resetLinkExpiry, resetLinkState } from './password-reset.ts'

describe('reset link state', () => {
  const made = new Date('2026-03-01T10:00:00Z')
  const link = { expiresAt: resetLinkExpiry(made), usedAt: null }

  test('works for one hour after it was made', () => {
    expect(RESET_LINK_LIFETIME_MS).toBe(60 * 60 * 1000)
    expect(resetLinkState(link, made)).toBe('valid')
    expect(resetLinkState(link, new Date('2026-03-01T10:59:59.999Z'))).toBe('valid')
  })

  test('has expired at the hour and after', () => {
    expect(resetLinkState(link, new Date('2026-03-01T11:00:00Z'))).toBe('expired')
    expect(resetLinkState(link, new Date('2026-03-02T09:00:00Z'))).toBe('expired')
  })

  test('once used, is used, even within the hour', () => {
    expect(resetLinkState({ ...link, usedAt: made }, made)).toBe('used')
  })
})

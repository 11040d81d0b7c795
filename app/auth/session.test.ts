import { describe, expect, test } from 'vitest'
import {
  SESSION_DURATION_MS,
  generateSessionToken,
  isWellFormedToken,
  newExpiry,
  sessionIdFromToken,
  sessionState,
} from './session.ts'

describe('session tokens', () => {
  test('tokens are random, 32 base32 characters (160 bits)', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateSessionToken))
    expect(tokens.size).toBe(200)
    for (const token of tokens) expect(isWellFormedToken(token)).toBe(true)
  })

  test('the stored id is the SHA-256 of the token, never the token itself', () => {
    const token = generateSessionToken()
    const id = sessionIdFromToken(token)
    expect(id).toMatch(/^[0-9a-f]{64}$/)
    expect(id).not.toContain(token)
    expect(sessionIdFromToken(token)).toBe(id)
    // A known vector: SHA-256("abc").
    expect(sessionIdFromToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  test('malformed cookie values are rejected before any lookup', () => {
    expect(isWellFormedToken(undefined)).toBe(false)
    expect(isWellFormedToken('')).toBe(false)
    expect(isWellFormedToken('A'.repeat(32))).toBe(false)
    expect(isWellFormedToken("a' OR 1=1 --")).toBe(false)
  })
})

describe('sliding expiry', () => {
  const now = new Date('2026-03-01T12:00:00Z')
  const DAY = 24 * 60 * 60 * 1000

  test('a new session lasts 30 days', () => {
    expect(newExpiry(now).getTime() - now.getTime()).toBe(SESSION_DURATION_MS)
    expect(SESSION_DURATION_MS).toBe(30 * DAY)
  })

  test('a session with more than 15 days left is simply valid', () => {
    expect(sessionState(new Date(now.getTime() + 20 * DAY), now)).toBe('valid')
  })

  test('a session with less than 15 days left is renewed', () => {
    expect(sessionState(new Date(now.getTime() + 3 * DAY), now)).toBe('renew')
  })

  test('a session past its expiry is expired, to the millisecond', () => {
    expect(sessionState(new Date(now.getTime()), now)).toBe('expired')
    expect(sessionState(new Date(now.getTime() - 1), now)).toBe('expired')
    expect(sessionState(new Date(now.getTime() + 1), now)).toBe('renew')
  })
})

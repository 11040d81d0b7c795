import { describe, expect, test } from 'vitest'
import { acquireLease } from './lease.server.ts'

describe('leases for scheduled work', () => {
  test('of workers asking at once, exactly one gets the lease', async () => {
    const now = new Date('2026-01-01T10:00:00Z')
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => acquireLease('cleanup', 60_000, `worker-${i}`, now)))
    expect(results.filter(Boolean)).toHaveLength(1)
  })

  test('the holder keeps it; another gets it only once it has ended', async () => {
    const start = new Date('2026-01-01T10:00:00Z')
    expect(await acquireLease('report', 60_000, 'a', start)).toBe(true)
    expect(await acquireLease('report', 60_000, 'b', new Date(start.getTime() + 30_000))).toBe(false)
    expect(await acquireLease('report', 60_000, 'a', new Date(start.getTime() + 30_000))).toBe(true)
    // a renewed it at +30 s until +90 s.
    expect(await acquireLease('report', 60_000, 'b', new Date(start.getTime() + 80_000))).toBe(false)
    expect(await acquireLease('report', 60_000, 'b', new Date(start.getTime() + 90_000))).toBe(true)
    // Leases of other work are their own.
    expect(await acquireLease('other', 60_000, 'a', start)).toBe(true)
  })
})

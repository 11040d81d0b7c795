import os from 'node:os'
import { describe, expect, test } from 'vitest'
import { shouldReplace, workerCount } from './cluster.js'

describe('the cluster', () => {
  test('runs one worker per core unless WEB_CONCURRENCY says how many', () => {
    expect(workerCount({})).toBe(os.availableParallelism())
    expect(workerCount({ WEB_CONCURRENCY: ' ' })).toBe(os.availableParallelism())
    expect(workerCount({ WEB_CONCURRENCY: '1' })).toBe(1)
    expect(workerCount({ WEB_CONCURRENCY: '6' })).toBe(6)
    for (const wrong of ['0', '-2', '1.5', 'many', '1000']) expect(() => workerCount({ WEB_CONCURRENCY: wrong })).toThrow(/WEB_CONCURRENCY/)
  })

  test('replaces dead workers, but stops when they keep dying', () => {
    expect(shouldReplace([1], 2)).toBe(true)
    expect(shouldReplace(Array.from({ length: 10 }, (_, i) => i), 2)).toBe(true)
    expect(shouldReplace(Array.from({ length: 11 }, (_, i) => i), 2)).toBe(false)
  })
})

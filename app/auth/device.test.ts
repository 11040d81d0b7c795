import { describe, expect, test } from 'vitest'
import { describeDevice, storedUserAgent } from './device.ts'

describe('naming a device', () => {
  test.each([
    ['Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36', 'Chrome', 'Android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1', 'Safari', 'iOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0', 'Firefox', 'Windows'],
  ])('%s', (ua, browser, os) => {
    expect(describeDevice(ua)).toEqual({ browser, os })
  })

  test('nothing or nonsense is no device', () => {
    expect(describeDevice(null)).toBeNull()
    expect(describeDevice('')).toBeNull()
    expect(describeDevice('   ')).toBeNull()
    expect(describeDevice('curl/8.0')).toBeNull()
  })

  test('only the first 512 characters of a header are kept', () => {
    const request = new Request('http://x.example/', { headers: { 'User-Agent': `Firefox/120.0 ${'x'.repeat(2000)}` } })
    expect(storedUserAgent(request)).toHaveLength(512)
    expect(storedUserAgent(new Request('http://x.example/'))).toBeNull()
  })
})

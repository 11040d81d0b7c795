import { expect, test } from 'vitest'
import { emailLinkOrigin } from './public-url.server.ts'

// The unit tests run without PUBLIC_URL and ALLOWED_HOSTS, as a fresh install does.
test('without PUBLIC_URL, email links never take their host from the request, but for loopback names', () => {
  expect(emailLinkOrigin(new Request('http://evil.example/forgot-password', { method: 'POST' }))).toBeNull()
  expect(emailLinkOrigin(new Request('https://learn.example.org/forgot-password'))).toBeNull()
  expect(emailLinkOrigin(new Request('http://localhost:3000/forgot-password'))).toBe('http://localhost:3000')
  expect(emailLinkOrigin(new Request('http://127.0.0.1:3100/forgot-password'))).toBe('http://127.0.0.1:3100')
  expect(emailLinkOrigin(new Request('http://[::1]:3000/forgot-password'))).toBe('http://[::1]:3000')
})

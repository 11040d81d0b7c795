import { expect, test } from 'vitest'
import type { Registration } from './profile.ts'
import { MAX_TAKEN_ANSWERS_PER_IP, register } from './register.server.ts'

const registration = (email: string): Registration => ({
  displayName: 'Amina Yusuf',
  email,
  password: 'a long enough passphrase',
  country: 'KE',
  stakeholderGroup: 'educator',
  organisation: null,
  preferredLocale: 'en',
})

test('a network address that keeps finding registered emails is made to wait, with how long', async () => {
  const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`
  const taken = `${crypto.randomUUID()}@example.org`
  expect(await register(registration(taken), null, ip)).toMatchObject({ ok: true })
  for (let i = 0; i < MAX_TAKEN_ANSWERS_PER_IP; i++) {
    expect(await register(registration(taken), null, ip)).toEqual({ ok: false, reason: 'emailTaken' })
  }
  const next = await register(registration(`${crypto.randomUUID()}@example.org`), null, ip)
  expect(next).toMatchObject({ ok: false, reason: 'throttled' })
  if (!next.ok && next.reason === 'throttled') expect(next.retryAfterSeconds).toBeGreaterThan(3000)
  // Another address is not affected.
  expect(await register(registration(`${crypto.randomUUID()}@example.org`), null, `${ip}-other`)).toMatchObject({ ok: true })
})

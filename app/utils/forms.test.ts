import { expect, test } from 'vitest'
import { z } from 'zod'
import { parseForm } from './forms.ts'

const schema = z.object({
  email: z.string().trim().email('errors.emailInvalid'),
  password: z.string().min(10, 'errors.passwordTooShort'),
})

function form(entries: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(entries)) data.set(k, v)
  return data
}

test('valid input is returned parsed', () => {
  const result = parseForm(schema, form({ email: ' a@b.org ', password: 'long enough pw' }))
  expect(result).toEqual({ ok: true, data: { email: 'a@b.org', password: 'long enough pw' } })
})

test('each field gets its first error as a translation key; passwords are not echoed', () => {
  const result = parseForm(schema, form({ email: 'not-an-email', password: 'short' }))
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.errors).toEqual({ email: 'errors.emailInvalid', password: 'errors.passwordTooShort' })
  expect(result.values).toEqual({ email: 'not-an-email' })
})

test('control characters and bidi overrides are refused in every field but passwords', () => {
  const spoof = parseForm(z.object({ name: z.string(), password: z.string() }), form({ name: 'Ali\u202efdp.exe\u202c', password: 'pass\u0000word' }))
  expect(spoof).toMatchObject({ ok: false, errors: { name: 'errors.controlCharacters' } })
  if (!spoof.ok) expect(spoof.errors).not.toHaveProperty('password')
  expect(parseForm(z.object({ note: z.string() }), form({ note: 'line one\nline two' })).ok).toBe(true)
})

import { expect, test } from 'vitest'
import { safeRedirect } from './redirect.ts'

test('keeps paths on this site', () => {
  expect(safeRedirect('/admin')).toBe('/admin')
  expect(safeRedirect('/courses?lang=fr')).toBe('/courses?lang=fr')
})

test('refuses other sites and odd values', () => {
  expect(safeRedirect('https://evil.example/')).toBe('/')
  expect(safeRedirect('//evil.example/')).toBe('/')
  expect(safeRedirect('/\\evil.example')).toBe('/')
  expect(safeRedirect('/ok\nSet-Cookie: x')).toBe('/')
  expect(safeRedirect(null, '/me')).toBe('/me')
  expect(safeRedirect('', '/me')).toBe('/me')
})

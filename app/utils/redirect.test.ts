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

test('normalises before checking: dot segments cannot turn a path into another host', () => {
  for (const sneaky of ['/.//evil.example', '/%2e//evil.example', '/%2E//evil.example', '/..//evil.example', '/a/../..//evil.example', '/./\\evil.example', '/\t/evil.example']) {
    expect(safeRedirect(sneaky), sneaky).toBe('/')
  }
  expect(safeRedirect('/courses/./intro/../intro')).toBe('/courses/intro')
})

test('drops the parameters asked for and keeps the rest', () => {
  expect(safeRedirect('/courses?lang=fr&page=2#top', '/', { dropParams: ['lang'] })).toBe('/courses?page=2#top')
  expect(safeRedirect('/courses?lang=fr', '/', { dropParams: ['lang'] })).toBe('/courses')
})

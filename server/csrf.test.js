import { expect, test } from 'vitest'
import { isCrossSiteRequest } from './csrf.js'

const host = 'trellis.example.org'

test('reading is always allowed', () => {
  expect(isCrossSiteRequest({ method: 'GET', host, origin: 'https://evil.example', secFetchSite: 'cross-site' })).toBe(false)
})

test('a form posted from the same origin is allowed', () => {
  expect(isCrossSiteRequest({ method: 'POST', host, origin: `https://${host}`, secFetchSite: 'same-origin' })).toBe(false)
  expect(isCrossSiteRequest({ method: 'POST', host, origin: `https://${host}`, secFetchSite: undefined })).toBe(false)
})

test('a form posted from another site is refused', () => {
  expect(isCrossSiteRequest({ method: 'POST', host, origin: 'https://evil.example', secFetchSite: 'cross-site' })).toBe(true)
  expect(isCrossSiteRequest({ method: 'POST', host, origin: undefined, secFetchSite: 'same-site' })).toBe(true)
  expect(isCrossSiteRequest({ method: 'DELETE', host, origin: 'https://evil.example', secFetchSite: undefined })).toBe(true)
  expect(isCrossSiteRequest({ method: 'POST', host, origin: 'null', secFetchSite: undefined })).toBe(true)
})

test('a same-origin claim with a foreign Origin is refused', () => {
  expect(isCrossSiteRequest({ method: 'POST', host, origin: 'https://evil.example', secFetchSite: 'same-origin' })).toBe(true)
  expect(isCrossSiteRequest({ method: 'POST', host, origin: 'not a url', secFetchSite: 'same-origin' })).toBe(true)
})

test('another port on the same host is another origin', () => {
  expect(isCrossSiteRequest({ method: 'POST', host: 'localhost:3000', origin: 'http://localhost:4000', secFetchSite: undefined })).toBe(true)
})

test('clients that send neither header (curl, scripts) carry no browser cookies and pass', () => {
  expect(isCrossSiteRequest({ method: 'POST', host, origin: undefined, secFetchSite: undefined })).toBe(false)
})

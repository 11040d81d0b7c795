import { Readable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { SESSION_COOKIE } from '#app/auth/session.server.ts'
import { ATTENDANCE_MAX_BYTES } from '#app/reporting/attendance-csv.ts'
import {
  FORM_BODY_LIMIT,
  allowedHosts,
  bodyLimitFor,
  formProblem,
  isHostAllowed,
  readBody,
  routeHeaders,
  sessionCacheControl,
  withRouteHeaders,
} from './http.js'

/** @param {Buffer[]} chunks @param {Record<string, string>} headers */
const nodeRequest = (chunks, headers = {}) => Object.assign(Readable.from(chunks), { headers })

describe('request bodies', () => {
  test('forms may be 1 MB; the attendance upload its CSV limit and the form around it', () => {
    expect(bodyLimitFor('/login')).toBe(FORM_BODY_LIMIT)
    expect(bodyLimitFor('/admin/activities/abc/attendance')).toBeGreaterThan(ATTENDANCE_MAX_BYTES + 64 * 1024)
    expect(bodyLimitFor('/admin/activities/abc/attendance.data')).toBe(bodyLimitFor('/admin/activities/abc/attendance'))
    expect(bodyLimitFor('/admin/activities/abc/attendance/x')).toBe(FORM_BODY_LIMIT)
  })

  test('a body declared larger than the limit is refused before it is read', async () => {
    const req = nodeRequest([], { 'content-length': String(500 * 1024 * 1024) })
    await expect(readBody(req, FORM_BODY_LIMIT)).rejects.toMatchObject({ status: 413 })
  })

  test('a body that grows past the limit without saying its length is refused (413)', async () => {
    const req = nodeRequest(Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 97)))
    await expect(readBody(req, FORM_BODY_LIMIT)).rejects.toMatchObject({ status: 413 })
  })

  test('a body within the limit is read whole', async () => {
    const body = await readBody(nodeRequest([Buffer.from('email=a%40b.org'), Buffer.from('&password=x')]), FORM_BODY_LIMIT)
    expect(new TextDecoder().decode(body)).toBe('email=a%40b.org&password=x')
  })
})

describe('forms an action can receive', () => {
  const post = (/** @type {Record<string, string>} */ headers, /** @type {string | undefined} */ body) =>
    new Request('http://localhost/login', { method: 'POST', headers, body })

  test('text, JSON or a body without a type are refused with 415', async () => {
    expect(await formProblem(post({ 'content-type': 'text/plain' }, 'email=a'))).toMatchObject({ status: 415 })
    expect(await formProblem(post({ 'content-type': 'application/json' }, '{"email":"a"}'))).toMatchObject({ status: 415 })
    expect(await formProblem(post({}, undefined))).toMatchObject({ status: 415 })
  })

  test('a multipart body that cannot be parsed is refused with 400', async () => {
    const broken = post({ 'content-type': 'multipart/form-data; boundary=abc' }, '--xyz\r\nnot a part\r\n')
    expect(await formProblem(broken)).toMatchObject({ status: 400 })
    expect(await formProblem(post({ 'content-type': 'multipart/form-data' }, 'x'))).toMatchObject({ status: 400 })
  })

  test('real forms pass, and their body can still be read by the action', async () => {
    const form = post({ 'content-type': 'application/x-www-form-urlencoded' }, 'email=a%40b.org')
    expect(await formProblem(form)).toBeNull()
    expect((await form.formData()).get('email')).toBe('a@b.org')
    const data = new FormData()
    data.set('file', new Blob(['a,b']), 'list.csv')
    const multipart = new Request('http://localhost/x', { method: 'POST', body: data })
    expect(await formProblem(multipart)).toBeNull()
    expect(await formProblem(new Request('http://localhost/x'))).toBeNull()
  })
})

describe('hosts', () => {
  test('with neither PUBLIC_URL nor ALLOWED_HOSTS, every host is answered', () => {
    expect(allowedHosts({})).toBeNull()
    expect(isHostAllowed(null, 'anything.example')).toBe(true)
  })

  test('with them, only their hosts and loopback names are answered', () => {
    const allowed = allowedHosts({ PUBLIC_URL: 'https://learn.example.org/', ALLOWED_HOSTS: 'www.learn.example.org, Mirror.example.net' })
    expect(isHostAllowed(allowed, 'learn.example.org')).toBe(true)
    expect(isHostAllowed(allowed, 'LEARN.example.org')).toBe(true)
    expect(isHostAllowed(allowed, 'mirror.example.net')).toBe(true)
    expect(isHostAllowed(allowed, 'localhost')).toBe(true)
    expect(isHostAllowed(allowed, '127.0.0.1')).toBe(true)
    expect(isHostAllowed(allowed, 'evil.example')).toBe(false)
    expect(isHostAllowed(allowed, 'learn.example.org.evil.example')).toBe(false)
  })
})

describe('response headers', () => {
  test('a loader’s or action’s headers reach the response; cookies are left to Remix', () => {
    const headers = routeHeaders({
      parentHeaders: new Headers({ 'X-From-Parent': 'yes' }),
      loaderHeaders: new Headers({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'Set-Cookie': 'a=b' }),
      actionHeaders: new Headers({ 'Retry-After': '60' }),
    })
    expect(Object.fromEntries(headers)).toEqual({
      'x-from-parent': 'yes',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'retry-after': '60',
    })
  })

  test('every route without its own headers export gets that one; the build is not changed', () => {
    const own = () => new Headers()
    const build = /** @type {any} */ ({ routes: { root: { id: 'root', module: { default: 1 } }, leaf: { id: 'leaf', module: { headers: own } } } })
    const wrapped = withRouteHeaders(build)
    expect(wrapped.routes.root?.module.headers).toBe(routeHeaders)
    expect(wrapped.routes.leaf?.module.headers).toBe(own)
    expect(build.routes.root.module.headers).toBeUndefined()
  })

  test('responses to a signed-in browser are private and not stored, unless the route said otherwise', () => {
    expect(SESSION_COOKIE).toBe('trellis_session') // server/app.js names it too
    const signedIn = `trellis_lang=x; ${SESSION_COOKIE}=abc`
    expect(sessionCacheControl({ sessionCookie: SESSION_COOKIE, requestCookies: signedIn, responseHeaders: new Headers() })).toBe('private, no-store')
    expect(sessionCacheControl({ sessionCookie: SESSION_COOKIE, requestCookies: 'trellis_lang=x', responseHeaders: new Headers() })).toBeNull()
    const signsIn = new Headers()
    signsIn.append('Set-Cookie', `${SESSION_COOKIE}=new; Path=/; HttpOnly`)
    expect(sessionCacheControl({ sessionCookie: SESSION_COOKIE, requestCookies: undefined, responseHeaders: signsIn })).toBe('private, no-store')
    const own = new Headers({ 'Cache-Control': 'public, max-age=31536000, immutable' })
    expect(sessionCacheControl({ sessionCookie: SESSION_COOKIE, requestCookies: signedIn, responseHeaders: own })).toBeNull()
  })
})

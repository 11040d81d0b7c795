import { writeReadableStreamToWritable } from '@remix-run/node'

// What the HTTP server does around Remix, as small functions with tests
// (server/http.test.js): which hosts it answers to, how much of a body it
// reads, which bodies an action may receive, and which headers a response
// carries. server.js wires them to Express.

/** A form's body is read whole before any route sees it, up to this size. */
export const FORM_BODY_LIMIT = 1024 * 1024

/**
 * Larger limits for the forms that upload a file, by path (the `.data` form
 * of the path is what a page with JavaScript posts to). The attendance import
 * takes a CSV file of up to 2 MB (ATTENDANCE_MAX_BYTES in
 * app/reporting/attendance-csv.ts, which a test compares with this).
 */
export const UPLOAD_BODY_LIMITS = [{ path: /^\/admin\/activities\/[^/]+\/attendance(\.data)?$/, limit: 3 * 1024 * 1024 }]

/** @param {string} pathname */
export function bodyLimitFor(pathname) {
  return UPLOAD_BODY_LIMITS.find((upload) => upload.path.test(pathname))?.limit ?? FORM_BODY_LIMIT
}

/** A request refused before it reaches the app: its status and a short message. */
export class Refusal extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

/**
 * Reads a request's body into memory, refusing (413) one longer than `limit`
 * as soon as it is known: from Content-Length before reading anything, or
 * when the bytes read pass it.
 * @param {import('node:stream').Readable & { headers: Record<string, string | string[] | undefined> }} req
 * @param {number} limit
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
export function readBody(req, limit) {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit))
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(tooLarge(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    req.on('error', () => reject(new Refusal(400, 'The request body could not be read.')))
  })
}

/** @param {number} limit */
function tooLarge(limit) {
  return new Refusal(413, `The request is too large (over ${Math.round(limit / 1024 / 1024)} MB).`)
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/**
 * Every action of the app reads an HTML form. A body of another type, or a
 * form that cannot be parsed (a broken multipart boundary), is refused here
 * with a 4xx instead of failing inside the action.
 * @param {Request} request
 * @returns {Promise<Refusal | null>}
 */
export async function formProblem(request) {
  if (request.method === 'GET' || request.method === 'HEAD') return null
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (!FORM_TYPES.includes(type)) {
    return new Refusal(415, 'Send a form (application/x-www-form-urlencoded or multipart/form-data).')
  }
  try {
    await request.clone().formData()
    return null
  } catch {
    return new Refusal(400, 'The form could not be read.')
  }
}

/**
 * Hosts the app answers to. With PUBLIC_URL or ALLOWED_HOSTS set, any other
 * Host (or X-Forwarded-Host behind a trusted proxy) is refused, so no link
 * the app makes from a request can point elsewhere. Loopback names always
 * pass: a link to them leads nowhere an attacker can read.
 * @param {Record<string, string | undefined>} env
 */
export function allowedHosts(env) {
  const names = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  if (env.PUBLIC_URL?.trim()) {
    try {
      names.push(new URL(env.PUBLIC_URL.trim()).hostname.toLowerCase())
    } catch {
      // The app's own configuration check reports a malformed PUBLIC_URL.
    }
  }
  return names.length > 0 ? new Set(names) : null
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** @param {string} hostname */
export function isLoopback(hostname) {
  return LOOPBACK.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/**
 * @param {Set<string> | null} allowed from allowedHosts
 * @param {string} hostname the request's host name, without port
 */
export function isHostAllowed(allowed, hostname) {
  return !allowed || allowed.has(hostname.toLowerCase()) || isLoopback(hostname)
}

/**
 * The headers a route's loader or action gave (with `data()` or a Response)
 * reach the browser for documents and `.data` requests alike. Remix passes
 * them on only through a route's `headers` export; this is the export every
 * route without its own gets (see withRouteHeaders). Set-Cookie is left to
 * Remix, which carries cookies itself.
 * @param {{ parentHeaders: Headers, loaderHeaders: Headers, actionHeaders: Headers, errorHeaders?: Headers }} args
 */
export function routeHeaders({ parentHeaders, loaderHeaders, actionHeaders, errorHeaders }) {
  const headers = new Headers()
  for (const source of [parentHeaders, loaderHeaders, actionHeaders, errorHeaders]) {
    if (!source) continue
    for (const [name, value] of source) if (name !== 'set-cookie') headers.set(name, value)
  }
  return headers
}

/**
 * A server build whose every route without a `headers` export uses
 * routeHeaders. The build's modules are not changed: the routes are copied.
 * @param {import('@remix-run/node').ServerBuild} build
 * @returns {import('@remix-run/node').ServerBuild}
 */
export function withRouteHeaders(build) {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      route.module.headers ? route : { ...route, module: { ...route.module, headers: routeHeaders } },
    ]),
  )
  return { ...build, routes }
}

/**
 * What a response that depends on who is signed in must say to caches: a
 * request with a session cookie (or a response that sets one) is answered
 * `private, no-store`, unless the route chose a policy of its own.
 * @param {{ sessionCookie: string, requestCookies: string | undefined, responseHeaders: Headers }} args
 */
export function sessionCacheControl({ sessionCookie, requestCookies, responseHeaders }) {
  if (responseHeaders.has('Cache-Control')) return null
  const signedIn = (requestCookies ?? '').split(';').some((part) => part.trim().startsWith(`${sessionCookie}=`))
  const setsSession = responseHeaders.getSetCookie().some((cookie) => cookie.startsWith(`${sessionCookie}=`))
  return signedIn || setsSession ? 'private, no-store' : null
}

/**
 * The Fetch API headers of a Node request.
 * @param {import('node:http').IncomingHttpHeaders} nodeHeaders
 */
export function requestHeaders(nodeHeaders) {
  const headers = new Headers()
  for (const [name, value] of Object.entries(nodeHeaders)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  return headers
}

/**
 * Sends a Fetch API response through a Node response.
 * @param {import('node:http').ServerResponse} res
 * @param {Response} response
 */
export async function sendResponse(res, response) {
  res.statusCode = response.status
  if (response.statusText) res.statusMessage = response.statusText
  // The app's own headers replace the defaults set before it (helmet's Referrer-Policy, say).
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue
    res.setHeader(name, value)
  }
  for (const cookie of response.headers.getSetCookie()) res.appendHeader('set-cookie', cookie)
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}

// Trellis's HTTP server (one worker of it, see server.js): Express in front of
// Remix, adding compression, security headers with a per-response CSP nonce,
// cross-site request refusal, and long caching for fingerprinted assets.
// NODE_ENV=production serves the build; anything else runs Vite in middleware
// mode for development.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import { createRequestHandler } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { isCrossSiteRequest } from './csrf.js'
import {
  Refusal,
  allowedHosts,
  bodyLimitFor,
  formProblem,
  isHostAllowed,
  readBody,
  requestHeaders,
  sendResponse,
  sessionCacheControl,
  withRouteHeaders,
} from './http.js'

const production = process.env.NODE_ENV === 'production'
// Made by `npm run build`; a variable, so the type checker does not read the bundle.
const BUILD_PATH = '../build/server/index.js'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST || undefined
// The session cookie's name (SESSION_COOKIE in app/auth/session.server.ts; a test compares them).
const SESSION_COOKIE = 'trellis_session'
const hosts = allowedHosts(process.env)

const viteDevServer = production
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
// Behind a reverse proxy, TRUST_PROXY (e.g. 1, or "loopback") makes the
// client's address and https scheme come from X-Forwarded-* headers.
if (process.env.TRUST_PROXY) {
  const value = process.env.TRUST_PROXY
  app.set('trust proxy', /^\d+$/.test(value) ? Number(value) : value === 'true' ? true : value)
}
app.use(compression())

// Only the configured hosts (PUBLIC_URL, ALLOWED_HOSTS) are answered, so no
// address the app builds from a request can lead to another site.
app.use((req, res, next) => {
  if (isHostAllowed(hosts, req.hostname ?? '')) return next()
  res.status(400).type('text/plain').send('Unknown host.')
})

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
  next()
})

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // Only scripts carrying this response's nonce, and what they load.
        'script-src': [
          "'strict-dynamic'",
          (_req, res) => `'nonce-${/** @type {any} */ (res).locals.cspNonce}'`,
        ],
        'style-src': ["'self'"],
        'style-src-attr': ["'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': production ? ["'self'"] : ["'self'", 'ws:'],
        'media-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only makes sense over HTTPS; a reverse proxy that terminates TLS sets it.
    strictTransportSecurity: false,
  }),
)

app.use((req, res, next) => {
  const forwardedHost = app.get('trust proxy') ? req.get('x-forwarded-host') : undefined
  const refused = isCrossSiteRequest({
    method: req.method,
    host: forwardedHost ?? req.get('host'),
    origin: req.get('origin'),
    secFetchSite: req.get('sec-fetch-site'),
  })
  if (refused) {
    res.status(403).type('text/plain').send('Cross-site request refused.')
    return
  }
  next()
})

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  // Fingerprinted files never change: cache them for a year.
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
}
app.use(express.static('build/client', { maxAge: '1h' }))

const handleRequest = createRequestHandler(
  viteDevServer
    ? async () =>
        withRouteHeaders(
          /** @type {import('@remix-run/node').ServerBuild} */ (await viteDevServer.ssrLoadModule('virtual:remix/server-build')),
        )
    : withRouteHeaders(/** @type {import('@remix-run/node').ServerBuild} */ (await import(BUILD_PATH))),
  production ? 'production' : 'development',
)

// Remix, with a body read whole (and capped) before any route sees it, forms
// checked, forwarded headers passed on only from a trusted proxy, and cache
// rules for signed-in responses.
app.all('*', async (req, res, next) => {
  try {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const body = hasBody ? await readBody(req, bodyLimitFor(req.path)) : undefined
    const headers = requestHeaders(req.headers)
    if (!app.get('trust proxy')) for (const name of ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-for']) headers.delete(name)
    const controller = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    let url
    try {
      url = new URL(`${req.protocol}://${hostWithPort(req)}${req.originalUrl}`)
    } catch {
      throw new Refusal(400, 'The address could not be read.')
    }
    const request = new Request(url, {
      method: req.method,
      headers,
      body: body && body.length > 0 ? body : undefined,
      signal: controller.signal,
    })
    const problem = await formProblem(request)
    if (problem) throw problem
    let response = await handleRequest(request, { cspNonce: res.locals.cspNonce, clientIp: req.ip ?? 'unknown' })
    const cacheControl = sessionCacheControl({ sessionCookie: SESSION_COOKIE, requestCookies: req.get('cookie'), responseHeaders: response.headers })
    if (cacheControl) {
      const responseHeaders = new Headers(response.headers)
      responseHeaders.set('Cache-Control', cacheControl)
      response = new Response(response.body, { status: response.status, statusText: response.statusText, headers: responseHeaders })
    }
    await sendResponse(res, response)
  } catch (error) {
    next(error)
  }
})

// Requests refused before the app: a short plain message with their status.
app.use((/** @type {unknown} */ error, /** @type {express.Request} */ req, /** @type {express.Response} */ res, /** @type {express.NextFunction} */ next) => {
  if (!(error instanceof Refusal)) return next(error)
  // The rest of a refused body is read and thrown away (nothing is kept), so
  // the client, still sending, receives the answer instead of a reset.
  req.resume()
  res.status(error.status).type('text/plain').send(error.message)
})

/** The request's host and port, as the browser addressed it (through a trusted proxy, as the proxy says). @param {express.Request} req */
function hostWithPort(req) {
  const given = (app.get('trust proxy') && req.get('x-forwarded-host')) || req.get('host') || ''
  const port = /:(\d+)$/.exec(given.split(',')[0]?.trim() ?? '')?.[1]
  return `${req.hostname}${port ? `:${port}` : ''}`
}

const onListening = () => {
  // Workers share the port: the first one says so for all.
  if (cluster.isWorker && cluster.worker?.id !== 1) return
  console.log(`Trellis is listening on http://${host ?? 'localhost'}:${port}`)
  if (production && !process.env.PUBLIC_URL?.trim()) {
    console.warn(
      'PUBLIC_URL is not set: password reset emails are sent only for requests to localhost' +
        (hosts ? ' or ALLOWED_HOSTS' : '') +
        ', and links on certificates use the address each request came to. Set PUBLIC_URL to the site’s public address.',
    )
  }
}
const server = host ? app.listen(port, host, onListening) : app.listen(port, onListening)

// A worker whose primary is gone (killed outright) cannot tell it that it
// stops: it just stops, as Node's cluster makes it do.
if (cluster.isWorker) {
  cluster.worker?.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_IPC_CHANNEL_CLOSED') process.exit(0)
    throw error
  })
}

// Finish requests in flight, then stop, when the process is asked to end.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    setTimeout(() => process.exit(0), 5_000).unref()
  })
}

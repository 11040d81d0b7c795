// Trellis's HTTP server: Express in front of Remix, adding compression,
// security headers with a per-response CSP nonce, cross-site request refusal,
// and long caching for fingerprinted assets. NODE_ENV=production serves the
// build; anything else runs Vite in middleware mode for development.
import crypto from 'node:crypto'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { isCrossSiteRequest } from './server/csrf.js'

const production = process.env.NODE_ENV === 'production'
// Made by `npm run build`; a variable, so the type checker does not read the bundle.
const BUILD_PATH = './build/server/index.js'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST || undefined

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

app.all(
  '*',
  createRequestHandler({
    build: viteDevServer
      ? async () =>
          /** @type {import('@remix-run/node').ServerBuild} */ (
            await viteDevServer.ssrLoadModule('virtual:remix/server-build')
          )
      : /** @type {import('@remix-run/node').ServerBuild} */ (await import(BUILD_PATH)),
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? 'unknown' }),
  }),
)

const onListening = () => console.log(`Trellis is listening on http://${host ?? 'localhost'}:${port}`)
const server = host ? app.listen(port, host, onListening) : app.listen(port, onListening)

// Finish requests in flight, then stop, when the process is asked to end.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    setTimeout(() => process.exit(0), 5_000).unref()
  })
}

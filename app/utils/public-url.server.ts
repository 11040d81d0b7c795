import { allowedHosts, isHostAllowed } from '../../server/http.js'
import { env } from './env.server.ts'

/**
 * The origin Trellis's public links are made from (verification links, QR
 * codes, Open Badges issuer): PUBLIC_URL when set, as it should be in
 * production, else the origin the request came to (server.js refuses hosts
 * outside PUBLIC_URL and ALLOWED_HOSTS when either is set).
 */
export function publicOrigin(request: Request): string {
  return env.PUBLIC_URL ?? new URL(request.url).origin
}

const hosts = allowedHosts({ PUBLIC_URL: env.PUBLIC_URL, ALLOWED_HOSTS: env.ALLOWED_HOSTS })

/**
 * The origin for links sent by email (password reset), or null when there is
 * none to trust. Such a link must never come from a header the sender of the
 * request chose: PUBLIC_URL; else the request's own host only if it is in
 * ALLOWED_HOSTS or a loopback name (a link to localhost leads nowhere an
 * attacker can read).
 */
export function emailLinkOrigin(request: Request): string | null {
  if (env.PUBLIC_URL) return env.PUBLIC_URL
  const url = new URL(request.url)
  return isHostAllowed(hosts ?? new Set(), url.hostname) ? url.origin : null
}

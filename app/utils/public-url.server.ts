import { env } from './env.server.ts'

/**
 * The origin Trellis's public links are made from (verification links, QR
 * codes, Open Badges issuer): PUBLIC_URL when set, as it should be in
 * production, else the origin the request came to.
 */
export function publicOrigin(request: Request): string {
  return env.PUBLIC_URL ?? new URL(request.url).origin
}

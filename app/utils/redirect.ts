/**
 * A same-site path to send someone back to after signing in, or `fallback`.
 * Refuses absolute URLs and protocol-relative `//host` paths (open redirects).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to) return fallback
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f]/.test(to)) return fallback
  return to
}

/** The path and query of a request, for a `redirectTo` parameter. */
export function pathWithSearch(request: Request): string {
  const url = new URL(request.url)
  return `${url.pathname}${url.search}`
}

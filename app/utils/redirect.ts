const BASE = 'http://trellis.invalid'

/**
 * A same-site path to send someone to (after signing in, after choosing a
 * language), or `fallback`. The path is normalised the way a browser would
 * read it first (dot segments, `%2e`), then checked: anything that would
 * leave the site (`https://…`, `//host`, `/.//host`, backslashes, control
 * characters) gives `fallback`. `dropParams` are removed from its query.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
  { dropParams = [] }: { dropParams?: readonly string[] } = {},
): string {
  if (typeof to !== 'string' || !to.startsWith('/')) return fallback
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback
  let url: URL
  try {
    url = new URL(to, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  for (const name of dropParams) if (url.searchParams.has(name)) url.searchParams.delete(name)
  const path = `${url.pathname}${url.search}${url.hash}`
  // After normalising, a path that starts with two slashes names another host.
  return path.startsWith('//') ? fallback : path
}

/** The path and query of a request, for a `redirectTo` parameter. */
export function pathWithSearch(request: Request): string {
  const url = new URL(request.url)
  return `${url.pathname}${url.search}`
}

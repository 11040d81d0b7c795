// Refuses state-changing requests sent from other sites (cross-site request
// forgery), on top of SameSite=Lax cookies. Browsers say where a request comes
// from in Sec-Fetch-Site and Origin; a request with neither comes from a
// non-browser client, which carries no victim's cookies.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * @param {{ method: string, host: string | undefined, origin: string | undefined, secFetchSite: string | undefined }} request
 * @returns {boolean} true when the request must be refused
 */
export function isCrossSiteRequest({ method, host, origin, secFetchSite }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false
  // Both headers are checked when both are sent: a same-origin claim with a
  // foreign Origin is not a browser's request from this site.
  if (secFetchSite && secFetchSite !== 'same-origin' && secFetchSite !== 'none') return true
  if (origin) {
    if (origin === 'null') return true
    try {
      return new URL(origin).host !== host
    } catch {
      return true
    }
  }
  return false
}

// What server.js passes to every loader and action (handleRequest in server.js).
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce of this response. */
    cspNonce: string
    /** The client's address (honours X-Forwarded-For when TRUST_PROXY is set). */
    clientIp: string
  }
}

export {}

import { createContext, useContext } from 'react'

// The Content-Security-Policy nonce of this response (made in server.js), so
// Remix's inline scripts may run and nothing injected may.
const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)

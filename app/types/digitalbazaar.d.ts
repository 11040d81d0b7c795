// Just the parts of these untyped packages that app/certificates uses.

declare module '@digitalbazaar/vc' {
  export function issue(options: { credential: object; suite: unknown; documentLoader: unknown; now?: Date }): Promise<Record<string, unknown>>
  export function verifyCredential(options: {
    credential: object
    suite: unknown
    documentLoader: unknown
    now?: Date
    /** Required by the library when a credential has a credentialStatus. */
    checkStatus?: (options: { credential: object }) => Promise<{ verified: boolean }>
  }): Promise<{ verified: boolean; error?: unknown; results?: { verified: boolean; error?: unknown }[] }>
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date })
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown
}

declare module '@digitalbazaar/ed25519-multikey' {
  export type Multikey = {
    '@context'?: string
    type: 'Multikey'
    id?: string
    controller?: string
    publicKeyMultibase: string
    secretKeyMultibase?: string
  }
  export type KeyPair = Multikey & {
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> }
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Multikey>
  }
  export function generate(options?: { id?: string; controller?: string }): Promise<KeyPair>
  export function from(key: Multikey): Promise<KeyPair>
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>
}

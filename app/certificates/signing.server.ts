import { createRequire } from 'node:module'
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalbazaar/vc'
import obContext from './contexts/ob-v3p0-context-3.0.3.json'
import { OB_V3_CONTEXT, VC_V2_CONTEXT, issuerUrls } from './credential.ts'
import type { IssuerKey } from './issuer-key.server.ts'

// Signs and verifies Open Badges credentials with an eddsa-rdfc-2022 Data
// Integrity proof (docs/decisions/010-open-badges.md). These machines have no
// network, and a verifier should not fetch anything a credential names anyway:
// every JSON-LD document comes from the local copies below, and the issuer's
// controller document and key are made from Trellis's own key. Any other URL
// fails, and canonicalisation runs in JSON-LD "safe mode", so a property the
// contexts do not define makes signing and verification fail instead of being
// silently left out of the signature.

const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1'
const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1'

const require = createRequire(import.meta.url)
function packagedContext(packageName: string, url: string): unknown {
  const { contexts } = require(packageName) as { contexts: Map<string, unknown> }
  const context = contexts.get(url)
  if (!context) throw new Error(`${packageName} has no ${url}`)
  return context
}

const contexts = new Map<string, unknown>([
  [VC_V2_CONTEXT, credentialsContexts.get(VC_V2_CONTEXT)],
  [OB_V3_CONTEXT, obContext],
  [DID_V1_CONTEXT, packagedContext('did-context', DID_V1_CONTEXT)],
  [MULTIKEY_V1_CONTEXT, packagedContext('@digitalbazaar/multikey-context', MULTIKEY_V1_CONTEXT)],
])

/** The issuer's public key as a Multikey verification method. */
export function issuerVerificationMethod(origin: string, key: Pick<IssuerKey, 'publicKeyMultibase'>) {
  const urls = issuerUrls(origin)
  return {
    '@context': MULTIKEY_V1_CONTEXT,
    id: urls.keyId,
    type: 'Multikey',
    controller: urls.id,
    publicKeyMultibase: key.publicKeyMultibase,
  }
}

/** The issuer's controller document, published at its id (`/issuer`): it names the key allowed to sign credentials. */
export function issuerControllerDocument(origin: string, key: Pick<IssuerKey, 'publicKeyMultibase'>) {
  const urls = issuerUrls(origin)
  const { '@context': _, ...method } = issuerVerificationMethod(origin, key)
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: urls.id,
    verificationMethod: [method],
    assertionMethod: [urls.keyId],
  }
}

type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown }

function documentLoader(origin: string, key: Pick<IssuerKey, 'publicKeyMultibase'>) {
  const urls = issuerUrls(origin)
  return async (url: string): Promise<LoadedDocument> => {
    const found =
      contexts.get(url) ??
      (url === urls.id ? issuerControllerDocument(origin, key) : null) ??
      (url === urls.keyId ? issuerVerificationMethod(origin, key) : null)
    if (!found) throw new UnknownDocumentError(url)
    return { contextUrl: null, documentUrl: url, document: structuredClone(found) }
  }
}

export class UnknownDocumentError extends Error {
  constructor(public url: string) {
    super(`Trellis does not load ${url}`)
    this.name = 'UnknownDocumentError'
  }
}

/** Signs a credential as the issuer at `origin`. The proof is wrapped in an array, as the Open Badges schema wants. */
export async function signCredential<T extends object>(credential: T, options: { origin: string; key: IssuerKey; now?: Date }) {
  const urls = issuerUrls(options.origin)
  const keyPair = await Ed25519Multikey.from({ ...options.key, id: urls.keyId, controller: urls.id })
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022, date: options.now })
  const signed = await vc.issue({ credential: structuredClone(credential), suite, documentLoader: documentLoader(options.origin, options.key) })
  const proof = signed.proof
  return { ...signed, proof: Array.isArray(proof) ? proof : [proof] } as T & { proof: Record<string, unknown>[] }
}

export type ProofCheck = { verified: true } | { verified: false; reason: 'malformed' | 'other-issuer' | 'invalid-proof'; detail: string }

function describe(error: unknown): string {
  if (error instanceof Error) {
    const nested = (error as Error & { errors?: unknown[] }).errors
    return nested?.length ? nested.map(describe).join('; ') : error.message
  }
  return String(error)
}

/**
 * Checks a credential's proof against the issuer at `origin` with `key`: the
 * signature covers every statement in the credential, so any change fails.
 */
export async function verifyCredentialProof(credential: unknown, options: { origin: string; key: Pick<IssuerKey, 'publicKeyMultibase'>; now?: Date }): Promise<ProofCheck> {
  if (!credential || typeof credential !== 'object' || Array.isArray(credential)) {
    return { verified: false, reason: 'malformed', detail: 'not a JSON object' }
  }
  const document = credential as Record<string, unknown>
  const issuer = document.issuer
  const issuerId = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id
  if (issuerId !== issuerUrls(options.origin).id) {
    return { verified: false, reason: 'other-issuer', detail: `issuer is ${String(issuerId)}` }
  }
  if (!document.proof) return { verified: false, reason: 'invalid-proof', detail: 'no proof' }
  // Exactly one proof, ours. jsonld-signatures would call a credential valid
  // when any one of several proofs verifies, so a bogus extra proof (or a
  // second signer's) would ride along unchecked.
  const proofs = Array.isArray(document.proof) ? document.proof : [document.proof]
  if (proofs.length !== 1) return { verified: false, reason: 'invalid-proof', detail: `${proofs.length} proofs; a Trellis credential has exactly one` }
  const result = await vc.verifyCredential({
    credential: document,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: documentLoader(options.origin, options.key),
    now: options.now,
    // This checks the proof only; the status (the revocation list) is read by
    // the caller (checkCredential), so that "revoked" is told apart from "forged".
    checkStatus: async () => ({ verified: true }),
  })
  if (result.verified && (result.results ?? []).every((r) => r.verified)) return { verified: true }
  const error = result.error ?? result.results?.find((r) => !r.verified)?.error
  return { verified: false, reason: 'invalid-proof', detail: describe(error) }
}

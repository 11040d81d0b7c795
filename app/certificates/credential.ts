import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'

// Open Badges 3.0 credentials for Trellis certificates: the unsigned document.
// Signing and verification are in signing.server.ts (docs/decisions/010-open-badges.md).

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'

/** The issuer's URLs, all under one origin (PUBLIC_URL, or the request's). */
export function issuerUrls(origin: string) {
  const base = origin.replace(/\/+$/, '')
  const id = `${base}/issuer`
  return { origin: base, id, keyId: `${id}#key-1` }
}

/** Where the issuer publishes its revocation list (a Bitstring Status List credential). */
export const statusListUrl = (origin: string) => `${issuerUrls(origin).origin}/credentials/status/revocation`

/** The credentialStatus of a credential whose certificate has bit `index` in that list. */
export function statusEntry(origin: string, index: number) {
  const list = statusListUrl(origin)
  return {
    id: `${list}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: list,
  }
}

export type CredentialInput = {
  origin: string
  issuerName: string
  certificate: {
    id: string
    kind: 'course' | 'trainer'
    courseSlug: string
    recipientName: string
    completedAt: Date
    issuedAt: Date
  }
  recipientEmail: string
  /** The achievement's name and description, in `locale`. */
  achievement: { name: string; description: string; criteria: string; locale: string }
  /** The certificate's bit in the revocation list; left out, the credential names no status. */
  statusIndex?: number
}

/** The credential's id is the certificate's public verification page. */
export function credentialId(origin: string, certificateId: string) {
  return `${issuerUrls(origin).origin}/verify/${certificateId}`
}

/** The certificate number in a credential id made by credentialId, if it has that shape. */
export function certificateIdFromCredentialId(id: unknown): string | null {
  if (typeof id !== 'string') return null
  const match = /\/verify\/([a-z2-7]{24})$/.exec(id)
  return match?.[1] ?? null
}

/**
 * Identifies the recipient without publishing their email: "sha256$" and the hex
 * SHA-256 of the normalised email followed by the salt (Open Badges 3.0 IdentityObject).
 */
export function hashedEmail(email: string, salt: string) {
  const normalised = email.trim().toLowerCase()
  return `sha256$${encodeHexLowerCase(sha256(new TextEncoder().encode(normalised + salt)))}`
}

/** Whether an email is the one a hashed identity names. */
export function emailMatches(email: string, identity: { identityHash: string; salt?: string }) {
  return hashedEmail(email, identity.salt ?? '') === identity.identityHash
}

function isoSeconds(date: Date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The unsigned OpenBadgeCredential for a certificate. */
export function buildOpenBadgeCredential(input: CredentialInput) {
  const { certificate } = input
  const urls = issuerUrls(input.origin)
  const trainer = certificate.kind === 'trainer'
  const courseUrl = `${urls.origin}/courses/${certificate.courseSlug}`
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: credentialId(urls.origin, certificate.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.achievement.name,
    issuer: { id: urls.id, type: ['Profile'], name: input.issuerName, url: urls.origin },
    validFrom: isoSeconds(certificate.issuedAt),
    awardedDate: isoSeconds(certificate.completedAt),
    ...(input.statusIndex === undefined ? {} : { credentialStatus: statusEntry(urls.origin, input.statusIndex) }),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: hashedEmail(input.recipientEmail, certificate.id),
          identityType: 'emailAddress',
          hashed: true,
          // The certificate number: random, unique, and public anyway.
          salt: certificate.id,
        },
        // The name printed on the certificate, in the clear, so that a wallet
        // can show whose badge it is (Open Badges 3.0 has no other place for it).
        { type: 'IdentityObject', identityHash: certificate.recipientName, identityType: 'name', hashed: false },
      ],
      achievement: {
        id: trainer ? `${courseUrl}#trainer-certification` : courseUrl,
        type: ['Achievement'],
        achievementType: trainer ? 'Certification' : 'Course',
        name: input.achievement.name,
        description: input.achievement.description,
        criteria: { narrative: input.achievement.criteria },
        inLanguage: input.achievement.locale,
      },
    },
  }
}

export type OpenBadgeCredential = ReturnType<typeof buildOpenBadgeCredential>

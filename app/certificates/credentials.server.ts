import type { Certificate } from '#app/generated/prisma/client.ts'
import { findCourse } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import type { Locale } from '#app/i18n/config.ts'
import { i18nFor } from '#app/i18n/i18n.server.ts'
import { db } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { certificateStatus, type CertificateStatus } from './certificate.ts'
import { buildOpenBadgeCredential, certificateIdFromCredentialId, emailMatches, statusListUrl } from './credential.ts'
import { issuerKey } from './issuer-key.server.ts'
import { signCredential, verifyCredentialProof } from './signing.server.ts'
import { ensureStatusIndex, isStatusBitSet } from './status-list.server.ts'

/** The signed Open Badges credential of a certificate, with the achievement described in `locale`. */
export async function openBadgeFor(certificate: Certificate, options: { origin: string; locale: Locale }) {
  const [user, t] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: certificate.userId }, select: { email: true } }),
    i18nFor(options.locale).then((i18n) => i18n.getFixedT(options.locale, 'common')),
  ])
  const course = findCourse(certificate.courseSlug)
  const title = course ? pickLocalized(course.meta.title, options.locale, course.meta.defaultLocale) : null
  const summary = course ? pickLocalized(course.meta.summary, options.locale, course.meta.defaultLocale) : null
  const trainer = certificate.kind === 'trainer'
  const courseTitle = title?.value ?? certificate.courseSlug
  const statusIndex = await ensureStatusIndex(certificate.id)
  const credential = buildOpenBadgeCredential({
    statusIndex,
    origin: options.origin,
    issuerName: env.ISSUER_NAME,
    certificate: { ...certificate, kind: trainer ? 'trainer' : 'course' },
    recipientEmail: user.email,
    achievement: {
      name: trainer ? t('credential.trainerName', { course: courseTitle }) : courseTitle,
      description: summary?.value ?? courseTitle,
      criteria: trainer ? t('credential.criteriaTrainer', { course: courseTitle }) : t('credential.criteriaCourse', { course: courseTitle }),
      locale: title?.locale ?? options.locale,
    },
  })
  return signCredential(credential, { origin: options.origin, key: await issuerKey() })
}

export type CredentialCheck =
  | { outcome: 'unreadable' }
  | { outcome: 'other-issuer' }
  | { outcome: 'invalid' }
  | {
      outcome: 'verified'
      status: CertificateStatus | 'unknown'
      certificate: Pick<Certificate, 'id' | 'courseSlug' | 'recipientName' | 'completedAt' | 'revokedAt' | 'revokedReason' | 'supersededBy' | 'kind'> | null
      /** Whether the optional email given is the recipient's; null when none was given. */
      emailMatches: boolean | null
    }

/** Checks a credential someone pasted or uploaded: its proof, then the certificate's current status. */
export async function checkCredential(text: string, options: { origin: string; email?: string | null }): Promise<CredentialCheck> {
  let credential: unknown
  try {
    credential = JSON.parse(text)
  } catch {
    return { outcome: 'unreadable' }
  }
  const proof = await verifyCredentialProof(credential, { origin: options.origin, key: await issuerKey() })
  if (!proof.verified) {
    if (proof.reason === 'malformed') return { outcome: 'unreadable' }
    if (proof.reason === 'other-issuer') return { outcome: 'other-issuer' }
    return { outcome: 'invalid' }
  }
  const document = credential as { id?: unknown; credentialSubject?: { identifier?: { identityHash: string; identityType?: string; salt?: string }[] } }
  const id = certificateIdFromCredentialId(document.id)
  const certificate = id
    ? await db.certificate.findUnique({
        where: { id },
        select: { id: true, courseSlug: true, recipientName: true, completedAt: true, revokedAt: true, revokedReason: true, supersededBy: true, kind: true },
      })
    : null
  const identities = document.credentialSubject?.identifier ?? []
  const email = options.email?.trim()
  // The published revocation list, read as any other verifier would read it.
  const listed = await listedAsRevoked(credential, options.origin)
  const status = certificate ? certificateStatus(certificate) : 'unknown'
  return {
    outcome: 'verified',
    status: listed && status === 'valid' ? 'revoked' : status,
    certificate,
    emailMatches: email ? identities.some((identity) => identity.identityType === 'emailAddress' && emailMatches(email, identity)) : null,
  }
}

/** Whether the credential's own credentialStatus entry points at a set bit of our revocation list. */
async function listedAsRevoked(credential: unknown, origin: string): Promise<boolean> {
  const entry = (credential as { credentialStatus?: { type?: unknown; statusPurpose?: unknown; statusListIndex?: unknown; statusListCredential?: unknown } }).credentialStatus
  if (!entry || entry.type !== 'BitstringStatusListEntry' || entry.statusPurpose !== 'revocation') return false
  if (entry.statusListCredential !== statusListUrl(origin)) return false
  const index = Number(entry.statusListIndex)
  if (!Number.isInteger(index)) return false
  return isStatusBitSet(index)
}

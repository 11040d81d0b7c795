import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'

/** 15 random bytes as 24 lower-case base32 characters: short enough for a QR code, impossible to guess. */
export function generateCertificateId(): string {
  const bytes = new Uint8Array(15)
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes)
}

export function isCertificateId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z2-7]{24}$/.test(value)
}

export const REVOCATION_REASONS = ['issued_in_error', 'misconduct', 'other'] as const
export type RevocationReason = (typeof REVOCATION_REASONS)[number]

export type CertificateStatus = 'valid' | 'revoked' | 'superseded'

export function certificateStatus(certificate: { revokedAt: Date | null; supersededBy: string | null }): CertificateStatus {
  if (certificate.supersededBy) return 'superseded'
  if (certificate.revokedAt) return 'revoked'
  return 'valid'
}

/**
 * Whether the person it was issued to has since deleted their account: the
 * name is then removed, and the certificate says "issued to a deleted account".
 */
export function recipientDeleted(certificate: { recipientName: string }): boolean {
  return certificate.recipientName === ''
}

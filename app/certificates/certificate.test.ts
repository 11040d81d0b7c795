import { expect, test } from 'vitest'
import { certificateStatus, generateCertificateId, isCertificateId } from './certificate.ts'

test('certificate ids are random, 120 bits, and recognisable', () => {
  const ids = new Set(Array.from({ length: 500 }, generateCertificateId))
  expect(ids.size).toBe(500)
  for (const id of ids) expect(isCertificateId(id)).toBe(true)
  expect(isCertificateId('../../etc/passwd')).toBe(false)
  expect(isCertificateId('A'.repeat(24))).toBe(false)
})

test('a certificate is valid until revoked or replaced', () => {
  expect(certificateStatus({ revokedAt: null, supersededBy: null })).toBe('valid')
  expect(certificateStatus({ revokedAt: new Date(), supersededBy: null })).toBe('revoked')
  expect(certificateStatus({ revokedAt: new Date(), supersededBy: 'abc' })).toBe('superseded')
})

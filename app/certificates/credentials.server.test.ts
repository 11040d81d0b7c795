import { existsSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { generateCertificateId } from './certificate.ts'
import { revokeCertificate } from './certificates.server.ts'
import { checkCredential, openBadgeFor } from './credentials.server.ts'

const origin = 'http://localhost:3000'

async function certificateFor(email: string, kind: 'course' | 'trainer' = 'course') {
  const user = await db.user.create({
    data: { email, displayName: 'Олена Коваленко', passwordHash: 'x', country: 'UA', stakeholderGroup: 'educator' },
  })
  return db.certificate.create({
    data: { id: generateCertificateId(), userId: user.id, courseSlug: 'tot-educators', kind, recipientName: user.displayName, completedAt: new Date('2026-05-02T09:00:00Z') },
  })
}

describe('checking a pasted credential', () => {
  test('a credential Trellis issued checks out, names the certificate and can be matched to an email', async () => {
    const certificate = await certificateFor('olena@example.org')
    const text = JSON.stringify(await openBadgeFor(certificate, { origin, locale: 'fr' }))
    const check = await checkCredential(text, { origin, email: 'Olena@Example.org' })
    expect(check).toMatchObject({ outcome: 'verified', status: 'valid', emailMatches: true, certificate: { id: certificate.id, recipientName: 'Олена Коваленко' } })
    expect(await checkCredential(text, { origin, email: 'someone@example.org' })).toMatchObject({ emailMatches: false })
    expect(await checkCredential(text, { origin })).toMatchObject({ emailMatches: null })
    // The achievement is described in the language asked for.
    expect(JSON.parse(text).credentialSubject.achievement).toMatchObject({ inLanguage: 'fr', achievementType: 'Course' })
  })

  test('after revocation the signature still checks out but the answer is "revoked"', async () => {
    const certificate = await certificateFor('revoked@example.org')
    const text = JSON.stringify(await openBadgeFor(certificate, { origin, locale: 'en' }))
    await revokeCertificate(certificate.id, 'misconduct')
    expect(await checkCredential(text, { origin })).toMatchObject({ outcome: 'verified', status: 'revoked', certificate: { revokedReason: 'misconduct' } })
  })

  test('a changed credential, someone else\'s, or not JSON at all is said so', async () => {
    const certificate = await certificateFor('tamper@example.org', 'trainer')
    const credential = await openBadgeFor(certificate, { origin, locale: 'en' })
    expect(credential.credentialSubject.achievement).toMatchObject({ achievementType: 'Certification', name: expect.stringMatching(/^Certified trainer: Training of Trainers/) })
    const tampered = structuredClone(credential)
    tampered.credentialSubject.achievement.achievementType = 'Course'
    expect(await checkCredential(JSON.stringify(tampered), { origin })).toEqual({ outcome: 'invalid' })
    expect(await checkCredential(JSON.stringify(credential), { origin: 'https://elsewhere.example' })).toEqual({ outcome: 'other-issuer' })
    expect(await checkCredential('{"not": "closed"', { origin })).toEqual({ outcome: 'unreadable' })
    expect(await checkCredential('"just a string"', { origin })).toEqual({ outcome: 'unreadable' })
  })

  test('the issuer key is made on first use, in a file only its owner can read', () => {
    expect(existsSync(env.ISSUER_KEY_FILE)).toBe(true)
    expect(statSync(env.ISSUER_KEY_FILE).mode & 0o077).toBe(0)
    expect(JSON.parse(readFileSync(env.ISSUER_KEY_FILE, 'utf8'))).toMatchObject({ type: 'Multikey' })
  })
})

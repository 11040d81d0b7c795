import { readFileSync } from 'node:fs'
import Ajv2019 from 'ajv/dist/2019.js'
import addFormats from 'ajv-formats'
import { describe, expect, test } from 'vitest'
import { buildOpenBadgeCredential, emailMatches, type CredentialInput } from './credential.ts'
import { ephemeralIssuerKey } from './issuer-key.server.ts'
import { issuerControllerDocument, signCredential, verifyCredentialProof } from './signing.server.ts'

const origin = 'https://trellis.example.org'

const input: CredentialInput = {
  origin,
  issuerName: 'Child Online Protection Programme',
  certificate: {
    id: 'abcdefghijklmnopqrstuvwx',
    kind: 'course',
    courseSlug: 'child-rights-business',
    recipientName: 'Amélie Dubois',
    completedAt: new Date('2026-03-15T10:00:00Z'),
    issuedAt: new Date('2026-03-15T10:00:01Z'),
  },
  recipientEmail: 'Amelie@Example.org',
  achievement: {
    name: 'Child rights and business in the digital environment',
    description: 'Five modules on children’s rights and business.',
    criteria: 'Complete every lesson and pass every module quiz and the final assessment.',
    locale: 'en',
  },
}

function schemaValidator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true })
  addFormats(ajv)
  return ajv.compile(JSON.parse(readFileSync(new URL('../../tests/fixtures/openbadges/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8')))
}

describe('Open Badges credentials', async () => {
  const key = await ephemeralIssuerKey()
  const signed = await signCredential(buildOpenBadgeCredential(input), { origin, key })

  test('a signed credential validates against the Open Badges 3.0 JSON schema', () => {
    const validate = schemaValidator()
    expect(validate(signed), JSON.stringify(validate.errors, null, 2)).toBe(true)
    expect(signed.proof).toHaveLength(1)
    expect(signed.proof[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: `${origin}/issuer#key-1` })
  })

  test('the recipient is a salted hash of their email, not the email, and their name as printed', () => {
    const text = JSON.stringify(signed)
    expect(text).not.toMatch(/amelie@example\.org/i)
    const [identity, name] = signed.credentialSubject.identifier
    expect(emailMatches('amelie@example.org', identity!)).toBe(true)
    expect(emailMatches('someone@example.org', identity!)).toBe(false)
    // A wallet shows whose badge it is.
    expect(name).toEqual({ type: 'IdentityObject', identityHash: input.certificate.recipientName, identityType: 'name', hashed: false })
  })

  test('its proof verifies with the issuer key', async () => {
    expect(await verifyCredentialProof(signed, { origin, key })).toEqual({ verified: true })
    // Also after a round trip through JSON text, as when pasted or uploaded.
    expect(await verifyCredentialProof(JSON.parse(JSON.stringify(signed)), { origin, key })).toEqual({ verified: true })
  })

  test.each([
    ['the course name', (c: any) => (c.credentialSubject.achievement.name = 'Advanced course')],
    ['the achievement type', (c: any) => (c.credentialSubject.achievement.achievementType = 'Certification')],
    ['the recipient', (c: any) => (c.credentialSubject.identifier[0].identityHash = c.credentialSubject.identifier[0].identityHash.replace(/.$/, '0'))],
    ['the recipient’s name', (c: any) => (c.credentialSubject.identifier[1].identityHash = 'Someone Else')],
    ['the date', (c: any) => (c.validFrom = '2025-03-15T10:00:01Z')],
    ['the issuer name', (c: any) => (c.issuer.name = 'Someone else')],
    ['the certificate number', (c: any) => (c.id = `${origin}/verify/bbbbbbbbbbbbbbbbbbbbbbbb`)],
    ['an added statement', (c: any) => (c.description = 'Excellent')],
    ['the signature', (c: any) => (c.proof[0].proofValue = c.proof[0].proofValue.replace(/.$/, c.proof[0].proofValue.endsWith('A') ? 'B' : 'A'))],
    ['the proof date', (c: any) => (c.proof[0].created = '2020-01-01T00:00:00Z')],
  ])('changing %s makes verification fail', async (_, tamper) => {
    const copy = structuredClone(signed)
    tamper(copy)
    const result = await verifyCredentialProof(copy, { origin, key })
    expect(result).toMatchObject({ verified: false, reason: 'invalid-proof' })
  })

  test('a term no context defines is refused rather than left unsigned', async () => {
    const copy: any = structuredClone(signed)
    copy.credentialSubject.grade = 'A+'
    expect(await verifyCredentialProof(copy, { origin, key })).toMatchObject({ verified: false })
    await expect(signCredential({ ...buildOpenBadgeCredential(input), grade: 'A+' }, { origin, key })).rejects.toThrow()
  })

  test('a second proof beside ours, bogus or even genuine, makes it fail', async () => {
    const bogus: any = structuredClone(signed)
    bogus.proof.push({ ...bogus.proof[0], proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKods5D2UAUL5n2Brbx' })
    expect(await verifyCredentialProof(bogus, { origin, key })).toMatchObject({ verified: false, reason: 'invalid-proof' })
    const twice: any = structuredClone(signed)
    twice.proof.push(structuredClone(signed.proof[0]))
    expect(await verifyCredentialProof(twice, { origin, key })).toMatchObject({ verified: false, reason: 'invalid-proof' })
    // One proof as an object rather than an array still reads.
    const single: any = structuredClone(signed)
    single.proof = single.proof[0]
    expect(await verifyCredentialProof(single, { origin, key })).toEqual({ verified: true })
  })

  test('a credential signed with another key fails', async () => {
    const otherKey = await ephemeralIssuerKey()
    const forged = await signCredential(buildOpenBadgeCredential(input), { origin, key: otherKey })
    expect(await verifyCredentialProof(forged, { origin, key })).toMatchObject({ verified: false, reason: 'invalid-proof' })
  })

  test('a credential from another issuer, or no credential at all, is not ours to vouch for', async () => {
    const elsewhere = await signCredential(buildOpenBadgeCredential({ ...input, origin: 'https://elsewhere.example' }), { origin: 'https://elsewhere.example', key })
    expect(await verifyCredentialProof(elsewhere, { origin, key })).toMatchObject({ verified: false, reason: 'other-issuer' })
    expect(await verifyCredentialProof([1, 2], { origin, key })).toMatchObject({ verified: false, reason: 'malformed' })
    const { proof: _, ...unsigned } = signed
    expect(await verifyCredentialProof(unsigned, { origin, key })).toMatchObject({ verified: false, reason: 'invalid-proof' })
  })

  test('the published controller document names the signing key for assertions', () => {
    const document = issuerControllerDocument(origin, key)
    expect(document.id).toBe(`${origin}/issuer`)
    expect(document.assertionMethod).toEqual([`${origin}/issuer#key-1`])
    expect(document.verificationMethod[0]).toMatchObject({ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase })
    expect(JSON.stringify(document)).not.toContain(key.secretKeyMultibase)
  })

  test('the Open Badges context Trellis ships is the one in the specification', () => {
    const shipped = readFileSync(new URL('./contexts/ob-v3p0-context-3.0.3.json', import.meta.url), 'utf8')
    const reference = readFileSync(new URL('../../tests/fixtures/openbadges/context-3.0.3.json', import.meta.url), 'utf8')
    expect(JSON.parse(shipped)).toEqual(JSON.parse(reference))
  })
})

import { readFileSync } from 'node:fs'
import Ajv2019 from 'ajv/dist/2019.js'
import addFormats from 'ajv-formats'
import { describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { generateCertificateId } from './certificate.ts'
import { revokeCertificate } from './certificates.server.ts'
import { openBadgeFor } from './credentials.server.ts'
import { issuerKey } from './issuer-key.server.ts'
import { signCredential, verifyCredentialProof } from './signing.server.ts'
import { STATUS_LIST_SIZE, encodeStatusList, ensureStatusIndex, statusBit, statusListCredential } from './status-list.server.ts'

const origin = 'https://learn.example.org'

async function certificate() {
  const user = await db.user.create({ data: { email: `${crypto.randomUUID()}@example.org`, displayName: 'Grace Banda', passwordHash: 'x', country: 'MW', stakeholderGroup: 'educator' } })
  return db.certificate.create({ data: { id: generateCertificateId(), userId: user.id, courseSlug: 'introduction', kind: 'course', recipientName: user.displayName, completedAt: new Date('2026-05-02T09:00:00Z') } })
}

/** What another verifier does: fetch the list the credential names, check its proof, read the bit. */
async function revokedByTheList(credential: { credentialStatus: { statusListCredential: string; statusListIndex: string } }) {
  expect(credential.credentialStatus.statusListCredential).toBe(`${origin}/credentials/status/revocation`)
  const list = await signCredential(await statusListCredential(origin), { origin, key: await issuerKey() })
  expect(await verifyCredentialProof(list, { origin, key: await issuerKey() })).toEqual({ verified: true })
  return statusBit(list.credentialSubject.encodedList, Number(credential.credentialStatus.statusListIndex))
}

describe('the revocation list (Bitstring Status List)', () => {
  test('bits are set where asked, the first one highest in the first byte, in a 16 KiB list', () => {
    const list = encodeStatusList([0, 9, STATUS_LIST_SIZE - 1])
    expect(list.startsWith('u')).toBe(true)
    expect([0, 9, STATUS_LIST_SIZE - 1].map((i) => statusBit(list, i))).toEqual([true, true, true])
    expect([1, 8, 10, 12345].map((i) => statusBit(list, i))).toEqual([false, false, false, false])
  })

  test('a certificate keeps the index it was given; two never share one', async () => {
    const a = await certificate()
    const b = await certificate()
    let calls = 0
    // The second certificate first draws the first one's index, then another.
    const first = await ensureStatusIndex(a.id, () => 0.25)
    const second = await ensureStatusIndex(b.id, () => (calls++ === 0 ? 0.25 : 0.5))
    expect(second).not.toBe(first)
    expect(await ensureStatusIndex(a.id)).toBe(first)
  })

  test('a credential names its status; after revocation, any verifier reading the list finds it revoked', async () => {
    const cert = await certificate()
    const credential = (await openBadgeFor(cert, { origin, locale: 'en' })) as any
    expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' })
    // Still an Open Badges 3.0 credential by the schema (and signed in JSON-LD safe mode).
    const ajv = new Ajv2019({ allErrors: true, strict: false })
    addFormats.default(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../tests/fixtures/openbadges/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8')))
    expect(validate(credential), JSON.stringify(validate.errors)).toBe(true)
    expect(await verifyCredentialProof(credential, { origin, key: await issuerKey() })).toEqual({ verified: true })
    expect(await revokedByTheList(credential)).toBe(false)
    await revokeCertificate(cert.id, 'issued_in_error')
    expect(await revokedByTheList(credential)).toBe(true)
  })
})

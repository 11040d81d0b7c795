import { gunzipSync, gzipSync } from 'node:zlib'
import { db } from '#app/utils/db.server.ts'
import { issuerUrls, statusListUrl } from './credential.ts'

// Revocation published the standard way (W3C Bitstring Status List v1.0,
// docs/decisions/014-credential-status.md): every credential names its bit
// in one list that Trellis serves signed at /credentials/status/revocation;
// a set bit means the certificate is no longer valid (revoked, or replaced
// by a reissue). Any verifier can read it, ours included.

/** Bits in the list: the specification's minimum (16 KiB), so an index says little about when it was given. */
export const STATUS_LIST_SIZE = 131_072

/** The list's `encodedList`: the bits (index 0 is the first byte's highest bit), gzipped, base64url, multibase "u". */
export function encodeStatusList(setBits: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bytes = new Uint8Array(size / 8)
  for (const index of setBits) {
    if (index < 0 || index >= size) continue
    bytes[index >> 3]! |= 0x80 >> (index & 7)
  }
  return `u${Buffer.from(gzipSync(bytes)).toString('base64url')}`
}

/** Reads bit `index` of an `encodedList`. */
export function statusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('the list is not base64url multibase')
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'))
  if (index < 0 || index >= bytes.length * 8) throw new Error('index outside the list')
  return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0
}

/** The bit of a certificate, given at random the first time its credential is made, and kept. */
export async function ensureStatusIndex(certificateId: string, random: () => number = Math.random): Promise<number> {
  const found = await db.certificate.findUniqueOrThrow({ where: { id: certificateId }, select: { statusIndex: true } })
  if (found.statusIndex !== null) return found.statusIndex
  for (let attempt = 0; attempt < 50; attempt++) {
    const index = Math.floor(random() * STATUS_LIST_SIZE)
    try {
      const { count } = await db.certificate.updateMany({ where: { id: certificateId, statusIndex: null }, data: { statusIndex: index } })
      if (count === 1) return index
      // Someone else gave it one in the meantime: that one stands.
      return (await db.certificate.findUniqueOrThrow({ where: { id: certificateId }, select: { statusIndex: true } })).statusIndex!
    } catch (error) {
      // Taken by another certificate (unique index): draw again.
      if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002')) throw error
    }
  }
  throw new Error('no free place in the status list')
}

/** A certificate whose bit is set: revoked, or replaced by a reissue. */
const noLongerValid = { OR: [{ revokedAt: { not: null } }, { supersededBy: { not: null } }] }

/** The bits set now. */
export async function currentStatusBits(): Promise<number[]> {
  const rows = await db.certificate.findMany({ where: { statusIndex: { not: null }, ...noLongerValid }, select: { statusIndex: true } })
  return rows.map((row) => row.statusIndex!)
}

/** Whether bit `index` of the published list is set: what a verifier reading the list would find. */
export async function isStatusBitSet(index: number): Promise<boolean> {
  return (await db.certificate.count({ where: { statusIndex: index, ...noLongerValid } })) > 0
}

/** The unsigned status list credential, as of `now`. */
export async function statusListCredential(origin: string, now = new Date()) {
  const url = statusListUrl(origin)
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerUrls(origin).id,
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(await currentStatusBits()),
    },
  }
}

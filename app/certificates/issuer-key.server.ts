import crypto from 'node:crypto'
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { z } from 'zod'
import { env } from '#app/utils/env.server.ts'

// The platform's Ed25519 signing key for Open Badges credentials. It is made the
// first time it is needed and kept in its own file (ISSUER_KEY_FILE, by default
// secrets/issuer-key.json), readable by the server's user only, away from the
// database directory and its backups. Losing it means credentials issued so far
// can no longer be verified: back it up separately (README, "Certificates").

const keyFileSchema = z.object({
  type: z.literal('Multikey'),
  publicKeyMultibase: z.string().startsWith('z'),
  secretKeyMultibase: z.string().startsWith('z'),
})

export type IssuerKey = z.infer<typeof keyFileSchema>

async function readKeyFile(file: string): Promise<IssuerKey> {
  const parsed = keyFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
  if (!parsed.success) throw new Error(`${file} is not a Trellis issuer key file`)
  return parsed.data
}

async function createKeyFile(file: string): Promise<IssuerKey> {
  const keyPair = await Ed25519Multikey.generate()
  const exported = await keyPair.export({ publicKey: true, secretKey: true, includeContext: false })
  const key = keyFileSchema.parse({ ...exported, type: 'Multikey' })
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  // Written whole to a file of this process's own, then linked into place in
  // one step: a worker starting at the same moment never reads a half-written
  // key, and if another process linked its key first, that one is kept.
  const draft = `${file}.${process.pid}-${crypto.randomUUID()}.tmp`
  await writeFile(draft, `${JSON.stringify(key, null, 2)}\n`, { flag: 'wx', mode: 0o600 })
  try {
    await link(draft, file)
    return key
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file)
    throw error
  } finally {
    await unlink(draft).catch(() => {})
  }
}

const loaded = new Map<string, Promise<IssuerKey>>()

/** The issuer key in `file`, made there on first use. */
export function issuerKey(file = env.ISSUER_KEY_FILE): Promise<IssuerKey> {
  const resolved = path.resolve(file)
  let key = loaded.get(resolved)
  if (!key) {
    key = readKeyFile(resolved).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return createKeyFile(resolved)
      throw error
    })
    key.catch(() => loaded.delete(resolved))
    loaded.set(resolved, key)
  }
  return key
}

/** A new key that is never written anywhere: for tests. */
export async function ephemeralIssuerKey(): Promise<IssuerKey> {
  const keyPair = await Ed25519Multikey.generate()
  return keyFileSchema.parse({ ...(await keyPair.export({ publicKey: true, secretKey: true, includeContext: false })), type: 'Multikey' })
}

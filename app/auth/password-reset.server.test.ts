import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import { createResetToken, findResetLink, requestPasswordReset, resetPassword } from './password-reset.server.ts'
import { createSession, validateSessionToken } from './session.server.ts'
import { sessionIdFromToken } from './session.ts'

const OLD = 'river stones at dawn'
const NEW = 'blue kettle mountain song'

async function person(data: { deactivatedAt?: Date; preferredLocale?: string } = {}) {
  return db.user.create({
    data: {
      email: `${crypto.randomUUID()}@example.org`,
      displayName: 'Grace Banda',
      passwordHash: await hashPassword(OLD),
      country: 'MW',
      stakeholderGroup: 'educator',
      ...data,
    },
  })
}

async function waitForMailTo(email: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const files = fs.existsSync(env.OUTBOX_DIR) ? fs.readdirSync(env.OUTBOX_DIR) : []
    for (const file of files) {
      const text = fs.readFileSync(path.join(env.OUTBOX_DIR, file), 'utf8')
      if (text.includes(`To: ${email}`)) return text
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`no mail to ${email}`)
}

function mailsTo(email: string) {
  const files = fs.existsSync(env.OUTBOX_DIR) ? fs.readdirSync(env.OUTBOX_DIR) : []
  return files.filter((file) => fs.readFileSync(path.join(env.OUTBOX_DIR, file), 'utf8').includes(`To: ${email}`)).length
}

describe('reset tokens', () => {
  test('only the hash is stored, and the link leads to its account', async () => {
    const user = await person()
    const token = await createResetToken(user.id)
    const stored = await db.passwordResetToken.findMany({ where: { userId: user.id } })
    expect(stored).toHaveLength(1)
    expect(stored[0]!.id).toBe(sessionIdFromToken(token))
    expect(stored[0]!.id).not.toContain(token)
    expect(await findResetLink(token)).toEqual({ state: 'valid', userId: user.id, email: user.email, preferredLocale: 'en' })
  })

  test('expire after one hour', async () => {
    const user = await person()
    const made = new Date('2026-05-01T08:00:00Z')
    const token = await createResetToken(user.id, null, made)
    expect((await findResetLink(token, new Date('2026-05-01T08:59:00Z'))).state).toBe('valid')
    expect((await findResetLink(token, new Date('2026-05-01T09:00:00Z'))).state).toBe('expired')
    const late = await resetPassword(token, NEW, new Date('2026-05-01T09:00:01Z'))
    expect(late).toEqual({ ok: false, reason: 'link', state: 'expired' })
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, OLD)).toBe(true)
  })

  test('work once: the password changes, every session ends, a new one starts; the link then says used', async () => {
    const user = await person()
    const phone = await createSession(user.id)
    const token = await createResetToken(user.id)
    const other = await createResetToken(user.id)

    const result = await resetPassword(token, NEW)
    expect(result.ok).toBe(true)
    const hash = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash
    expect(await verifyPassword(hash, NEW)).toBe(true)
    expect(await validateSessionToken(phone.token)).toBeNull()
    if (result.ok) expect((await validateSessionToken(result.session.token))?.user.id).toBe(user.id)

    expect((await findResetLink(token)).state).toBe('used')
    expect(await resetPassword(token, 'another fine passphrase')).toEqual({ ok: false, reason: 'link', state: 'used' })
    // The account's other link stopped working too.
    expect((await findResetLink(other)).state).toBe('unknown')
  })

  test('two submissions of one link at once: only one sets the password', async () => {
    const user = await person()
    const token = await createResetToken(user.id)
    const results = await Promise.all([resetPassword(token, NEW), resetPassword(token, 'a different long phrase')])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })

  test('a weak new password is refused and the link still works', async () => {
    const user = await person()
    const token = await createResetToken(user.id)
    expect(await resetPassword(token, 'short')).toEqual({ ok: false, reason: 'password', error: 'errors.passwordTooShort' })
    expect((await findResetLink(token)).state).toBe('valid')
  })

  test('made-up and malformed tokens are unknown', async () => {
    expect((await findResetLink('a'.repeat(32))).state).toBe('unknown')
    expect((await findResetLink('../../etc')).state).toBe('unknown')
    expect((await findResetLink(undefined)).state).toBe('unknown')
  })

  test('a deactivated account cannot use a link', async () => {
    const user = await person()
    const token = await createResetToken(user.id)
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } })
    expect((await findResetLink(token)).state).toBe('unknown')
  })
})

describe('asking for a reset by email', () => {
  test('sends a link in the person’s language that opens the reset page', async () => {
    const user = await person({ preferredLocale: 'fr' })
    await requestPasswordReset({ email: user.email, ip: '10.0.0.1', origin: 'https://learn.example.org' })
    const mail = await waitForMailTo(user.email)
    expect(mail).toContain('Content-Language: fr')
    const link = /https:\/\/learn\.example\.org\/reset-password\/([a-z2-7]{32})/.exec(mail.replace(/=\r?\n/g, ''))
    expect(link).not.toBeNull()
    expect((await findResetLink(link![1])).state).toBe('valid')
  })

  test('for an unknown or deactivated address, sends nothing (and says the same)', async () => {
    const unknown = `${crypto.randomUUID()}@example.org`
    await expect(requestPasswordReset({ email: unknown, ip: '10.0.0.2', origin: 'https://x.example' })).resolves.toBeUndefined()
    const off = await person({ deactivatedAt: new Date() })
    await requestPasswordReset({ email: off.email, ip: '10.0.0.2', origin: 'https://x.example' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(mailsTo(unknown)).toBe(0)
    expect(mailsTo(off.email)).toBe(0)
    expect(await db.passwordResetToken.count({ where: { userId: off.id } })).toBe(0)
  })

  test('without a trusted origin for its link, sends nothing and makes no link', async () => {
    const user = await person()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await requestPasswordReset({ email: user.email, ip: '10.0.0.3', origin: null })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('PUBLIC_URL'))
    warn.mockRestore()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(mailsTo(user.email)).toBe(0)
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0)
  })

  test('at most three emails an hour to one address', async () => {
    const user = await person()
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: user.email, ip: `10.0.1.${i}`, origin: 'https://x.example' })
    await waitForMailTo(user.email)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(mailsTo(user.email)).toBe(3)
  })
})

import { describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { changePassword, endOtherSessions, endSession, listSessions } from './account.server.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import { MAX_FAILURES_PER_ACCOUNT } from './rate-limit.server.ts'
import { createSession, validateSessionToken } from './session.server.ts'
import { sessionIdFromToken } from './session.ts'

const OLD = 'river stones at dawn'
const NEW = 'blue kettle mountain song'

async function person() {
  const user = await db.user.create({
    data: { email: `${crypto.randomUUID()}@example.org`, displayName: 'Grace Banda', passwordHash: await hashPassword(OLD), country: 'MW', stakeholderGroup: 'educator' },
  })
  return user
}

async function signedIn(userId: string, createdAt?: Date) {
  const { token } = await createSession(userId)
  const id = sessionIdFromToken(token)
  if (createdAt) await db.session.update({ where: { id }, data: { createdAt } })
  return { token, id }
}

async function storedHash(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash
}

describe('changing a password', () => {
  test('with the right current password: new hash stored, other sessions end, this one stays', async () => {
    const user = await person()
    const here = await signedIn(user.id)
    const phone = await signedIn(user.id)
    const laptop = await signedIn(user.id)
    const someoneElse = await signedIn((await person()).id)

    const result = await changePassword(user.id, here.id, OLD, NEW)
    expect(result).toEqual({ ok: true, otherSessionsEnded: 2 })

    const hash = await storedHash(user.id)
    expect(hash).toMatch(/^\$argon2id\$/)
    expect(await verifyPassword(hash, NEW)).toBe(true)
    expect(await verifyPassword(hash, OLD)).toBe(false)
    expect(await validateSessionToken(here.token)).not.toBeNull()
    expect(await validateSessionToken(phone.token)).toBeNull()
    expect(await validateSessionToken(laptop.token)).toBeNull()
    expect(await validateSessionToken(someoneElse.token)).not.toBeNull()
  })

  test('a wrong current password changes nothing and is reported on its field', async () => {
    const user = await person()
    const here = await signedIn(user.id)
    const other = await signedIn(user.id)
    const before = await storedHash(user.id)

    const result = await changePassword(user.id, here.id, 'not my password', NEW)
    expect(result).toEqual({ ok: false, reason: 'invalid', errors: { currentPassword: 'account.errors.currentWrong' } })
    expect(await storedHash(user.id)).toBe(before)
    expect(await validateSessionToken(other.token)).not.toBeNull()
  })

  test('the new password follows the usual rules and must differ from the current one', async () => {
    const user = await person()
    const here = await signedIn(user.id)
    const tooShort = await changePassword(user.id, here.id, OLD, 'short')
    expect(tooShort).toEqual({ ok: false, reason: 'invalid', errors: { newPassword: 'errors.passwordTooShort' } })
    const common = await changePassword(user.id, here.id, OLD, 'password123')
    expect(common).toMatchObject({ errors: { newPassword: 'errors.passwordTooCommon' } })
    const same = await changePassword(user.id, here.id, OLD, OLD)
    expect(same).toMatchObject({ errors: { newPassword: 'account.errors.samePassword' } })
    // Both problems at once are both reported.
    const both = await changePassword(user.id, here.id, '', 'short')
    expect(Object.keys(both.ok ? {} : 'errors' in both ? both.errors : {})).toEqual(['currentPassword', 'newPassword'])
    expect(both).toMatchObject({ errors: { currentPassword: 'account.errors.currentRequired', newPassword: 'errors.passwordTooShort' } })
    expect(await verifyPassword(await storedHash(user.id), OLD)).toBe(true)
  })

  test('guessing the current password is throttled like signing in', async () => {
    const user = await person()
    const here = await signedIn(user.id)
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await changePassword(user.id, here.id, `wrong guess ${i}`, NEW, '198.51.100.7')
    }
    const result = await changePassword(user.id, here.id, OLD, NEW, '198.51.100.7')
    expect(result).toMatchObject({ ok: false, reason: 'throttled' })
    expect(await verifyPassword(await storedHash(user.id), OLD)).toBe(true)
  })
})

describe('active sessions', () => {
  test('lists the unexpired sessions, this one first then the newest', async () => {
    const user = await person()
    const older = await signedIn(user.id, new Date('2026-01-01T08:00:00Z'))
    const here = await signedIn(user.id, new Date('2026-01-02T08:00:00Z'))
    const newer = await signedIn(user.id, new Date('2026-01-03T08:00:00Z'))
    const expired = await signedIn(user.id)
    await db.session.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    await signedIn((await person()).id)

    const sessions = await listSessions(user.id, here.id)
    expect(sessions.map((s) => [s.id, s.current])).toEqual([
      [here.id, true],
      [newer.id, false],
      [older.id, false],
    ])
    expect(sessions[0]!.createdAt).toEqual(new Date('2026-01-02T08:00:00Z'))
  })

  test('ends one of the person’s own other sessions only', async () => {
    const user = await person()
    const here = await signedIn(user.id)
    const other = await signedIn(user.id)
    const stranger = await signedIn((await person()).id)

    expect(await endSession(user.id, here.id, here.id)).toBe('current')
    expect(await endSession(user.id, here.id, stranger.id)).toBe('notFound')
    expect(await validateSessionToken(stranger.token)).not.toBeNull()
    expect(await endSession(user.id, here.id, other.id)).toBe('ended')
    expect(await validateSessionToken(other.token)).toBeNull()
    expect(await endSession(user.id, here.id, other.id)).toBe('notFound')
    expect(await validateSessionToken(here.token)).not.toBeNull()
  })

  test('signs out everywhere else', async () => {
    const user = await person()
    const here = await signedIn(user.id)
    await signedIn(user.id)
    await signedIn(user.id)
    const stranger = await signedIn((await person()).id)
    expect(await endOtherSessions(user.id, here.id)).toBe(2)
    expect((await listSessions(user.id, here.id)).map((s) => s.id)).toEqual([here.id])
    expect(await validateSessionToken(stranger.token)).not.toBeNull()
    expect(await endOtherSessions(user.id, here.id)).toBe(0)
  })
})

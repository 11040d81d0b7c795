import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { requireAnonymous, requireRole, requireUser } from './guards.server.ts'
import { SESSION_COOKIE, createSession, deleteExpiredSessions, validateSessionToken } from './session.server.ts'
import { sessionIdFromToken } from './session.ts'

async function makeUser(role: string) {
  return db.user.create({
    data: {
      email: `${role}-${crypto.randomUUID()}@example.org`,
      displayName: `A ${role}`,
      passwordHash: 'x',
      country: 'MW',
      stakeholderGroup: 'educator',
      role,
    },
  })
}

function requestWith(token: string | null, url = 'http://localhost/admin?tab=users') {
  return new Request(url, { headers: token ? { Cookie: `${SESSION_COOKIE}=${token}` } : {} })
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected the guard to throw a response')
}

let learnerToken: string
let adminToken: string

beforeAll(async () => {
  learnerToken = (await createSession((await makeUser('learner')).id)).token
  adminToken = (await createSession((await makeUser('admin')).id)).token
})

afterAll(() => db.$disconnect())

describe('requireUser', () => {
  test('an anonymous visitor is sent to sign in, and back afterwards', async () => {
    const response = await thrown(requireUser(requestWith(null)))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fadmin%3Ftab%3Dusers')
  })

  test('a forged token is an anonymous visitor', async () => {
    const response = await thrown(requireUser(requestWith('a'.repeat(32))))
    expect(response.status).toBe(302)
  })

  test('a signed-in user is returned', async () => {
    const user = await requireUser(requestWith(learnerToken))
    expect(user.role).toBe('learner')
  })
})

describe('requireRole', () => {
  test('a learner opening an admin page gets 403', async () => {
    const response = await thrown(requireRole(requestWith(learnerToken), 'admin'))
    expect(response.status).toBe(403)
  })

  test('an admin passes', async () => {
    expect((await requireRole(requestWith(adminToken), 'admin')).role).toBe('admin')
  })

  test('anonymous visitors are redirected, not told 403', async () => {
    const response = await thrown(requireRole(requestWith(null), 'admin'))
    expect(response.status).toBe(302)
  })
})

describe('requireAnonymous', () => {
  test('a signed-in user on the sign-in page goes to their area', async () => {
    const response = await thrown(requireAnonymous(requestWith(learnerToken, 'http://localhost/login')))
    expect(response.headers.get('Location')).toBe('/me')
  })
})

describe('session lifetime', () => {
  const DAY = 24 * 60 * 60 * 1000

  test('the database keeps only the hash of the token', async () => {
    const user = await makeUser('learner')
    const { token } = await createSession(user.id)
    const rows = await db.session.findMany({ where: { userId: user.id } })
    expect(rows.map((r) => r.id)).toEqual([sessionIdFromToken(token)])
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  test('a session used after 20 days is extended to 30 days from now', async () => {
    const user = await makeUser('learner')
    const start = new Date('2026-01-01T00:00:00Z')
    const { token } = await createSession(user.id, start)
    const later = new Date(start.getTime() + 20 * DAY)
    const session = await validateSessionToken(token, later)
    expect(session?.renewed).toBe(true)
    expect(session?.expiresAt.getTime()).toBe(later.getTime() + 30 * DAY)
  })

  test('an expired session is refused and deleted', async () => {
    const user = await makeUser('learner')
    const start = new Date('2026-01-01T00:00:00Z')
    const { token } = await createSession(user.id, start)
    expect(await validateSessionToken(token, new Date(start.getTime() + 31 * DAY))).toBeNull()
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0)
  })

  test('the clean-up removes expired sessions only', async () => {
    const user = await makeUser('learner')
    await createSession(user.id, new Date(Date.now() - 40 * DAY))
    await createSession(user.id)
    await deleteExpiredSessions()
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1)
  })
})

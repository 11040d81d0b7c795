import { beforeAll, bench, describe } from 'vitest'
import { listAuditEvents } from '#app/admin/audit.server.ts'
import { searchUsers } from '#app/admin/users.server.ts'
import { db } from '#app/utils/db.server.ts'

// `npm run bench`: the admin's list of people with 100,000 accounts (issue 8:
// "paginated; works with 100,000 users"), and the audit log with 100,000 entries.
// Each page counts its total too, as the page does.

const PEOPLE = 100_000

beforeAll(async () => {
  await db.$executeRawUnsafe(`
    INSERT INTO User (id, email, displayName, passwordHash, country, stakeholderGroup, role, createdAt, updatedAt)
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PEOPLE})
    SELECT 'bench' || i, 'person' || i || '@example.org', 'Person ' || i, 'x',
      CASE i % 6 WHEN 0 THEN 'MW' WHEN 1 THEN 'KE' WHEN 2 THEN 'MA' WHEN 3 THEN 'JO' WHEN 4 THEN 'ZM' ELSE 'TZ' END,
      CASE i % 4 WHEN 0 THEN 'educator' WHEN 1 THEN 'parent_carer' WHEN 2 THEN 'industry' ELSE 'government' END,
      CASE WHEN i % 50 = 0 THEN 'trainer' ELSE 'learner' END,
      strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2022-01-01', '+' || (i * 15) || ' minutes'),
      strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2022-01-01', '+' || (i * 15) || ' minutes')
    FROM n`)
  await db.$executeRawUnsafe(`
    INSERT INTO AuditEvent (id, at, actorId, actorEmail, action, targetType, targetId, targetLabel, details)
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PEOPLE})
    SELECT 'audit' || i, strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2022-01-01', '+' || (i * 15) || ' minutes'),
      'admin' || (i % 5), 'staff' || (i % 5) || '@example.org',
      CASE i % 3 WHEN 0 THEN 'user.role_changed' WHEN 1 THEN 'report.exported' ELSE 'certificate.revoked' END,
      'user', 'bench' || i, 'Person ' || i, '{}'
    FROM n`)
}, 120_000)

describe('people: 100,000 accounts', () => {
  bench('first page, no filter', async () => {
    await searchUsers({})
  })
  bench('page 1,000 (keyed by the last person of page 999)', async () => {
    await searchUsers({ after: `bench${PEOPLE - 999 * 50}` })
  })
  bench('search by part of a name or email', async () => {
    await searchUsers({ q: 'son 4242' })
  })
  bench('country + group + role filter', async () => {
    await searchUsers({ country: 'KE', group: 'parent_carer', role: 'learner' })
  })
})

describe('audit log: 100,000 entries', () => {
  bench('first page', async () => {
    await listAuditEvents({})
  })
  bench('filtered by action, deep page', async () => {
    await listAuditEvents({ action: 'user.role_changed' }, `audit${PEOPLE / 2}`)
  })
  bench('one person’s history', async () => {
    await listAuditEvents({ targetType: 'user', targetId: 'bench4242' }, null, 10)
  })
})

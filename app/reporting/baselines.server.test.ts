import { expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { addBaseline, deleteBaseline, listBaselines } from './baselines.server.ts'

const base = { stakeholderGroup: 'educator', country: 'MW', note: '' } as const

test('baselines are listed newest date first, with totals per activity kind; deleting one removes it from both', async () => {
  const older = await addBaseline({ ...base, asOf: '2020-12-31', activityKind: 'tot', participants: 25 }, 'admin-1')
  const newer = await addBaseline({ ...base, asOf: '2021-12-31', activityKind: 'tot', participants: 30, country: 'KE' }, 'admin-1')
  const offline = await addBaseline(
    { ...base, asOf: '2021-06-30', activityKind: 'offline_activity', stakeholderGroup: 'parent_carer', participants: 1500, note: 'Workshops 2019–2021' },
    'admin-1',
  )

  // Stored as the day's UTC midnight, with who entered it.
  const stored = await db.baseline.findUniqueOrThrow({ where: { id: newer.id } })
  expect(stored).toMatchObject({ asOf: new Date('2021-12-31T00:00:00Z'), createdById: 'admin-1', country: 'KE', participants: 30 })

  const listed = await listBaselines()
  expect(listed.baselines.map((b) => [b.id, b.asOf])).toEqual([
    [newer.id, '2021-12-31'],
    [offline.id, '2021-06-30'],
    [older.id, '2020-12-31'],
  ])
  expect(listed.baselines[1]).toMatchObject({ activityKind: 'offline_activity', stakeholderGroup: 'parent_carer', country: 'MW', participants: 1500, note: 'Workshops 2019–2021' })
  expect(listed.totals).toEqual([
    { activityKind: 'online_course', participants: 0, baselines: 0 },
    { activityKind: 'tot', participants: 55, baselines: 2 },
    { activityKind: 'offline_activity', participants: 1500, baselines: 1 },
    { activityKind: 'cascade_session', participants: 0, baselines: 0 },
  ])

  expect(await deleteBaseline(older.id)).toBe(true)
  // A second click on the same button finds nothing to delete.
  expect(await deleteBaseline(older.id)).toBe(false)
  const after = await listBaselines()
  expect(after.baselines.map((b) => b.id)).toEqual([newer.id, offline.id])
  expect(after.totals.find((t) => t.activityKind === 'tot')).toEqual({ activityKind: 'tot', participants: 30, baselines: 1 })
})

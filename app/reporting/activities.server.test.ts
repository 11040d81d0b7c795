import { describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import type { ActivityInput } from './activities.ts'
import {
  clearAttendees,
  createActivity,
  deleteActivity,
  getActivity,
  importAttendees,
  listActivities,
  replaceHeadcounts,
  updateActivity,
} from './activities.server.ts'
import type { AttendeeInput } from './attendance-csv.ts'

const TODAY = '2024-06-30'

function input(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: 'Workshop for policymakers',
    kind: 'workshop',
    startsOn: '2024-03-12',
    endsOn: '2024-03-13',
    country: 'MW',
    city: 'Lilongwe',
    organiser: 'Programme team',
    audienceGroups: ['government', 'civil_society'],
    notes: '',
    ...overrides,
  }
}

const attendee = (name: string, overrides: Partial<AttendeeInput> = {}): AttendeeInput => ({
  name,
  email: null,
  stakeholderGroup: 'government',
  country: 'MW',
  gender: null,
  organisation: null,
  ...overrides,
})

describe('offline activities', () => {
  test('an activity is stored with its days at UTC midnight and its audience as JSON', async () => {
    const { id } = await createActivity(input(), null)
    const stored = await db.activity.findUniqueOrThrow({ where: { id } })
    expect(stored).toMatchObject({
      startsOn: new Date('2024-03-12T00:00:00Z'),
      endsOn: new Date('2024-03-13T00:00:00Z'),
      audienceGroups: '["government","civil_society"]',
    })
    expect(await getActivity(id)).toMatchObject({ startsOn: '2024-03-12', endsOn: '2024-03-13', audienceGroups: ['government', 'civil_society'], participants: 0 })
    expect(await getActivity('nope')).toBeNull()
  })

  test('headcounts replace each other; the activity sums them', async () => {
    const { id } = await createActivity(input(), null)
    await replaceHeadcounts(
      id,
      [
        { stakeholderGroup: 'government', gender: 'female', count: 12 },
        { stakeholderGroup: 'government', gender: null, count: 8 },
        { stakeholderGroup: 'civil_society', gender: null, count: 15 },
      ],
      TODAY,
    )
    expect(await replaceHeadcounts(id, [{ stakeholderGroup: 'industry', gender: null, count: 30 }, { stakeholderGroup: 'educator', gender: null, count: 0 }], TODAY)).toEqual({ ok: true, count: 30 })
    const activity = await getActivity(id)
    expect(activity?.headcounts).toEqual([{ stakeholderGroup: 'industry', gender: null, count: 30 }])
    expect(activity).toMatchObject({ counted: 30, participants: 30 })
  })

  test('participants cannot be recorded before an activity starts', async () => {
    const { id } = await createActivity(input({ startsOn: '2024-07-01', endsOn: '2024-07-01' }), null)
    expect(await replaceHeadcounts(id, [{ stakeholderGroup: 'industry', gender: null, count: 3 }], TODAY)).toEqual({ ok: false, reason: 'not-yet-held' })
    expect(await importAttendees(id, [attendee('Ann')], TODAY)).toEqual({ ok: false, reason: 'not-yet-held' })
    expect(await replaceHeadcounts(id, [{ stakeholderGroup: 'industry', gender: null, count: 3 }], '2024-07-01')).toEqual({ ok: true, count: 3 })
    expect(await importAttendees('nope', [attendee('Ann')], TODAY)).toEqual({ ok: false, reason: 'not-found' })
  })

  test('invalid headcounts are refused as a whole', async () => {
    const { id } = await createActivity(input(), null)
    await replaceHeadcounts(id, [{ stakeholderGroup: 'industry', gender: null, count: 3 }], TODAY)
    const duplicate = [
      { stakeholderGroup: 'industry', gender: null, count: 3 },
      { stakeholderGroup: 'industry', gender: null, count: 4 },
    ] as const
    expect(await replaceHeadcounts(id, [...duplicate], TODAY)).toEqual({ ok: false, reason: 'invalid' })
    expect((await getActivity(id))?.counted).toBe(3)
  })

  test('an attendance list is imported whole, emails lower-cased, and a new import replaces it', async () => {
    const { id } = await createActivity(input(), null)
    const first = await importAttendees(
      id,
      [attendee('Ann', { email: ' Ann@Example.ORG ', gender: 'female' }), attendee('Bob', { stakeholderGroup: 'civil_society' }), attendee('Cleo')],
      TODAY,
    )
    expect(first).toEqual({ ok: true, count: 3 })
    expect((await db.activityAttendee.findFirstOrThrow({ where: { activityId: id, name: 'Ann' } })).email).toBe('ann@example.org')
    expect((await getActivity(id))?.attendance).toEqual({
      named: 3,
      withEmail: 1,
      byGroup: { parent_carer: 0, educator: 0, industry: 0, government: 2, civil_society: 1, child_youth: 0, other: 0 },
    })
    await importAttendees(id, [attendee('Dee'), attendee('Eve')], TODAY)
    expect((await db.activityAttendee.findMany({ where: { activityId: id }, orderBy: { name: 'asc' } })).map((a) => a.name)).toEqual(['Dee', 'Eve'])
    expect(await clearAttendees(id)).toBe(2)
    expect((await getActivity(id))?.attendance.named).toBe(0)
  })

  test('a failure half-way through an import leaves the previous list untouched', async () => {
    const { id } = await createActivity(input(), null)
    await importAttendees(id, [attendee('Ann'), attendee('Bob')], TODAY)
    // A name the database cannot store (null) fails inside the transaction, after the old list was deleted.
    const broken = [attendee('Cleo'), { ...attendee('Dee'), name: null as unknown as string }]
    await expect(importAttendees(id, broken, TODAY)).rejects.toThrow()
    expect((await db.activityAttendee.findMany({ where: { activityId: id }, orderBy: { name: 'asc' } })).map((a) => a.name)).toEqual(['Ann', 'Bob'])
    expect(await importAttendees(id, [], TODAY)).toEqual({ ok: false, reason: 'invalid' })
  })

  test('an activity with participants cannot move to a later start than today', async () => {
    const { id } = await createActivity(input(), null)
    expect(await updateActivity(id, input({ title: 'Renamed', startsOn: '2024-08-01', endsOn: '2024-08-01' }), TODAY)).toEqual({ ok: true })
    await updateActivity(id, input(), TODAY)
    await replaceHeadcounts(id, [{ stakeholderGroup: 'industry', gender: null, count: 3 }], TODAY)
    expect(await updateActivity(id, input({ startsOn: '2024-08-01', endsOn: '2024-08-01' }), TODAY)).toEqual({ ok: false, reason: 'participants-before-start' })
    expect(await updateActivity(id, input({ title: 'Renamed again' }), TODAY)).toEqual({ ok: true })
    expect((await getActivity(id))?.title).toBe('Renamed again')
    expect(await updateActivity('nope', input(), TODAY)).toEqual({ ok: false, reason: 'not-found' })
  })

  test('deleting an activity deletes its participants', async () => {
    const { id } = await createActivity(input(), null)
    await importAttendees(id, [attendee('Ann')], TODAY)
    await replaceHeadcounts(id, [{ stakeholderGroup: 'industry', gender: null, count: 3 }], TODAY)
    expect(await deleteActivity(id)).toBe(true)
    expect(await db.activityAttendee.count({ where: { activityId: id } })).toBe(0)
    expect(await db.activityHeadcount.count({ where: { activityId: id } })).toBe(0)
    expect(await deleteActivity(id)).toBe(false)
  })
})

describe('the list of activities', () => {
  test('newest first, paginated, each with named + counted participants', async () => {
    await db.activity.deleteMany()
    const older = await createActivity(input({ title: 'Older', startsOn: '2023-01-10', endsOn: '2023-01-10' }), null)
    const newer = await createActivity(input({ title: 'Newer', startsOn: '2024-02-01', endsOn: '2024-02-02' }), null)
    const empty = await createActivity(input({ title: 'Middle', startsOn: '2023-06-01', endsOn: '2023-06-01' }), null)
    await importAttendees(newer.id, [attendee('Ann'), attendee('Bob')], TODAY)
    await replaceHeadcounts(
      newer.id,
      [
        { stakeholderGroup: 'industry', gender: 'female', count: 10 },
        { stakeholderGroup: 'industry', gender: null, count: 5 },
      ],
      TODAY,
    )
    await replaceHeadcounts(older.id, [{ stakeholderGroup: 'educator', gender: null, count: 40 }], TODAY)

    const page1 = await listActivities({ page: 1, pageSize: 2 })
    expect(page1).toMatchObject({ total: 3, page: 1, pageCount: 2 })
    expect(page1.items.map((a) => [a.title, a.named, a.counted, a.participants])).toEqual([
      ['Newer', 2, 15, 17],
      ['Middle', 0, 0, 0],
    ])
    expect(page1.items[0]).toMatchObject({ id: newer.id, startsOn: '2024-02-01', endsOn: '2024-02-02', country: 'MW' })
    const page2 = await listActivities({ page: 2, pageSize: 2 })
    expect(page2.items.map((a) => [a.title, a.participants])).toEqual([['Older', 40]])
    // Out-of-range pages show the nearest one.
    expect((await listActivities({ page: 99, pageSize: 2 })).page).toBe(2)
    expect((await listActivities({ page: -1, pageSize: 2 })).items[1]?.id).toBe(empty.id)
  })

  test('an empty programme has one empty page', async () => {
    await db.activity.deleteMany()
    expect(await listActivities()).toEqual({ items: [], total: 0, page: 1, pageCount: 1 })
  })
})

import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { dayToDate } from './dates.ts'
import { programmeReportForRequest } from './programme-report.server.ts'

// Q4 2023: two parents and an educator learn online in Malawi; one offline
// workshop for government officials in Morocco with 30 people by headcount.
beforeAll(async () => {
  let n = 0
  const learner = async (group: string) => {
    const user = await db.user.create({ data: { email: `p${n++}@example.org`, displayName: 'P', passwordHash: 'x', country: 'MW', stakeholderGroup: group } })
    await db.lessonProgress.create({ data: { userId: user.id, courseSlug: 'introduction', lessonId: 'l1', completedAt: new Date('2023-11-02T10:00:00Z') } })
  }
  await learner('parent_carer')
  await learner('parent_carer')
  await learner('educator')
  const workshop = await db.activity.create({
    data: { title: 'Policy', kind: 'workshop', startsOn: dayToDate('2023-10-20'), endsOn: dayToDate('2023-10-20'), country: 'MA', audienceGroups: '["government"]' },
  })
  await db.activityHeadcount.create({ data: { activityId: workshop.id, stakeholderGroup: 'government', count: 30 } })
})

const report = (search: string) =>
  programmeReportForRequest(new Request(`http://localhost/admin/reports/programme?preset=custom&from=2023-10-01&to=2023-12-31&${search}`, { headers: { 'Accept-Language': 'en' } }))
const text = (r: Awaited<ReturnType<typeof report>>, key: string) => r.sentences.find((s) => s.key === key)!.text

describe('the programme report', () => {
  test('the headline’s groups narrow the headline only', async () => {
    const r = await report('group=parent_carer&group=educator')
    expect(text(r, 'participants')).toMatch(/^3 additional parents, carers and educators participated .*\(total of 3 participants/)
    // The workshop for government officials is still in the offline sentence, and Morocco still reached.
    expect(text(r, 'offline')).toMatch(/^1 offline capacity-building activity delivered to government officials with a total of 30 participants/)
    expect(text(r, 'countriesReached')).toMatch(/^Activities reached 2 additional countries/)
    expect(r.scope).toBeNull()
  })

  test('a country narrows every sentence, and the report says so', async () => {
    const r = await report('country=MW&group=parent_carer')
    expect(r.scope).toBe('All figures are for Malawi only.')
    expect(text(r, 'participants')).toMatch(/^2 additional parents and carers participated/)
    expect(text(r, 'offline')).toMatch(/^No offline capacity-building activities were delivered \(total of 0 participants/)
    expect(text(r, 'countriesReached')).toMatch(/^Activities reached 1 additional country /)
  })

  test('the dashboard’s activity, course and cohort filters do not apply to it, and it says so', async () => {
    const r = await report('kind=tot&course=introduction')
    expect(r.ignoredFilters).toBe(true)
    expect(text(r, 'participants')).toMatch(/^33 additional people participated .*\(total of 33 participants/)
  })
})

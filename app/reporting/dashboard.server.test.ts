import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { dayToDate } from './dates.ts'
import { getDashboard } from './dashboard.server.ts'

// Online figures and activity counts for a small, hand-counted programme.
const at = (iso: string) => new Date(iso)
let n = 0

async function learner(createdAt: string, group = 'industry', country = 'MA') {
  return db.user.create({ data: { email: `l${n++}@example.org`, displayName: 'L', passwordHash: 'x', country, stakeholderGroup: group, createdAt: at(createdAt) } })
}

async function enrol(userId: string, enrolledAt: string, completedAt?: string) {
  await db.enrolment.create({ data: { userId, courseSlug: 'crb', enrolledAt: at(enrolledAt), completedAt: completedAt ? at(completedAt) : null } })
  if (completedAt) {
    await db.courseCompletion.create({ data: { userId, courseSlug: 'crb', completedAt: at(completedAt) } })
    await db.certificate.create({ data: { id: `c${String(n++).padStart(23, 'a')}`, userId, courseSlug: 'crb', recipientName: 'L', completedAt: at(completedAt), issuedAt: at(completedAt) } })
  }
}

async function attempt(userId: string, startedAt: string, passed: boolean) {
  await db.quizAttempt.create({ data: { userId, courseSlug: 'crb', quizId: 'm1/quiz', questions: '[]', total: 5, startedAt: at(startedAt), submittedAt: at(startedAt), passed } })
}

const q4 = { from: '2023-10-01', to: '2023-12-31' }

describe('the dashboard', () => {
  beforeAll(async () => {
    const early = await learner('2023-05-01T00:00:00Z')
    await enrol(early.id, '2023-05-02T00:00:00Z', '2023-10-12T00:00:00Z') // completed in Q4 after 163 days
    const a = await learner('2023-10-02T00:00:00Z')
    await enrol(a.id, '2023-10-02T00:00:00Z', '2023-10-12T00:00:00Z') // 10 days
    const b = await learner('2023-11-01T00:00:00Z')
    await enrol(b.id, '2023-11-01T00:00:00Z', '2023-11-05T00:00:00Z') // 4 days
    const c = await learner('2023-12-01T00:00:00Z')
    await enrol(c.id, '2023-12-01T00:00:00Z', '2024-01-03T00:00:00Z') // completed after Q4
    const d = await learner('2023-12-15T00:00:00Z')
    await enrol(d.id, '2023-12-15T00:00:00Z')
    // First attempts in Q4: a passes, b fails (then passes), c passes; early's first was in May.
    await attempt(a.id, '2023-10-05T00:00:00Z', true)
    await attempt(b.id, '2023-11-02T00:00:00Z', false)
    await attempt(b.id, '2023-11-03T00:00:00Z', true)
    await attempt(c.id, '2023-12-02T00:00:00Z', true)
    await attempt(early.id, '2023-05-03T00:00:00Z', false)
    await attempt(early.id, '2023-10-10T00:00:00Z', true)
    // Offline: two activities in Q4 for government and industry, one before, one for parents.
    await db.activity.createMany({
      data: [
        { title: 'Policy workshop', kind: 'workshop', startsOn: dayToDate('2023-10-20'), endsOn: dayToDate('2023-10-21'), country: 'MA', audienceGroups: '["government","industry"]' },
        { title: 'Industry training', kind: 'training_session', startsOn: dayToDate('2023-12-05'), endsOn: dayToDate('2023-12-05'), country: 'MA', audienceGroups: '["industry"]' },
        { title: 'Earlier', kind: 'workshop', startsOn: dayToDate('2023-03-01'), endsOn: dayToDate('2023-03-01'), country: 'MA', audienceGroups: '["government"]' },
        { title: 'Parents evening', kind: 'workshop', startsOn: dayToDate('2023-11-11'), endsOn: dayToDate('2023-11-11'), country: 'MW', audienceGroups: '["parent_carer"]' },
      ],
    })
  })

  test('online figures for a quarter', async () => {
    const dashboard = await getDashboard(q4, { groups: ['industry'] }, { timeZone: 'UTC', withChart: false })
    expect(dashboard.online).toMatchObject({
      registered: { additional: 4, total: 5 },
      enrolments: { additional: 4, total: 5 },
      completions: { additional: 3, total: 3 },
      certificates: { additional: 3, total: 3 },
      // Of the 4 enrolments made in Q4, a and b completed within it.
      completionRate: 0.5,
      // Completions in Q4 took 163, 10 and 4 days.
      medianDaysToComplete: 10,
      // First attempts in Q4: a ✓, b ✗, c ✓.
      firstAttemptPassRate: 2 / 3,
    })
  })

  test('offline activities held for the groups asked', async () => {
    const dashboard = await getDashboard(q4, { groups: ['government', 'industry'] }, { timeZone: 'UTC', withChart: false })
    expect(dashboard.offline.activities).toEqual({ additional: 2, total: 3 })
    expect(dashboard.offline.audienceGroups.sort()).toEqual(['government', 'industry'])
    const all = await getDashboard(q4, {}, { timeZone: 'UTC', withChart: false })
    expect(all.offline.activities).toEqual({ additional: 3, total: 4 })
  })

  test('the chart has a point per month', async () => {
    const dashboard = await getDashboard(q4, { groups: ['industry'] }, { timeZone: 'UTC' })
    expect(dashboard.chart.map((m) => [m.month, m.completions])).toEqual([
      ['2023-10', 2],
      ['2023-11', 1],
      ['2023-12', 0],
    ])
  })
})

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

  test('the chart has a bar per month, and a long period a bar per quarter or year that adds up to it', async () => {
    const dashboard = await getDashboard(q4, { groups: ['industry'] }, { timeZone: 'UTC' })
    expect(dashboard.chart.unit).toBe('month')
    expect(dashboard.chart.bars.map((m) => [m.label, m.completions])).toEqual([
      ['2023-10', 2],
      ['2023-11', 1],
      ['2023-12', 0],
    ])
    // Three years: 36 months would be too many bars, and none is dropped.
    const long = await getDashboard({ from: '2022-01-01', to: '2024-12-31' }, {}, { timeZone: 'UTC' })
    expect(long.chart.unit).toBe('quarter')
    expect(long.chart.bars).toHaveLength(12)
    expect(long.chart.bars[0]).toMatchObject({ label: '2022-Q1', from: '2022-01-01', to: '2022-03-31' })
    const sum = (key: 'participants' | 'completions') => long.chart.bars.reduce((n, bar) => n + bar[key], 0)
    expect(sum('participants')).toBe(long.participants.overall.additional)
    expect(sum('completions')).toBe(long.online.completions.additional)
    expect(sum('completions')).toBe(4)
    const twentyYears = await getDashboard({ from: '2005-01-01', to: '2024-12-31' }, {}, { timeZone: 'UTC' })
    expect(twentyYears.chart.unit).toBe('year')
    expect(twentyYears.chart.bars.map((b) => b.label)).toHaveLength(20)
    expect(twentyYears.chart.bars.reduce((n, bar) => n + bar.completions, 0)).toBe(4)
  })

  test('registered learners leave administrators out', async () => {
    await db.user.create({ data: { email: 'admin-q4@example.org', displayName: 'A', passwordHash: 'x', country: 'MA', stakeholderGroup: 'industry', role: 'admin', createdAt: at('2023-11-20T00:00:00Z') } })
    const dashboard = await getDashboard(q4, { groups: ['industry'] }, { timeZone: 'UTC', withChart: false })
    expect(dashboard.online.registered).toEqual({ additional: 4, total: 5 })
  })

  test('a certificate reissued under a new name counts once, on the day it was first issued', async () => {
    const someone = await learner('2023-10-01T00:00:00Z', 'industry', 'TZ')
    await enrol(someone.id, '2023-10-01T00:00:00Z', '2023-10-15T00:00:00Z')
    const [first] = await db.certificate.findMany({ where: { userId: someone.id } })
    const again = await db.certificate.create({ data: { id: `r${String(n++).padStart(23, 'a')}`, userId: someone.id, courseSlug: 'crb', recipientName: 'New name', completedAt: first!.completedAt, issuedAt: at('2024-02-01T00:00:00Z') } })
    await db.certificate.update({ where: { id: first!.id }, data: { supersededBy: again.id } })
    const tanzania = { countries: ['TZ'] }
    expect((await getDashboard(q4, tanzania, { timeZone: 'UTC', withChart: false })).online.certificates).toEqual({ additional: 1, total: 1 })
    expect((await getDashboard({ from: '2024-01-01', to: '2024-03-31' }, tanzania, { timeZone: 'UTC', withChart: false })).online.certificates).toEqual({ additional: 0, total: 1 })
  })
})

describe('certified trainers', () => {
  // Kenya: an educator completes the online course on 10 January and attends
  // the workshop on 19 January; the admin records it on 26 January. Another
  // attends on 19 January but completes the course late on 31 January (UTC),
  // which is 1 February in Blantyre.
  beforeAll(async () => {
    const certify = async (email: string, completedAt: string, attendedOn: string, recordedAt: string) => {
      const user = await db.user.create({ data: { email, displayName: 'T', passwordHash: 'x', country: 'KE', stakeholderGroup: 'educator', role: 'trainer', createdAt: at('2024-01-02T00:00:00Z') } })
      await db.courseCompletion.create({ data: { userId: user.id, courseSlug: 'tot', completedAt: at(completedAt) } })
      await db.workshopAttendance.create({ data: { userId: user.id, courseSlug: 'tot', attendedOn: dayToDate(attendedOn), recordedAt: at(recordedAt) } })
      const certifiedOn = at(completedAt) > dayToDate(attendedOn) ? at(completedAt) : dayToDate(attendedOn)
      await db.certificate.create({ data: { id: `t${String(n++).padStart(23, 'a')}`, userId: user.id, courseSlug: 'tot', kind: 'trainer', recipientName: 'T', completedAt: certifiedOn, issuedAt: at(recordedAt) } })
    }
    await certify('t1@example.org', '2024-01-10T09:00:00Z', '2024-01-19', '2024-01-26T10:00:00Z')
    await certify('t2@example.org', '2024-01-31T23:30:00Z', '2024-01-19', '2024-02-01T10:00:00Z')
  })
  const kenya = { countries: ['KE'] }
  const trainers = async (from: string, to: string, timeZone: string) => (await getDashboard({ from, to }, kenya, { timeZone, withChart: false })).trainers

  test('are dated by the workshop or the completion, whichever came later, not by the day it was recorded', async () => {
    expect(await trainers('2024-01-01', '2024-01-19', 'UTC')).toEqual({ additional: 1, total: 1 })
    expect(await trainers('2024-01-20', '2024-01-31', 'UTC')).toEqual({ additional: 1, total: 2 })
  })

  test('in the programme time zone: a workshop day is that day everywhere, a completion is an instant', async () => {
    // West of UTC, 19 January is still 19 January (not 18 January at 19:00).
    expect(await trainers('2024-01-19', '2024-01-19', 'America/Bogota')).toEqual({ additional: 1, total: 1 })
    // In Blantyre the late completion falls on 1 February.
    expect(await trainers('2024-01-01', '2024-01-31', 'Africa/Blantyre')).toEqual({ additional: 1, total: 1 })
    expect(await trainers('2024-02-01', '2024-02-29', 'Africa/Blantyre')).toEqual({ additional: 1, total: 2 })
    const dashboard = await getDashboard({ from: '2024-01-01', to: '2024-01-31' }, kenya, { timeZone: 'Africa/Blantyre', withChart: false })
    expect(dashboard.countries.withTrainers).toMatchObject({ additional: 1, total: 1, additionalCountries: ['KE'] })
  })
})

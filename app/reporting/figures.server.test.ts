import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { dayInZone, dayToDate, type Period } from './dates.ts'
import { chartBuckets, countryFigures, participantFigures, type Filters, type ReportData } from './figures.ts'
import { countryFiguresSql, participantFiguresSql, participantsByBarSql } from './figures.server.ts'

// The SQL figures on a database, checked against hand-computed numbers and
// against the pure definitions on the same data (random data included).

let seq = 0
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`

async function user(group: string, country: string, email = `${unique()}@example.org`) {
  return db.user.create({ data: { email, displayName: 'Someone', passwordHash: 'x', country, stakeholderGroup: group } })
}

async function lesson(userId: string, courseSlug: string, completedAt: string) {
  await db.lessonProgress.create({ data: { userId, courseSlug, lessonId: unique(), completedAt: new Date(completedAt) } })
}

async function activity(day: string, country: string) {
  return db.activity.create({ data: { title: 'Workshop', kind: 'workshop', startsOn: dayToDate(day), endsOn: dayToDate(day), country } })
}

async function cohortAttendance(userId: string, country: string, day: string) {
  const cohort = await db.cohort.create({
    data: { name: 'Cohort', country, courseSlug: 'tot-educators', startsOn: dayToDate(day), endsOn: dayToDate(day), inviteCode: unique() },
  })
  await db.cohortMember.create({ data: { cohortId: cohort.id, userId, attendedOn: dayToDate(day) } })
  return cohort
}

async function cascade(trainerId: string, day: string, group: string, country: string, headcount: number, status: string) {
  await db.cascadeSession.create({
    data: { trainerId, deliveredOn: dayToDate(day), place: 'School', country, audienceGroup: group, headcount, status },
  })
}

const q4: Period = { from: '2023-10-01', to: '2023-12-31' }

describe('figures from the database', () => {
  beforeAll(async () => {
    // The scenario of figures.test.ts, entered as the app would store it.
    const a = await user('educator', 'MW', 'a@example.org')
    await lesson(a.id, 'crb', '2023-03-05T09:00:00Z')
    await lesson(a.id, 'tot', '2023-11-02T09:00:00Z')
    const morocco = await activity('2023-11-10', 'MA')
    await db.activityAttendee.create({ data: { activityId: morocco.id, name: 'A on a list', email: 'a@example.org', stakeholderGroup: 'government' } })
    const b = await user('parent_carer', 'KE')
    await lesson(b.id, 'crb', '2023-10-15T09:00:00Z')
    await lesson(b.id, 'crb', '2023-10-15T10:00:00Z')
    await lesson(b.id, 'tot', '2023-10-16T09:00:00Z')
    await lesson(b.id, 'introduction', '2023-12-01T09:00:00Z')
    const c = await user('educator', 'JO')
    await cohortAttendance(c.id, 'JO', '2023-12-31')
    const d = await user('educator', 'MW')
    await lesson(d.id, 'crb', '2024-01-01T09:00:00Z')
    const november = await activity('2023-11-20', 'MA')
    const february = await activity('2024-02-01', 'MA')
    await db.activityAttendee.create({ data: { activityId: november.id, name: 'E', email: 'e@example.org', stakeholderGroup: 'parent_carer', country: 'MA' } })
    await db.activityAttendee.create({ data: { activityId: february.id, name: 'E', email: 'e@example.org', stakeholderGroup: 'parent_carer', country: 'MA' } })
    const october = await activity('2023-10-20', 'MA')
    await db.activityAttendee.create({ data: { activityId: october.id, name: 'F', stakeholderGroup: 'industry', country: 'MA' } })
    await db.activityHeadcount.create({ data: { activityId: november.id, stakeholderGroup: 'parent_carer', count: 150 } })
    const trainer = await user('educator', 'MW')
    await cascade(trainer.id, '2023-06-01', 'educator', 'MW', 40, 'verified')
    await cascade(trainer.id, '2023-11-01', 'parent_carer', 'MW', 500, 'pending')
    await cascade(trainer.id, '2023-11-02', 'parent_carer', 'MW', 700, 'rejected')
    await db.baseline.createMany({
      data: [
        { asOf: dayToDate('2021-12-31'), activityKind: 'offline_activity', stakeholderGroup: 'parent_carer', country: 'MW', participants: 900 },
        { asOf: dayToDate('2021-12-31'), activityKind: 'offline_activity', stakeholderGroup: 'educator', country: 'MA', participants: 600 },
      ],
    })
  })

  test('hand-computed figures for a quarter', async () => {
    const { overall, rows } = await participantFiguresSql(q4, { groups: ['parent_carer', 'educator'] }, { timeZone: 'UTC' })
    // B, C, E + 150 additional; A, B, C, E + 150 + 40 + 1,500 in total. The pending
    // and rejected cascade sessions do not count; A (on a list as "government") is
    // counted by their account's group.
    expect(overall).toEqual({ additional: 153, baseline: 0, total: 1694 })
    expect(rows.get('parent_carer')).toEqual({ additional: 152, baseline: 0, total: 1052 })
    expect(rows.get('educator')).toEqual({ additional: 1, baseline: 0, total: 642 })
    const learnersOnce = await participantFiguresSql(q4, { kinds: ['online_course'], groups: ['parent_carer'] }, { timeZone: 'UTC' })
    expect(learnersOnce.overall).toEqual({ additional: 1, baseline: 0, total: 1 })
    const totCountries = await countryFiguresSql(q4, { kinds: ['tot'] }, { timeZone: 'UTC' })
    expect(totCountries).toMatchObject({ additional: 1, total: 1, additionalCountries: ['JO'] })
    const allCountries = await countryFiguresSql(q4, {}, { timeZone: 'UTC' })
    expect(allCountries).toMatchObject({ additional: 2, total: 4, additionalCountries: ['JO', 'KE'] })
  })

  test('period ends are the programme’s calendar days in its time zone', async () => {
    const late = await user('child_youth', 'MW')
    await lesson(late.id, 'crb', '2023-12-31T23:30:00Z') // 1 January 2024 in Blantyre (UTC+2)
    const filters: Filters = { groups: ['child_youth'] }
    expect((await participantFiguresSql(q4, filters, { timeZone: 'UTC' })).overall.additional).toBe(1)
    expect((await participantFiguresSql(q4, filters, { timeZone: 'Africa/Blantyre' })).overall.additional).toBe(0)
    expect((await participantFiguresSql({ from: '2024-01-01', to: '2024-01-01' }, filters, { timeZone: 'Africa/Blantyre' })).overall.additional).toBe(1)
  })
})

describe('the SQL and the definitions agree', () => {
  test('on random programmes, for several periods, filters and time zones', async () => {
    // A fresh set of people in a group of their own, so earlier rows do not mix in.
    const group = 'other'
    const countries = ['MW', 'MA', 'KE', 'BR']
    let random = 7
    const next = (n: number) => {
      random = (random * 1103515245 + 12345) % 2147483648
      return Math.floor(random / 65536) % n
    }
    const dayOf = (offset: number) => new Date(Date.UTC(2022, 0, 1 + offset)).toISOString().slice(0, 10)
    const instants: { person: string; at: Date; country: string; course: string }[] = []
    const data: ReportData = { participations: [], headcounts: [], baselines: [] }
    const people: { id: string; email: string; country: string }[] = []
    for (let i = 0; i < 30; i++) {
      const country = countries[next(4)]!
      const person = await user(group, country)
      people.push({ id: person.id, email: person.email, country })
      for (let j = next(4); j > 0; j--) {
        const at = new Date(Date.UTC(2022, 0, 1) + next(3 * 365 * 24) * 3_600_000)
        const course = ['crb', 'tot', 'introduction'][next(3)]!
        await lesson(person.id, course, at.toISOString())
        instants.push({ person: `u:${person.id}`, at, country, course })
      }
    }
    for (let i = 0; i < 8; i++) {
      const day = dayOf(next(3 * 365))
      const country = countries[next(4)]!
      const act = await activity(day, country)
      const known = people[next(people.length)]!
      await db.activityAttendee.create({ data: { activityId: act.id, name: 'Known', email: known.email, stakeholderGroup: group } })
      data.participations.push({ person: `u:${known.id}`, day, kind: 'offline_activity', group, personCountry: known.country, country })
      const count = 1 + next(50)
      await db.activityHeadcount.create({ data: { activityId: act.id, stakeholderGroup: group, count } })
      data.headcounts.push({ day, kind: 'offline_activity', group, country, count })
    }
    const baselineDay = dayOf(next(3 * 365))
    await db.baseline.create({ data: { asOf: dayToDate(baselineDay), activityKind: 'offline_activity', stakeholderGroup: group, country: 'BR', participants: 77 } })
    data.baselines.push({ day: baselineDay, kind: 'offline_activity', group, country: 'BR', count: 77 })

    for (const timeZone of ['UTC', 'Africa/Blantyre', 'America/Sao_Paulo']) {
      const pure: ReportData = {
        ...data,
        participations: [
          ...data.participations,
          // Online: each person's first lesson per course, as a programme day.
          ...instants.map((i) => ({ person: i.person, day: dayInZone(i.at, timeZone), kind: 'online_course' as const, group, personCountry: i.country, country: i.country, course: i.course })),
        ],
      }
      // Not a trivial agreement: people, headcounts and the baseline all count.
      const all = participantFigures(pure, { from: '2021-01-01', to: '2025-12-31' }, { groups: [group] }).overall
      expect(all.total).toBeGreaterThan(100)
      expect(participantFigures(pure, { from: '2023-01-01', to: '2023-12-31' }, { groups: [group] }).overall.additional).toBeGreaterThan(10)
      for (const period of [
        { from: '2022-01-01', to: '2022-12-31' },
        { from: '2023-03-01', to: '2023-05-31' },
        { from: '2023-01-01', to: '2023-12-31' },
        { from: '2024-12-31', to: '2024-12-31' },
        { from: '2021-01-01', to: '2025-12-31' },
      ]) {
        for (const filters of [{ groups: [group] }, { groups: [group], kinds: ['online_course' as const] }, { groups: [group], countries: ['MW', 'KE'] }, { course: 'tot', groups: [group] }]) {
          const expected = participantFigures(pure, period, filters)
          const actual = await participantFiguresSql(period, filters, { timeZone })
          expect(actual.overall, `${timeZone} ${JSON.stringify(period)} ${JSON.stringify(filters)}`).toEqual(expected.overall)
          expect(Object.fromEntries(actual.rows)).toEqual(Object.fromEntries(expected.rows))
          const byCountry = await participantFiguresSql(period, filters, { timeZone, by: 'country' })
          expect(Object.fromEntries(byCountry.rows)).toEqual(Object.fromEntries(participantFigures(pure, period, filters, 'country').rows))
          expect(await countryFiguresSql(period, filters, { timeZone })).toEqual(countryFigures(pure, period, filters))
        }
      }
      // A chart's bars, all in one query: each bar's additional participants, by group, as for a period of its own.
      for (const filters of [{ groups: [group] }, { groups: [group], countries: ['MW', 'KE'] }]) {
        const { buckets } = chartBuckets({ from: '2022-02-10', to: '2024-11-20' })
        const bars = await participantsByBarSql(buckets, filters, { timeZone })
        expect(bars.map((b) => b.additional)).toEqual(buckets.map((bucket) => participantFigures(pure, bucket, filters).overall.additional))
        expect(bars.map((b) => Object.fromEntries(b.byGroup))).toEqual(
          buckets.map((bucket) => Object.fromEntries([...participantFigures(pure, bucket, filters).rows].filter(([, f]) => f.additional > 0).map(([k, f]) => [k, f.additional]))),
        )
        expect(bars.reduce((n, b) => n + b.additional, 0)).toBeGreaterThan(10)
      }
    }
  }, 30_000)
})

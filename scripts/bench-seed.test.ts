import { describe, expect, test } from 'vitest'
import { isCertificateId } from '#app/certificates/certificate.ts'
import { getDashboard } from '#app/reporting/dashboard.server.ts'
import { db } from '#app/utils/db.server.ts'
import { countsFor, seedBenchProgramme, workloadLearners } from './bench-seed.ts'

// The benchmark's generator at a small scale (the smoke test `npm test` runs):
// the counts asked for, rows the app reads as it reads its own, the same
// programme every time.
describe('the benchmark programme generator', () => {
  test('makes the programme asked for, which the reports count', { timeout: 60_000 }, async () => {
    const counts = await seedBenchProgramme(0.002)
    expect(counts).toMatchObject({ learners: 200, enrolments: 500, completions: 120, attempts: 600, activities: 4, cascadeSessions: 20 })
    expect(await db.user.count({ where: { id: { startsWith: 'bl' } } })).toBe(200)
    expect(await db.enrolment.count()).toBe(500)
    expect(await db.courseCompletion.count()).toBe(120)
    expect(await db.certificate.count()).toBe(120)
    // Certificate numbers the verification page accepts: the benchmark opens the first.
    expect(await db.certificate.findUnique({ where: { id: 'benchaaaaaaaaaaaaaaaaaab' } })).not.toBeNull()
    expect((await db.certificate.findMany({ select: { id: true } })).every((c) => isCertificateId(c.id))).toBe(true)
    expect(await db.quizAttempt.count()).toBe(600)
    // About eight lesson rows an enrolment, as at full scale (2,000,000 for 250,000).
    const progress = await db.lessonProgress.count()
    expect(progress).toBeGreaterThan(500 * 6)
    expect(progress).toBeLessThan(500 * 10)
    // Learners enrol in a course once.
    const pairs = await db.enrolment.groupBy({ by: ['userId', 'courseSlug'], _count: true })
    expect(pairs).toHaveLength(500)
    expect(new Set((await db.user.findMany({ select: { country: true } })).map((u) => u.country)).size).toBeGreaterThan(30)

    const five = await getDashboard({ from: '2022-01-01', to: '2026-12-31' }, {}, { timeZone: 'UTC' })
    expect(five.online.completions.additional).toBe(120)
    expect(five.online.certificates.additional).toBe(120)
    expect(five.participants.overall.additional).toBeGreaterThan(200)
    expect(five.cascade.sessions.additional).toBeGreaterThan(10)
    expect(five.chart.unit).toBe('quarter')

    // The same programme every time: a fingerprint of some of its values.
    const sample = await db.$queryRawUnsafe<{ f: string }[]>(
      `SELECT group_concat(country || stakeholderGroup || createdAt, ',') AS f FROM (SELECT * FROM User WHERE id IN ('bl1', 'bl77', 'bl200') ORDER BY id)`,
    )
    expect(sample[0]!.f).toBe('GTparent_carer2024-10-29T16:13:00.000+00:00,IDchild_youth2026-05-24T12:59:00.000+00:00,MXparent_carer2025-04-14T04:52:00.000+00:00')
    expect(countsFor(0.002)).toEqual(counts)
  })

  test('opens sessions for the quiz workload’s learners', async () => {
    const tokens = await workloadLearners(3)
    expect(tokens).toHaveLength(3)
    expect(new Set(tokens).size).toBe(3)
    expect(await db.session.count({ where: { userId: { startsWith: 'bq' } } })).toBe(3)
  })
})

import { describe, expect, test } from 'vitest'
import { certifyTrainerIfEligible } from '#app/certificates/trainer.server.ts'
import { getContentIndex } from '#app/content/catalog.server.ts'
import { courseShape } from '#app/learning/progress.server.ts'
import { courseProgress } from '#app/learning/progress.ts'
import { gradeAttempt, type Answers, type DrawnQuestion } from '#app/learning/quiz.ts'
import { db } from '#app/utils/db.server.ts'
import { DEMO_EMAIL_DOMAIN, DEMO_MARKER_EMAIL, seedDemoProgramme } from '../../prisma/demo-programme.ts'

// The demo programme (npm run db:seed -- --demo): loaded once, realistic, and
// consistent with the rules the app applies to real learners.

const demoUsers = { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } }

/** Everything the seed writes, counted, plus who the people are: equal fingerprints, same programme. */
async function fingerprint() {
  const [users, enrolments, lessons, attempts, completions, certificates, cohorts, members, workshops, activities, attendees, headcounts, sessions, baselines] =
    await Promise.all([
      db.user.findMany({ where: demoUsers, select: { email: true, displayName: true, role: true, country: true, stakeholderGroup: true, createdAt: true }, orderBy: { email: 'asc' } }),
      db.enrolment.count(),
      db.lessonProgress.count(),
      db.quizAttempt.aggregate({ _count: { _all: true }, _sum: { correct: true } }),
      db.courseCompletion.count(),
      db.certificate.groupBy({ by: ['kind'], _count: { _all: true }, orderBy: { kind: 'asc' } }),
      db.cohort.count(),
      db.cohortMember.count(),
      db.workshopAttendance.count(),
      db.activity.count(),
      db.activityAttendee.count(),
      db.activityHeadcount.aggregate({ _sum: { count: true } }),
      db.cascadeSession.groupBy({ by: ['status'], _count: { _all: true }, _sum: { headcount: true }, orderBy: { status: 'asc' } }),
      db.baseline.aggregate({ _count: { _all: true }, _sum: { participants: true } }),
    ])
  return { users, enrolments, lessons, attempts, completions, certificates, cohorts, members, workshops, activities, attendees, headcounts, sessions, baselines }
}

describe('the demo programme', () => {
  test('loads a realistic programme once; a second run adds nothing; an unfinished run is redone the same', { timeout: 240_000 }, async () => {
    const first = await seedDemoProgramme(db)
    expect(first.skipped).toBe(false)
    const loaded = await fingerprint()

    // Hundreds of learners in several countries and groups, over 2022–2024.
    const learners = await db.user.findMany({ where: { ...demoUsers, role: { in: ['learner', 'trainer'] } }, select: { country: true, stakeholderGroup: true, createdAt: true } })
    expect(learners.length).toBeGreaterThanOrEqual(350)
    expect(new Set(learners.map((l) => l.country))).toEqual(new Set(['MW', 'KE', 'MA', 'JO', 'BR', 'ID']))
    for (const group of ['parent_carer', 'educator', 'industry']) {
      expect(learners.filter((l) => l.stakeholderGroup === group).length, group).toBeGreaterThanOrEqual(50)
    }
    expect(learners.every((l) => l.createdAt >= new Date('2022-01-01') && l.createdAt < new Date('2025-01-01'))).toBe(true)
    const lessonDays = await db.lessonProgress.aggregate({ _min: { completedAt: true }, _max: { completedAt: true } })
    expect(lessonDays._min.completedAt!.getTime()).toBeGreaterThanOrEqual(Date.parse('2022-01-01'))
    expect(lessonDays._max.completedAt!.getTime()).toBeLessThan(Date.parse('2025-01-01'))
    expect(loaded.completions).toBeGreaterThanOrEqual(100)

    // Cohorts, trainers, activities, sessions and baselines.
    expect(loaded.cohorts).toBe(5)
    expect(loaded.members).toBeGreaterThanOrEqual(50)
    expect(first.trainers).toBeGreaterThanOrEqual(30)
    expect(loaded.activities).toBe(12)
    expect(loaded.attendees).toBeGreaterThanOrEqual(50)
    expect(loaded.headcounts._sum.count).toBeGreaterThanOrEqual(500)
    expect(loaded.sessions.map((s) => [s.status, s._count._all])).toEqual([
      ['pending', 4],
      ['rejected', 3],
      ['verified', 33],
    ])
    expect(await db.cascadeSession.count({ where: { status: 'rejected', rejectionReason: null } })).toBe(0)
    expect(await db.cascadeSession.count({ where: { status: { not: 'pending' }, reviewedAt: null } })).toBe(0)
    expect(loaded.baselines).toEqual({ _count: { _all: 10 }, _sum: { participants: 2485 } })
    expect(await db.baseline.count({ where: { asOf: new Date('2021-12-31T00:00:00Z') } })).toBe(10)
    // Some people on attendance lists are learners too (counted once in reports).
    const listed = await db.activityAttendee.findMany({ where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } }, select: { email: true } })
    expect(listed.length).toBeGreaterThanOrEqual(10)
    expect(await db.user.count({ where: { email: { in: listed.map((l) => l.email!) } } })).toBe(new Set(listed.map((l) => l.email)).size)

    // Running it again changes nothing.
    const second = await seedDemoProgramme(db)
    expect(second.skipped).toBe(true)
    expect(await fingerprint()).toEqual(loaded)

    // A run that stopped half-way is cleared and redone: the same programme, not twice.
    await db.user.update({ where: { email: DEMO_MARKER_EMAIL }, data: { displayName: 'Demo programme team (loading)' } })
    await db.cascadeSession.deleteMany({ where: { status: 'pending' } })
    const third = await seedDemoProgramme(db)
    expect(third.skipped).toBe(false)
    expect(await fingerprint()).toEqual(loaded)
  })

  test('every completion, certificate, quiz score and trainer follows the app’s own rules', { timeout: 240_000 }, async () => {
    await seedDemoProgramme(db)
    const courses = new Map(getContentIndex().courses.map((c) => [c.slug, c]))

    // Completed courses: every lesson done and every required quiz passed, with a course certificate of that date.
    const [completions, lessons, passes, certificates] = await Promise.all([
      db.courseCompletion.findMany({ where: { user: demoUsers } }),
      db.lessonProgress.findMany({ where: { user: demoUsers, completedAt: { not: null } }, select: { userId: true, courseSlug: true, lessonId: true } }),
      db.quizAttempt.findMany({ where: { user: demoUsers, passed: true }, select: { userId: true, courseSlug: true, quizId: true } }),
      db.certificate.findMany({ where: { user: demoUsers } }),
    ])
    const key = (userId: string, courseSlug: string) => `${userId} ${courseSlug}`
    const done = new Map<string, Set<string>>()
    for (const row of [...lessons.map((l) => ({ ...l, id: l.lessonId })), ...passes.map((p) => ({ ...p, id: p.quizId }))]) {
      const set = done.get(key(row.userId, row.courseSlug)) ?? new Set()
      set.add(row.id)
      done.set(key(row.userId, row.courseSlug), set)
    }
    for (const completion of completions) {
      const finished = done.get(key(completion.userId, completion.courseSlug))!
      expect(courseProgress(courseShape(courses.get(completion.courseSlug)!), finished, finished).complete).toBe(true)
      const certificate = certificates.find((c) => c.kind === 'course' && c.userId === completion.userId && c.courseSlug === completion.courseSlug)
      expect(certificate).toMatchObject({ completedAt: completion.completedAt, issuedAt: completion.completedAt })
    }
    // …and nobody who met the rule was left without a completion.
    const completed = new Set(completions.map((c) => key(c.userId, c.courseSlug)))
    for (const [k, finished] of done) {
      const course = courses.get(k.split(' ')[1]!)!
      expect(courseProgress(courseShape(course), finished, finished).complete, k).toBe(completed.has(k))
    }

    // Stored attempts grade to their stored scores.
    const attempts = await db.quizAttempt.findMany({ where: { user: demoUsers }, take: 200 })
    for (const attempt of attempts) {
      const course = courses.get(attempt.courseSlug)!
      const quiz = course.modules.find((m) => m.quiz?.id === attempt.quizId)!.quiz!.files[course.meta.defaultLocale]!.quiz
      const grade = gradeAttempt(quiz, JSON.parse(attempt.questions) as DrawnQuestion[], JSON.parse(attempt.answers!) as Answers)
      expect({ correct: grade.correct, total: grade.total, percent: grade.percent, passed: grade.passed }).toEqual({
        correct: attempt.correct,
        total: attempt.total,
        percent: attempt.percent,
        passed: attempt.passed,
      })
    }

    // Trainers: exactly the cohort members who attended and completed the online course, certified on the later day.
    const attended = await db.workshopAttendance.findMany({ where: { user: demoUsers }, include: { user: { select: { role: true } } } })
    for (const attendance of attended) {
      const completion = completions.find((c) => c.userId === attendance.userId && c.courseSlug === 'tot-educators')
      const trainerCertificate = certificates.find((c) => c.kind === 'trainer' && c.userId === attendance.userId)
      if (completion) {
        const later = completion.completedAt > attendance.attendedOn ? completion.completedAt : attendance.attendedOn
        expect(trainerCertificate).toMatchObject({ courseSlug: 'tot-educators', completedAt: later })
        expect(attendance.user.role).toBe('trainer')
      } else {
        expect(trainerCertificate).toBeUndefined()
        expect(attendance.user.role).toBe('learner')
      }
    }
    // The app's own certification agrees: nothing more to issue for anyone.
    const waiting = attended.find((a) => a.user.role === 'learner')!
    expect(await certifyTrainerIfEligible(waiting.userId, 'tot-educators')).toEqual({ certified: false, waitingFor: 'completion' })
    const trainer = attended.find((a) => a.user.role === 'trainer')!
    const outcome = await certifyTrainerIfEligible(trainer.userId, 'tot-educators')
    expect(outcome).toEqual({ certified: true, certificateId: certificates.find((c) => c.kind === 'trainer' && c.userId === trainer.userId)!.id })

    // Cascade sessions come from certified trainers, after their certification.
    const sessions = await db.cascadeSession.findMany({ where: { trainer: demoUsers }, include: { trainer: { select: { role: true, certificates: { where: { kind: 'trainer' } } } } } })
    for (const session of sessions) {
      expect(session.trainer.role).toBe('trainer')
      expect(session.deliveredOn > session.trainer.certificates[0]!.completedAt).toBe(true)
      expect(session.deliveredOn < new Date('2025-01-01')).toBe(true)
    }
  })
})

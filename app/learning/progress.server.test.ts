import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { openLesson } from './progress.server.ts'

let userId: string
beforeEach(async () => {
  const user = await db.user.create({ data: { email: `${crypto.randomUUID()}@example.org`, displayName: 'L', passwordHash: 'x', country: 'MW', stakeholderGroup: 'educator' } })
  userId = user.id
})

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute))
const seen = async (lessonId: string) => (await db.lessonProgress.findUnique({ where: { userId_courseSlug_lessonId: { userId, courseSlug: 'c', lessonId } } }))?.lastSeenAt
const enrolment = () => db.enrolment.findUnique({ where: { userId_courseSlug: { userId, courseSlug: 'c' } } })

describe('opening a lesson', () => {
  test('enrols and records the first visit, and moves "continue where you left off" to another lesson', async () => {
    await openLesson(userId, 'c', 'one', at(0))
    expect(await enrolment()).toMatchObject({ lastLessonId: 'one', lastActivityAt: at(0) })
    expect(await seen('one')).toEqual(at(0))
    await openLesson(userId, 'c', 'two', at(1))
    expect(await enrolment()).toMatchObject({ lastLessonId: 'two', lastActivityAt: at(1) })
    await openLesson(userId, 'c', 'one', at(2))
    expect(await enrolment()).toMatchObject({ lastLessonId: 'one' })
  })

  test('writes nothing when the same lesson is opened again within five minutes, and notes it again after', async () => {
    await openLesson(userId, 'c', 'one', at(0))
    await openLesson(userId, 'c', 'one', at(4))
    expect(await seen('one')).toEqual(at(0))
    expect((await enrolment())!.lastActivityAt).toEqual(at(0))
    await openLesson(userId, 'c', 'one', at(6))
    expect(await seen('one')).toEqual(at(6))
  })

  test('returns the lessons completed and quizzes passed in the course', async () => {
    await db.lessonProgress.create({ data: { userId, courseSlug: 'c', lessonId: 'done', firstOpenedAt: at(0), lastSeenAt: at(0), completedAt: at(1) } })
    await db.quizAttempt.create({ data: { userId, courseSlug: 'c', quizId: 'm1/quiz', questions: '[]', total: 5, startedAt: at(2), submittedAt: at(3), passed: true } })
    const state = await openLesson(userId, 'c', 'next', at(5))
    expect(state).toEqual({ completedLessonIds: ['done'], passedQuizIds: ['m1/quiz'] })
  })
})

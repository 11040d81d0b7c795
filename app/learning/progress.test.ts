import { describe, expect, test } from 'vitest'
import { boundedSeconds, courseProgress } from './progress.ts'

const course = { lessonIds: ['a/one', 'a/two', 'b/three'], requiredQuizIds: ['a/quiz', 'final/quiz'] }

describe('the completion rule', () => {
  test('nothing done: 0%, next is the first lesson', () => {
    expect(courseProgress(course, new Set(), new Set())).toEqual({
      done: 0,
      total: 5,
      percent: 0,
      complete: false,
      nextLessonId: 'a/one',
    })
  })

  test('all lessons read but a required quiz not passed: not complete', () => {
    const progress = courseProgress(course, new Set(course.lessonIds), new Set(['a/quiz']))
    expect(progress).toMatchObject({ done: 4, percent: 80, complete: false, nextLessonId: null })
  })

  test('every lesson completed and every required quiz passed: complete', () => {
    const progress = courseProgress(course, new Set(course.lessonIds), new Set(course.requiredQuizIds))
    expect(progress).toMatchObject({ done: 5, percent: 100, complete: true })
  })

  test('the next lesson is the first unfinished one in course order, not the latest', () => {
    expect(courseProgress(course, new Set(['a/one', 'b/three']), new Set()).nextLessonId).toBe('a/two')
  })

  test('progress in a lesson removed from the course does not count', () => {
    const progress = courseProgress(course, new Set(['a/one', 'old/removed']), new Set(['old/quiz']))
    expect(progress).toMatchObject({ done: 1, total: 5 })
  })

  test('a course without required quizzes completes with its lessons', () => {
    const reading = { lessonIds: ['x/1', 'x/2'], requiredQuizIds: [] }
    expect(courseProgress(reading, new Set(['x/1', 'x/2']), new Set()).complete).toBe(true)
    expect(courseProgress({ lessonIds: [], requiredQuizIds: [] }, new Set(), new Set()).complete).toBe(false)
  })

  test('percent rounds down, so 100% means done', () => {
    const three = { lessonIds: ['1', '2', '3'], requiredQuizIds: [] }
    expect(courseProgress(three, new Set(['1', '2']), new Set()).percent).toBe(66)
  })
})

describe('time spent', () => {
  const start = new Date('2026-05-01T10:00:00Z')
  test('counts the seconds of a visit', () => {
    expect(boundedSeconds(start, new Date('2026-05-01T10:07:30Z'))).toBe(450)
  })
  test('a tab left open for hours counts 30 minutes at most', () => {
    expect(boundedSeconds(start, new Date('2026-05-01T16:00:00Z'))).toBe(1800)
  })
  test('clock skew never gives negative time', () => {
    expect(boundedSeconds(start, new Date('2026-05-01T09:59:00Z'))).toBe(0)
  })
})

// The completion rule and progress arithmetic, as pure functions.

/** A visit counts for at most this long: a tab left open does not count hours. */
export const MAX_SECONDS_PER_VISIT = 30 * 60

/** Seconds between two moments, never negative, at most `cap`. */
export function boundedSeconds(from: Date, to: Date, cap = MAX_SECONDS_PER_VISIT): number {
  const seconds = Math.floor((to.getTime() - from.getTime()) / 1000)
  return Math.min(Math.max(seconds, 0), cap)
}

/** What a course asks of a learner, in order. */
export type CourseShape = {
  lessonIds: string[]
  /** Quizzes that must be passed to complete the course (module quizzes, final assessment). */
  requiredQuizIds: string[]
}

export type CourseProgress = {
  /** Lessons completed plus required quizzes passed. */
  done: number
  total: number
  percent: number
  /** Every lesson completed and every required quiz passed. */
  complete: boolean
  /** The first lesson, in course order, not completed yet. */
  nextLessonId: string | null
}

/**
 * Progress in a course. Only the course's current lessons and quizzes count:
 * progress in a lesson that was removed from the course is ignored, and a new
 * lesson added later must be completed too.
 */
export function courseProgress(
  course: CourseShape,
  completedLessonIds: ReadonlySet<string>,
  passedQuizIds: ReadonlySet<string>,
): CourseProgress {
  const lessonsDone = course.lessonIds.filter((id) => completedLessonIds.has(id)).length
  const quizzesDone = course.requiredQuizIds.filter((id) => passedQuizIds.has(id)).length
  const total = course.lessonIds.length + course.requiredQuizIds.length
  const done = lessonsDone + quizzesDone
  return {
    done,
    total,
    percent: total === 0 ? 0 : Math.floor((done / total) * 100),
    complete: total > 0 && done === total,
    nextLessonId: course.lessonIds.find((id) => !completedLessonIds.has(id)) ?? null,
  }
}

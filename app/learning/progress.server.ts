import type { CourseEntry } from '#app/content/load.server.ts'
import { issueCourseCertificate } from '#app/certificates/certificates.server.ts'
import { certifyTrainerIfEligible } from '#app/certificates/trainer.server.ts'
import { db } from '#app/utils/db.server.ts'
import { boundedSeconds, courseProgress, type CourseShape } from './progress.ts'

/** The lessons and required quizzes of a course, in order. */
export function courseShape(course: CourseEntry): CourseShape {
  return {
    lessonIds: course.modules.flatMap((m) => m.lessons.map((l) => l.id)),
    requiredQuizIds: course.modules.flatMap((m) => {
      const quiz = m.quiz?.files[course.meta.defaultLocale]?.quiz
      return m.quiz && quiz?.required ? [m.quiz.id] : []
    }),
  }
}

/** Enrols a learner (once; enrolling again changes nothing). */
export async function enrol(userId: string, courseSlug: string) {
  return db.enrolment.upsert({
    where: { userId_courseSlug: { userId, courseSlug } },
    create: { userId, courseSlug },
    update: {},
  })
}

/** Enrols the learner if needed and notes the lesson they are on. */
function touchEnrolment(userId: string, courseSlug: string, lessonId: string, now: Date) {
  return db.enrolment.upsert({
    where: { userId_courseSlug: { userId, courseSlug } },
    create: { userId, courseSlug, lastLessonId: lessonId, lastActivityAt: now },
    update: { lastLessonId: lessonId, lastActivityAt: now },
  })
}

/** A signed-in learner opened a lesson: enrols them, notes the visit. */
export async function recordLessonOpened(userId: string, courseSlug: string, lessonId: string, now = new Date()) {
  await db.$transaction([
    touchEnrolment(userId, courseSlug, lessonId, now),
    db.lessonProgress.upsert({
      where: { userId_courseSlug_lessonId: { userId, courseSlug, lessonId } },
      create: { userId, courseSlug, lessonId, firstOpenedAt: now, lastSeenAt: now },
      update: { lastSeenAt: now },
    }),
  ])
}

/** How stale a lesson's "last seen" may grow before a visit records it again. */
const SEEN_REFRESH_MS = 5 * 60 * 1000

/**
 * A signed-in learner opens a lesson: their progress in the course, read in
 * three queries (in parallel), and a write only when the visit changes
 * something: the first visit (enrolment, "opened"), another lesson than the
 * last one ("continue where you left off"), or a "last seen" older than five
 * minutes (reading time). Reloading a lesson, or paging back and forth, writes
 * nothing.
 */
export async function openLesson(userId: string, courseSlug: string, lessonId: string, now = new Date()) {
  const [enrolment, rows, passed] = await Promise.all([
    db.enrolment.findUnique({ where: { userId_courseSlug: { userId, courseSlug } }, select: { lastLessonId: true } }),
    db.lessonProgress.findMany({ where: { userId, courseSlug }, select: { lessonId: true, completedAt: true, lastSeenAt: true } }),
    passedQuizIds(userId, courseSlug),
  ])
  const row = rows.find((r) => r.lessonId === lessonId)
  if (!enrolment || !row || enrolment.lastLessonId !== lessonId || now.getTime() - row.lastSeenAt.getTime() > SEEN_REFRESH_MS) {
    await recordLessonOpened(userId, courseSlug, lessonId, now)
  }
  return {
    completedLessonIds: rows.filter((r) => r.completedAt).map((r) => r.lessonId),
    passedQuizIds: passed,
  }
}

/**
 * Marks a lesson complete (once: completing it again keeps the first date),
 * adds the reading time since it was opened, and records the course's
 * completion when this was the last thing left.
 */
export async function recordLessonCompleted(userId: string, course: CourseEntry, lessonId: string, now = new Date()) {
  const courseSlug = course.slug
  const existing = await db.lessonProgress.findUnique({
    where: { userId_courseSlug_lessonId: { userId, courseSlug, lessonId } },
    select: { lastSeenAt: true, completedAt: true },
  })
  const seconds = existing ? boundedSeconds(existing.lastSeenAt, now) : 0
  await db.$transaction([
    touchEnrolment(userId, courseSlug, lessonId, now),
    db.lessonProgress.upsert({
      where: { userId_courseSlug_lessonId: { userId, courseSlug, lessonId } },
      create: { userId, courseSlug, lessonId, firstOpenedAt: now, lastSeenAt: now, completedAt: now },
      update: {
        lastSeenAt: now,
        secondsSpent: { increment: seconds },
        ...(existing?.completedAt ? {} : { completedAt: now }),
      },
    }),
  ])
  return recordCompletionIfDone(userId, course, now)
}

/** Lessons completed and quizzes passed by a learner in a course. */
export async function learnerState(userId: string, courseSlug: string) {
  const rows = await db.lessonProgress.findMany({
    where: { userId, courseSlug, completedAt: { not: null } },
    select: { lessonId: true },
  })
  return {
    completedLessonIds: new Set(rows.map((r) => r.lessonId)),
    passedQuizIds: new Set(await passedQuizIds(userId, courseSlug)),
  }
}

/** The quizzes of a course the learner has passed (each once). */
async function passedQuizIds(userId: string, courseSlug: string) {
  const passed = await db.quizAttempt.findMany({ where: { userId, courseSlug, passed: true }, select: { quizId: true }, distinct: ['quizId'] })
  return passed.map((p) => p.quizId)
}

export async function getCourseProgress(userId: string, course: CourseEntry) {
  const [enrolment, state, completion] = await Promise.all([
    db.enrolment.findUnique({ where: { userId_courseSlug: { userId, courseSlug: course.slug } } }),
    learnerState(userId, course.slug),
    db.courseCompletion.findUnique({ where: { userId_courseSlug: { userId, courseSlug: course.slug } } }),
  ])
  return {
    enrolled: Boolean(enrolment),
    completedAt: completion?.completedAt ?? null,
    completedLessonIds: [...state.completedLessonIds],
    passedQuizIds: [...state.passedQuizIds],
    ...courseProgress(courseShape(course), state.completedLessonIds, state.passedQuizIds),
  }
}

/** Records a course's completion once, with its date, when the rule is met. */
export async function recordCompletionIfDone(userId: string, course: CourseEntry, now: Date) {
  const state = await learnerState(userId, course.slug)
  const progress = courseProgress(courseShape(course), state.completedLessonIds, state.passedQuizIds)
  if (!progress.complete) return { courseCompleted: false }
  const created = await db.courseCompletion
    .create({ data: { userId, courseSlug: course.slug, completedAt: now } })
    .then(() => true)
    .catch((error: { code?: string }) => {
      if (error.code === 'P2002') return false // already recorded
      throw error
    })
  if (created) {
    await db.enrolment.update({
      where: { userId_courseSlug: { userId, courseSlug: course.slug } },
      data: { completedAt: now },
    })
    await issueCourseCertificate(userId, course, now)
    if (course.meta.certifiesTrainers) await certifyTrainerIfEligible(userId, course.slug)
  }
  return { courseCompleted: true }
}

/** The learner's courses for "My learning": in progress and completed. */
export async function getMyEnrolments(userId: string) {
  const [enrolments, completed, passed] = await Promise.all([
    db.enrolment.findMany({ where: { userId }, orderBy: { lastActivityAt: 'desc' } }),
    db.lessonProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { courseSlug: true, lessonId: true } }),
    db.quizAttempt.findMany({ where: { userId, passed: true }, select: { courseSlug: true, quizId: true } }),
  ])
  return enrolments.map((e) => ({
    courseSlug: e.courseSlug,
    enrolledAt: e.enrolledAt,
    completedAt: e.completedAt,
    lastActivityAt: e.lastActivityAt,
    completedLessonIds: new Set(completed.filter((c) => c.courseSlug === e.courseSlug).map((c) => c.lessonId)),
    passedQuizIds: new Set(passed.filter((p) => p.courseSlug === e.courseSlug).map((p) => p.quizId)),
  }))
}

import type { CourseEntry, QuizEntry } from '#app/content/load.server.ts'
import type { QuizFile } from '#app/content/schema.ts'
import type { Locale } from '#app/i18n/config.ts'
import { db } from '#app/utils/db.server.ts'
import { recordCompletionIfDone } from './progress.server.ts'
import { allowedAttempts, attemptRule, drawAttempt, gradeAttempt, readAnswers, unansweredQuestions, type Answers, type DrawnQuestion, type QuizGrant } from './quiz.ts'

export function findModuleQuiz(course: CourseEntry, moduleSlug: string): { quiz: QuizEntry; moduleIndex: number } | null {
  const moduleIndex = course.modules.findIndex((m) => m.slug === moduleSlug)
  const quiz = course.modules[moduleIndex]?.quiz
  return quiz ? { quiz, moduleIndex } : null
}

/** The quiz's rules and answers (the default language's file: every language has the same). */
export function quizRules(course: CourseEntry, entry: QuizEntry): QuizFile {
  return entry.files[course.meta.defaultLocale]!.quiz
}

/** The quiz's wording in the reader's language, else the course's default. */
export function quizText(course: CourseEntry, entry: QuizEntry, locale: Locale): { quiz: QuizFile; locale: Locale } {
  const own = entry.files[locale]
  return own ? { quiz: own.quiz, locale } : { quiz: quizRules(course, entry), locale: course.meta.defaultLocale }
}

export type AttemptRow = NonNullable<Awaited<ReturnType<typeof db.quizAttempt.findFirst>>>

export function drawnQuestions(attempt: AttemptRow): DrawnQuestion[] {
  return JSON.parse(attempt.questions) as DrawnQuestion[]
}

export function submittedAnswers(attempt: AttemptRow): Answers {
  return attempt.answers ? (JSON.parse(attempt.answers) as Answers) : {}
}

export async function getQuizAttempts(userId: string, courseSlug: string, quizId: string) {
  const [attempts, grants] = await Promise.all([
    db.quizAttempt.findMany({ where: { userId, courseSlug, quizId }, orderBy: { startedAt: 'asc' } }),
    db.quizGrant.findMany({ where: { userId, courseSlug, quizId }, select: { extraAttempts: true, endsCooldown: true, createdAt: true } }),
  ])
  return {
    open: attempts.find((a) => !a.submittedAt) ?? null,
    submitted: attempts.filter((a): a is AttemptRow & { submittedAt: Date } => a.submittedAt !== null),
    grants: grants satisfies QuizGrant[],
  }
}

export type GrantKind = 'attempt' | 'cooldown'

/**
 * An admin's exception for one learner and one quiz, with its reason: one
 * more attempt (which also ends a running cooldown), or the end of the
 * cooldown. The caller records it in the audit log in the same transaction.
 */
export async function grantQuizException(input: { userId: string; courseSlug: string; quizId: string; kind: GrantKind; reason: string; grantedById: string }, now = new Date()) {
  return db.quizGrant.create({
    data: {
      userId: input.userId,
      courseSlug: input.courseSlug,
      quizId: input.quizId,
      extraAttempts: input.kind === 'attempt' ? 1 : 0,
      endsCooldown: true,
      reason: input.reason,
      grantedById: input.grantedById,
      createdAt: now,
    },
  })
}

/** Deletes an attempt that was never submitted. */
export async function discardAttempt(attemptId: string) {
  await db.quizAttempt.deleteMany({ where: { id: attemptId, submittedAt: null } })
}

export type StartResult =
  | { ok: true; attemptId: string }
  | { ok: false; reason: 'limit' }
  | { ok: false; reason: 'cooldown'; availableAt: Date }

/** Starts an attempt (or returns the open one): questions drawn now and kept. */
export async function startAttempt(userId: string, course: CourseEntry, entry: QuizEntry, now = new Date()): Promise<StartResult> {
  const { open, submitted, grants } = await getQuizAttempts(userId, course.slug, entry.id)
  if (open) return { ok: true, attemptId: open.id }
  const rules = quizRules(course, entry)
  const rule = attemptRule(rules, submitted, now, grants)
  if (!rule.canStart) return rule.reason === 'cooldown' ? { ok: false, reason: 'cooldown', availableAt: rule.availableAt } : { ok: false, reason: 'limit' }
  const questions = drawAttempt(rules)
  const attempt = await db.quizAttempt.create({
    data: { userId, courseSlug: course.slug, quizId: entry.id, questions: JSON.stringify(questions), total: questions.length, startedAt: now },
  })
  return { ok: true, attemptId: attempt.id }
}

/**
 * Grades a submitted attempt on the server. A second submission of the same
 * attempt (double click, back button) changes nothing: the first one counts.
 * An attempt with a question left unanswered is not graded: the questions
 * are returned to be marked, and nothing is spent.
 * Throws InvalidAnswerError when the form holds answers the questions do not.
 */
export async function submitAttempt(userId: string, course: CourseEntry, entry: QuizEntry, attemptId: string, form: FormData, now = new Date()) {
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, userId, courseSlug: course.slug, quizId: entry.id } })
  if (!attempt) return null
  if (attempt.submittedAt) return { attemptId: attempt.id, alreadySubmitted: true, unanswered: [] as string[] }
  const rules = quizRules(course, entry)
  const drawn = drawnQuestions(attempt)
  // readAnswers refuses questions no longer in the quiz (a content update
  // between drawing and submitting): the learner is asked to reload.
  const answers = readAnswers(rules, drawn, form)
  const unanswered = unansweredQuestions(rules, drawn, answers)
  if (unanswered.length > 0) return { attemptId: attempt.id, alreadySubmitted: false, unanswered }
  const grade = gradeAttempt(rules, drawn, answers)
  const { count } = await db.quizAttempt.updateMany({
    where: { id: attempt.id, submittedAt: null },
    data: {
      submittedAt: now,
      answers: JSON.stringify(answers),
      correct: grade.correct,
      percent: grade.percent,
      passed: grade.passed,
    },
  })
  if (count === 1 && grade.passed) await recordCompletionIfDone(userId, course, now)
  return { attemptId: attempt.id, alreadySubmitted: count === 0, unanswered: [] as string[] }
}

export type QuizState = {
  courseSlug: string
  quizId: string
  title: { text: string; lang: Locale }
  used: number
  /** Attempts allowed, grants included; null: unlimited. */
  allowed: number | null
  passed: boolean
  rule: ReturnType<typeof attemptRule>
}

/** Every quiz a person has submitted attempts at, with where they stand: for an admin helping them. */
export async function quizStates(userId: string, locale: Locale, findCourse: (slug: string) => CourseEntry | null, now = new Date()): Promise<QuizState[]> {
  const taken = await db.quizAttempt.findMany({
    where: { userId, submittedAt: { not: null } },
    distinct: ['courseSlug', 'quizId'],
    select: { courseSlug: true, quizId: true },
    orderBy: [{ courseSlug: 'asc' }, { quizId: 'asc' }],
  })
  const states: QuizState[] = []
  for (const { courseSlug, quizId } of taken) {
    const course = findCourse(courseSlug)
    const entry = course?.modules.find((m) => m.quiz?.id === quizId)?.quiz
    if (!course || !entry) continue
    const rules = quizRules(course, entry)
    const { submitted, grants } = await getQuizAttempts(userId, courseSlug, quizId)
    const text = quizText(course, entry, locale)
    states.push({
      courseSlug,
      quizId,
      title: { text: text.quiz.title, lang: text.locale },
      used: submitted.length,
      allowed: allowedAttempts(rules, grants),
      passed: submitted.some((a) => a.passed),
      rule: attemptRule(rules, submitted, now, grants),
    })
  }
  return states
}

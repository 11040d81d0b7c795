// Quizzes as pure functions: drawing an attempt's questions, reading the
// submitted form strictly, grading, and the attempt rules (limit, cooldown).
import type { Question, QuizFile, ShowAnswers } from '#app/content/schema.ts'

/**
 * One drawn question: the order its options (or items, or right sides) are
 * shown in, and the attempt's random tokens that stand for them in the page.
 * `choices` are the values sent (options, matching right sides); `parts` name
 * the fields (ordering items, matching left sides). Nothing in the page is an
 * id from the quiz file, so nothing in it says which answer is right.
 * Attempts drawn before tokens existed have none: their ids are used as they are.
 */
export type DrawnQuestion = { id: string; order: string[]; tokens?: { choices: Record<string, string>; parts: Record<string, string> } }

export type Answer = string | string[] | boolean | Record<string, string>
export type Answers = Record<string, Answer | undefined>

export class InvalidAnswerError extends Error {}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

/** The ids of a question's options, items or pairs (none for true/false). */
export function choiceIds(question: Question): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.map((o) => o.id)
    case 'ordering':
      return question.items.map((i) => i.id)
    case 'matching':
      return question.pairs.map((p) => p.id)
    case 'true-false':
      return []
  }
}

/**
 * The questions of a new attempt: `draw` of them (all by default) from the
 * pool, in random order when the quiz shuffles; options in random order when
 * it shuffles options. Ordering items are always shuffled (else the answer
 * would be given), and so are the right sides of matching questions.
 */
export function drawAttempt(quiz: QuizFile, random: () => number = Math.random, token: () => string = randomToken): DrawnQuestion[] {
  const count = Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length)
  const picked = shuffled(quiz.questions, random).slice(0, count)
  const questions = quiz.shuffleQuestions ? picked : quiz.questions.filter((q) => picked.includes(q))
  return questions.map((question) => {
    const ids = choiceIds(question)
    const mustShuffle = question.type === 'ordering' || question.type === 'matching'
    const tokens = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, token()]))
    const valueIds = question.type === 'single' || question.type === 'multiple' || question.type === 'matching' ? ids : []
    const partIds = question.type === 'ordering' || question.type === 'matching' ? ids : []
    return {
      id: question.id,
      order: quiz.shuffleOptions || mustShuffle ? shuffled(ids, random) : ids,
      tokens: { choices: tokens(valueIds), parts: tokens(partIds) },
    }
  })
}

/** 64 random bits, as hex: unguessable, and short in the page. */
function randomToken(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16)
}

/** The token a choice (option, matching right side) is sent as in this attempt. */
export const choiceToken = (drawn: DrawnQuestion, id: string) => drawn.tokens?.choices[id] ?? id
/** The token a field part (ordering item, matching left side) is named by in this attempt. */
export const partToken = (drawn: DrawnQuestion, id: string) => drawn.tokens?.parts[id] ?? id

function reverse(map: Record<string, string> | undefined, ids: string[]): Map<string, string> {
  return new Map(ids.map((id) => [map?.[id] ?? id, id]))
}

/** The form field name of a question (and of one of its parts). */
export const fieldName = (questionId: string, part?: string) => (part ? `q.${questionId}.${part}` : `q.${questionId}`)

/**
 * Reads a submitted attempt. Unanswered questions are left out (they score
 * nothing); any value that is not one of the question's own choices means the
 * form was tampered with.
 */
export function readAnswers(quiz: QuizFile, drawn: DrawnQuestion[], form: FormData): Answers {
  const answers: Answers = {}
  for (const one of drawn) {
    const { id } = one
    const question = quiz.questions.find((q) => q.id === id)
    if (!question) throw new InvalidAnswerError(`unknown question ${id}`)
    const ids = choiceIds(question)
    // Sent tokens back to the quiz file's ids; anything else was never offered.
    const choiceOf = reverse(one.tokens?.choices, ids)
    const values = form.getAll(fieldName(id)).map(String)
    switch (question.type) {
      case 'single': {
        if (values.length > 1) throw new InvalidAnswerError(`several answers to ${id}`)
        if (values[0] === undefined || values[0] === '') break
        const choice = choiceOf.get(values[0])
        if (!choice) throw new InvalidAnswerError(`unknown option for ${id}`)
        answers[id] = choice
        break
      }
      case 'multiple': {
        const choices = values.map((v) => choiceOf.get(v))
        if (choices.some((c) => c === undefined)) throw new InvalidAnswerError(`unknown option for ${id}`)
        if (choices.length > 0) answers[id] = [...new Set(choices as string[])]
        break
      }
      case 'true-false': {
        if (values.length > 1) throw new InvalidAnswerError(`several answers to ${id}`)
        if (values[0] === undefined || values[0] === '') break
        if (values[0] !== 'true' && values[0] !== 'false') throw new InvalidAnswerError(`not true or false for ${id}`)
        answers[id] = values[0] === 'true'
        break
      }
      case 'ordering':
      case 'matching': {
        const parts: Record<string, string> = {}
        const positions = new Set(question.type === 'ordering' ? question.items.map((_, i) => String(i + 1)) : [])
        for (const part of ids) {
          const value = form.get(fieldName(id, partToken(one, part)))
          if (value === null || value === '') continue
          if (typeof value !== 'string') throw new InvalidAnswerError(`unknown choice for ${id}`)
          const chosen = question.type === 'ordering' ? (positions.has(value) ? value : undefined) : choiceOf.get(value)
          if (chosen === undefined) throw new InvalidAnswerError(`unknown choice for ${id}`)
          parts[part] = chosen
        }
        if (Object.keys(parts).length > 0) answers[id] = parts
        break
      }
    }
  }
  return answers
}

/** The drawn questions not fully answered (an ordering or matching with a blank counts as not answered). */
export function unansweredQuestions(quiz: QuizFile, drawn: DrawnQuestion[], answers: Answers): string[] {
  return drawn
    .filter(({ id }) => {
      const question = quiz.questions.find((q) => q.id === id)
      const answer = answers[id]
      if (!question || answer === undefined) return true
      if (question.type === 'ordering' || question.type === 'matching') {
        return typeof answer !== 'object' || Array.isArray(answer) || Object.keys(answer).length < choiceIds(question).length
      }
      return false
    })
    .map(({ id }) => id)
}

export function isCorrect(question: Question, answer: Answer | undefined): boolean {
  if (answer === undefined) return false
  switch (question.type) {
    case 'single':
      return answer === question.answer
    case 'multiple': {
      // All or nothing: every right option and no wrong one.
      if (!Array.isArray(answer)) return false
      const given = new Set(answer)
      return given.size === question.answer.length && question.answer.every((id) => given.has(id))
    }
    case 'true-false':
      return answer === question.answer
    case 'ordering': {
      if (typeof answer !== 'object' || Array.isArray(answer)) return false
      // Item n (in the file's order) must be given position n.
      return question.items.every((item, index) => answer[item.id] === String(index + 1))
    }
    case 'matching': {
      if (typeof answer !== 'object' || Array.isArray(answer)) return false
      return question.pairs.every((pair) => answer[pair.id] === pair.id)
    }
  }
}

export type Grade = {
  correct: number
  total: number
  percent: number
  passed: boolean
  results: { id: string; correct: boolean }[]
}

export function gradeAttempt(quiz: QuizFile, drawn: DrawnQuestion[], answers: Answers): Grade {
  const results = drawn.map(({ id }) => {
    const question = quiz.questions.find((q) => q.id === id)
    return { id, correct: question ? isCorrect(question, answers[id]) : false }
  })
  const correct = results.filter((r) => r.correct).length
  const total = drawn.length
  const percent = total === 0 ? 0 : Math.round((correct / total) * 100)
  return { correct, total, percent, passed: percent >= quiz.passMark, results }
}

export type AttemptRule =
  | { canStart: true }
  | { canStart: false; reason: 'limit' }
  | { canStart: false; reason: 'cooldown'; availableAt: Date }

/** An admin's exception for one learner and quiz (QuizGrant). */
export type QuizGrant = { extraAttempts: number; endsCooldown: boolean; createdAt: Date }

/** Attempts a learner may make: the quiz's limit plus any an admin gave; null: unlimited. */
export function allowedAttempts(quiz: QuizFile, grants: readonly QuizGrant[] = []): number | null {
  return quiz.maxAttempts === undefined ? null : quiz.maxAttempts + grants.reduce((sum, grant) => sum + grant.extraAttempts, 0)
}

/**
 * Whether a learner may start another attempt, given their submitted ones
 * and any exceptions an admin granted: extra attempts raise the limit, and a
 * grant made after the last submission ends the cooldown it started.
 */
export function attemptRule(quiz: QuizFile, submitted: { submittedAt: Date }[], now: Date, grants: readonly QuizGrant[] = []): AttemptRule {
  const allowed = allowedAttempts(quiz, grants)
  if (allowed !== null && submitted.length >= allowed) return { canStart: false, reason: 'limit' }
  const last = submitted.reduce<Date | null>((latest, a) => (!latest || a.submittedAt > latest ? a.submittedAt : latest), null)
  const cooldownEnded = last !== null && grants.some((grant) => grant.endsCooldown && grant.createdAt >= last)
  if (last && quiz.cooldownMinutes > 0 && !cooldownEnded) {
    const availableAt = new Date(last.getTime() + quiz.cooldownMinutes * 60_000)
    if (availableAt > now) return { canStart: false, reason: 'cooldown', availableAt }
  }
  return { canStart: true }
}

/** The quiz's `showAnswers`, or its default: `after-pass` for a quiz drawn from a larger pool, else `always`. */
export function showAnswersRule(quiz: QuizFile): ShowAnswers {
  if (quiz.showAnswers) return quiz.showAnswers
  return quiz.draw !== undefined && quiz.draw < quiz.questions.length ? 'after-pass' : 'always'
}

/** Whether a result page may show the right answers, given the rule and whether the learner has passed. */
export function mayShowAnswers(quiz: QuizFile, hasPassed: boolean): boolean {
  const rule = showAnswersRule(quiz)
  return rule === 'always' || (rule === 'after-pass' && hasPassed)
}

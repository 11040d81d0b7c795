// Quizzes as pure functions: drawing an attempt's questions, reading the
// submitted form strictly, grading, and the attempt rules (limit, cooldown).
import type { Question, QuizFile } from '#app/content/schema.ts'

/** One drawn question and the order its options (or items, or right sides) are shown in. */
export type DrawnQuestion = { id: string; order: string[] }

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
export function drawAttempt(quiz: QuizFile, random: () => number = Math.random): DrawnQuestion[] {
  const count = Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length)
  const picked = shuffled(quiz.questions, random).slice(0, count)
  const questions = quiz.shuffleQuestions ? picked : quiz.questions.filter((q) => picked.includes(q))
  return questions.map((question) => {
    const ids = choiceIds(question)
    const mustShuffle = question.type === 'ordering' || question.type === 'matching'
    return { id: question.id, order: quiz.shuffleOptions || mustShuffle ? shuffled(ids, random) : ids }
  })
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
  for (const { id } of drawn) {
    const question = quiz.questions.find((q) => q.id === id)
    if (!question) throw new InvalidAnswerError(`unknown question ${id}`)
    const allowed = new Set(choiceIds(question))
    const values = form.getAll(fieldName(id)).map(String)
    switch (question.type) {
      case 'single': {
        if (values.length > 1) throw new InvalidAnswerError(`several answers to ${id}`)
        if (values[0] === undefined || values[0] === '') break
        if (!allowed.has(values[0])) throw new InvalidAnswerError(`unknown option for ${id}`)
        answers[id] = values[0]
        break
      }
      case 'multiple': {
        if (values.some((v) => !allowed.has(v))) throw new InvalidAnswerError(`unknown option for ${id}`)
        if (values.length > 0) answers[id] = [...new Set(values)]
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
        const positions = question.type === 'ordering' ? new Set(question.items.map((_, i) => String(i + 1))) : allowed
        for (const part of allowed) {
          const value = form.get(fieldName(id, part))
          if (value === null || value === '') continue
          if (typeof value !== 'string' || !positions.has(value)) throw new InvalidAnswerError(`unknown choice for ${id}`)
          parts[part] = value
        }
        if (Object.keys(parts).length > 0) answers[id] = parts
        break
      }
    }
  }
  return answers
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

/** Whether a learner may start another attempt, given their submitted ones. */
export function attemptRule(quiz: QuizFile, submitted: { submittedAt: Date }[], now: Date): AttemptRule {
  if (quiz.maxAttempts !== undefined && submitted.length >= quiz.maxAttempts) return { canStart: false, reason: 'limit' }
  const last = submitted.reduce<Date | null>((latest, a) => (!latest || a.submittedAt > latest ? a.submittedAt : latest), null)
  if (last && quiz.cooldownMinutes > 0) {
    const availableAt = new Date(last.getTime() + quiz.cooldownMinutes * 60_000)
    if (availableAt > now) return { canStart: false, reason: 'cooldown', availableAt }
  }
  return { canStart: true }
}

// What the quiz pages show, in the reader's language. The question view
// carries no answers and no explanations: those exist only in the result.
import type { QuizFile } from '#app/content/schema.ts'
import type { TFunction } from 'i18next'
import { choiceIds, choiceToken, isCorrect, partToken, type Answers, type DrawnQuestion } from './quiz.ts'

/** Whether every drawn question (and choice) still exists in the quiz file. */
export function attemptStillMatches(quiz: QuizFile, drawn: DrawnQuestion[]): boolean {
  return drawn.every(({ id, order }) => {
    const q = quiz.questions.find((question) => question.id === id)
    if (!q) return false
    const ids = new Set(choiceIds(q))
    return order.length === ids.size && order.every((choice) => ids.has(choice))
  })
}

/**
 * A question as the page shows it. Every id in it is the attempt's token for
 * the choice (see DrawnQuestion), never the quiz file's id: the page and its
 * data say nothing about which answer is right.
 */
export function questionView(quiz: QuizFile, drawn: DrawnQuestion) {
  const q = quiz.questions.find((question) => question.id === drawn.id)!
  const base = { id: q.id, prompt: q.prompt }
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { ...base, type: q.type, options: drawn.order.map((id) => ({ id: choiceToken(drawn, id), text: q.options.find((o) => o.id === id)!.text })) }
    case 'true-false':
      return { ...base, type: q.type }
    case 'ordering':
      return { ...base, type: q.type, items: drawn.order.map((id) => ({ id: partToken(drawn, id), text: q.items.find((i) => i.id === id)!.text })) }
    case 'matching':
      return {
        ...base,
        type: q.type,
        lefts: q.pairs.map((p) => ({ id: partToken(drawn, p.id), text: p.left })),
        rights: drawn.order.map((id) => ({ id: choiceToken(drawn, id), text: q.pairs.find((p) => p.id === id)!.right })),
      }
  }
}

export type QuestionView = ReturnType<typeof questionView>

/** One question of a submitted attempt: what was answered, what was right, why. */
export function resultView(quiz: QuizFile, drawn: DrawnQuestion, answers: Answers, t: TFunction) {
  const q = quiz.questions.find((question) => question.id === drawn.id)
  // A question removed from the quiz since this attempt: its score stands, the detail is gone.
  if (!q) return null
  const answer = answers[q.id]
  const bool = (value: boolean) => (value ? t('quiz.true') : t('quiz.false'))
  let yours: string[] | null = null
  let expected: string[] = []
  switch (q.type) {
    case 'single':
      expected = [q.options.find((o) => o.id === q.answer)!.text]
      if (typeof answer === 'string') yours = [q.options.find((o) => o.id === answer)?.text ?? '']
      break
    case 'multiple':
      expected = q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text)
      if (Array.isArray(answer)) yours = q.options.filter((o) => answer.includes(o.id)).map((o) => o.text)
      break
    case 'true-false':
      expected = [bool(q.answer)]
      if (typeof answer === 'boolean') yours = [bool(answer)]
      break
    case 'ordering':
      expected = q.items.map((i) => i.text)
      if (answer && typeof answer === 'object' && !Array.isArray(answer)) {
        yours = q.items
          .filter((i) => answer[i.id])
          .sort((a, b) => Number(answer[a.id]) - Number(answer[b.id]))
          .map((i) => i.text)
      }
      break
    case 'matching':
      expected = q.pairs.map((p) => `${p.left} → ${p.right}`)
      if (answer && typeof answer === 'object' && !Array.isArray(answer)) {
        yours = q.pairs.map((p) => `${p.left} → ${q.pairs.find((r) => r.id === answer[p.id])?.right ?? '—'}`)
      }
      break
  }
  return { id: q.id, type: q.type, prompt: q.prompt, correct: isCorrect(q, answer), yours, expected, explanation: q.explanation }
}

import { describe, expect, test } from 'vitest'
import { quizFileSchema } from '#app/content/schema.ts'
import { InvalidAnswerError, attemptRule, choiceToken, drawAttempt, fieldName, gradeAttempt, mayShowAnswers, partToken, readAnswers, showAnswersRule, unansweredQuestions } from './quiz.ts'

const quiz = quizFileSchema.parse({
  title: 'Check',
  passMark: 60,
  maxAttempts: 3,
  cooldownMinutes: 10,
  draw: 5,
  questions: [
    { id: 'single', type: 'single', prompt: 'P', explanation: 'E', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], answer: 'b' },
    {
      id: 'multiple',
      type: 'multiple',
      prompt: 'P',
      explanation: 'E',
      options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }],
      answer: ['a', 'c'],
    },
    { id: 'tf', type: 'true-false', prompt: 'P', explanation: 'E', answer: false },
    {
      id: 'order',
      type: 'ordering',
      prompt: 'P',
      explanation: 'E',
      items: [{ id: 'first', text: '1' }, { id: 'second', text: '2' }, { id: 'third', text: '3' }],
    },
    {
      id: 'match',
      type: 'matching',
      prompt: 'P',
      explanation: 'E',
      pairs: [{ id: 'x', left: 'X', right: 'x' }, { id: 'y', left: 'Y', right: 'y' }],
    },
    { id: 'extra', type: 'true-false', prompt: 'P', explanation: 'E', answer: true },
  ],
})

const all = quiz.questions.map((q) => ({ id: q.id, order: [] as string[] }))

function form(entries: [string, string][]) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}

const perfect = form([
  [fieldName('single'), 'b'],
  [fieldName('multiple'), 'a'],
  [fieldName('multiple'), 'c'],
  [fieldName('tf'), 'false'],
  [fieldName('order', 'first'), '1'],
  [fieldName('order', 'second'), '2'],
  [fieldName('order', 'third'), '3'],
  [fieldName('match', 'x'), 'x'],
  [fieldName('match', 'y'), 'y'],
  [fieldName('extra'), 'true'],
])

/** A repeatable "random" sequence, so draws are testable. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 16807) % 2147483647
    return (seed - 1) / 2147483646
  }
}

describe('drawing an attempt', () => {
  test('draws the configured number of distinct questions from the pool', () => {
    const drawn = drawAttempt(quiz, seeded(7))
    expect(drawn).toHaveLength(5)
    expect(new Set(drawn.map((d) => d.id)).size).toBe(5)
  })

  test('different attempts get different selections and orders', () => {
    const draws = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(drawAttempt(quiz, seeded(i + 1)))))
    expect(draws.size).toBeGreaterThan(10)
  })

  test('every option of a drawn question is shown, each once', () => {
    for (const drawn of drawAttempt(quiz, seeded(3))) {
      const question = quiz.questions.find((q) => q.id === drawn.id)!
      const expected = 'options' in question ? question.options.length : 'items' in question ? question.items.length : 'pairs' in question ? question.pairs.length : 0
      expect(new Set(drawn.order).size).toBe(expected)
    }
  })

  test('without shuffling, questions keep the file’s order', () => {
    const fixed = { ...quiz, shuffleQuestions: false, shuffleOptions: false, draw: undefined }
    const drawn = drawAttempt(fixed, seeded(5))
    expect(drawn.map((d) => d.id)).toEqual(quiz.questions.map((q) => q.id))
    expect(drawn[0]!.order).toEqual(['a', 'b'])
  })
})

describe('grading', () => {
  test('every type, answered correctly, scores full marks', () => {
    const grade = gradeAttempt(quiz, all, readAnswers(quiz, all, perfect))
    expect(grade).toMatchObject({ correct: 6, total: 6, percent: 100, passed: true })
  })

  test('a multiple-choice answer with only some of the right options is wrong', () => {
    const answers = readAnswers(quiz, all, form([[fieldName('multiple'), 'a']]))
    expect(gradeAttempt(quiz, all, answers).results.find((r) => r.id === 'multiple')?.correct).toBe(false)
    const extra = readAnswers(quiz, all, form([[fieldName('multiple'), 'a'], [fieldName('multiple'), 'b'], [fieldName('multiple'), 'c']]))
    expect(gradeAttempt(quiz, all, extra).results.find((r) => r.id === 'multiple')?.correct).toBe(false)
  })

  test('an ordering with two items swapped, or a matching with one pair wrong, is wrong', () => {
    const answers = readAnswers(
      quiz,
      all,
      form([
        [fieldName('order', 'first'), '2'],
        [fieldName('order', 'second'), '1'],
        [fieldName('order', 'third'), '3'],
        [fieldName('match', 'x'), 'y'],
        [fieldName('match', 'y'), 'y'],
      ]),
    )
    const results = gradeAttempt(quiz, all, answers).results
    expect(results.find((r) => r.id === 'order')?.correct).toBe(false)
    expect(results.find((r) => r.id === 'match')?.correct).toBe(false)
  })

  test('an empty submission scores zero and fails; nothing crashes', () => {
    const grade = gradeAttempt(quiz, all, readAnswers(quiz, all, form([])))
    expect(grade).toMatchObject({ correct: 0, percent: 0, passed: false })
  })

  test('the pass mark is inclusive', () => {
    const drawn = all.slice(0, 5)
    const threeOfFive = readAnswers(quiz, drawn, form([[fieldName('single'), 'b'], [fieldName('tf'), 'false'], [fieldName('multiple'), 'a'], [fieldName('multiple'), 'c']]))
    expect(gradeAttempt(quiz, drawn, threeOfFive)).toMatchObject({ correct: 3, percent: 60, passed: true })
  })

  test('questions that were not drawn cannot be answered into the score', () => {
    const drawn = all.slice(0, 1)
    expect(gradeAttempt(quiz, drawn, readAnswers(quiz, drawn, perfect))).toMatchObject({ correct: 1, total: 1 })
  })
})

describe('tampered forms are refused', () => {
  test.each([
    ['an option id that does not exist', [[fieldName('single'), 'zzz']]],
    ['two answers to a single-choice question', [[fieldName('single'), 'a'], [fieldName('single'), 'b']]],
    ['an unknown option among multiple answers', [[fieldName('multiple'), 'a'], [fieldName('multiple'), 'evil']]],
    ['something other than true or false', [[fieldName('tf'), 'maybe']]],
    ['a position out of range', [[fieldName('order', 'first'), '9']]],
    ['a right side that is not in the question', [[fieldName('match', 'x'), 'z']]],
  ] as [string, [string, string][]][])('%s', (_name, entries) => {
    expect(() => readAnswers(quiz, all, form(entries))).toThrow(InvalidAnswerError)
  })
})

describe('attempt rules', () => {
  const now = new Date('2026-06-01T12:00:00Z')
  const minutesAgo = (m: number) => ({ submittedAt: new Date(now.getTime() - m * 60_000) })

  test('a first attempt can start', () => {
    expect(attemptRule(quiz, [], now)).toEqual({ canStart: true })
  })

  test('within the cooldown, the next attempt waits, and says until when', () => {
    expect(attemptRule(quiz, [minutesAgo(4)], now)).toEqual({
      canStart: false,
      reason: 'cooldown',
      availableAt: new Date(now.getTime() + 6 * 60_000),
    })
    expect(attemptRule(quiz, [minutesAgo(10)], now)).toEqual({ canStart: true })
  })

  test('after the attempt limit, no more attempts', () => {
    expect(attemptRule(quiz, [minutesAgo(300), minutesAgo(200), minutesAgo(100)], now)).toEqual({ canStart: false, reason: 'limit' })
  })

  test('without a limit, attempts are unlimited', () => {
    const unlimited = { ...quiz, maxAttempts: undefined, cooldownMinutes: 0 }
    expect(attemptRule(unlimited, Array.from({ length: 50 }, () => minutesAgo(1)), now)).toEqual({ canStart: true })
  })
})

describe('what the page says about the answers', () => {
  test('an attempt sends and names every choice by a token of its own, and reads the tokens back', () => {
    const drawn = drawAttempt(quiz)
    const match = drawn.find((d) => d.id === 'match')
    if (match) {
      const lefts = Object.values(match.tokens!.parts)
      const rights = Object.values(match.tokens!.choices)
      // A left side and its right side never share a token.
      expect(lefts.some((token) => rights.includes(token))).toBe(false)
    }
    const entries: [string, string][] = []
    for (const d of drawn) {
      const q = quiz.questions.find((question) => question.id === d.id)!
      if (q.type === 'single') entries.push([fieldName(q.id), choiceToken(d, q.answer)])
      if (q.type === 'multiple') for (const id of q.answer) entries.push([fieldName(q.id), choiceToken(d, id)])
      if (q.type === 'true-false') entries.push([fieldName(q.id), String(q.answer)])
      if (q.type === 'ordering') q.items.forEach((item, i) => entries.push([fieldName(q.id, partToken(d, item.id)), String(i + 1)]))
      if (q.type === 'matching') q.pairs.forEach((pair) => entries.push([fieldName(q.id, partToken(d, pair.id)), choiceToken(d, pair.id)]))
    }
    expect(gradeAttempt(quiz, drawn, readAnswers(quiz, drawn, form(entries))).percent).toBe(100)
    // The quiz file's own ids are not accepted any more: only this attempt's tokens.
    const single = drawn.find((d) => d.id === 'single')
    if (single) expect(() => readAnswers(quiz, [single], form([[fieldName('single'), 'b']]))).toThrow(InvalidAnswerError)
  })

  test('tokens differ from one attempt to the next', () => {
    const tokens = (drawn: ReturnType<typeof drawAttempt>) => drawn.flatMap((d) => [...Object.values(d.tokens!.choices), ...Object.values(d.tokens!.parts)])
    const first = tokens(drawAttempt({ ...quiz, draw: undefined }))
    const again = tokens(drawAttempt({ ...quiz, draw: undefined }))
    expect(first.length).toBeGreaterThan(5)
    expect(first.filter((token) => again.includes(token))).toEqual([])
  })

  test('questions left blank, or ordered and matched only in part, are unanswered', () => {
    const answers = readAnswers(quiz, all, form([[fieldName('single'), 'b'], [fieldName('order', 'first'), '1'], [fieldName('match', 'x'), 'x'], [fieldName('match', 'y'), 'y']]))
    expect(unansweredQuestions(quiz, all, answers)).toEqual(['multiple', 'tf', 'order', 'extra'])
    expect(unansweredQuestions(quiz, all, readAnswers(quiz, all, perfect))).toEqual([])
  })

  test('a quiz drawn from a larger pool shows the right answers only after a pass, unless it says otherwise', () => {
    expect(showAnswersRule(quiz)).toBe('after-pass')
    expect(mayShowAnswers(quiz, false)).toBe(false)
    expect(mayShowAnswers(quiz, true)).toBe(true)
    expect(showAnswersRule({ ...quiz, draw: undefined })).toBe('always')
    expect(mayShowAnswers({ ...quiz, showAnswers: 'never' }, true)).toBe(false)
  })
})

describe('exceptions an admin grants', () => {
  const now = new Date('2026-05-01T12:00:00Z')
  const at = (minutesAgo: number) => ({ submittedAt: new Date(now.getTime() - minutesAgo * 60_000) })
  test('one more attempt lifts the limit (and the cooldown it started)', () => {
    const used = [at(60), at(30), at(1)]
    expect(attemptRule(quiz, used, now)).toEqual({ canStart: false, reason: 'limit' })
    expect(attemptRule(quiz, used, now, [{ extraAttempts: 1, endsCooldown: true, createdAt: now }])).toEqual({ canStart: true })
    // Used too: the limit is back.
    expect(attemptRule(quiz, [...used, at(0)], now, [{ extraAttempts: 1, endsCooldown: true, createdAt: now }])).toEqual({ canStart: false, reason: 'limit' })
  })

  test('ending a cooldown ends the one running, not the next', () => {
    const used = [at(2)]
    expect(attemptRule(quiz, used, now)).toMatchObject({ canStart: false, reason: 'cooldown' })
    const grant = { extraAttempts: 0, endsCooldown: true, createdAt: new Date(now.getTime() - 60_000) }
    expect(attemptRule(quiz, used, now, [grant])).toEqual({ canStart: true })
    // A later attempt starts a new cooldown that the old grant does not end.
    expect(attemptRule(quiz, [...used, { submittedAt: now }], now, [grant])).toMatchObject({ canStart: false, reason: 'cooldown' })
  })
})

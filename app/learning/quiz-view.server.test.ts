import { expect, test } from 'vitest'
import { loadContent } from '#app/content/load.server.ts'
import { questionView } from './quiz-view.server.ts'
import { choiceIds, drawAttempt } from './quiz.ts'

// What a quiz page sends (its HTML and its data) is the question view. For
// every question of every quiz in every language: no id from the quiz file,
// no answer, no explanation, and no shared token between the two sides of a
// matching question; so nothing lets a script pick the right answer.
test('no quiz page carries anything that gives an answer away', () => {
  const { index } = loadContent('content')
  let checked = 0
  for (const course of index.courses) {
    for (const module of course.modules) {
      if (!module.quiz) continue
      const rules = module.quiz.files[course.meta.defaultLocale]!.quiz
      for (const file of Object.values(module.quiz.files)) {
        for (const drawn of drawAttempt({ ...rules, draw: undefined })) {
          const question = rules.questions.find((q) => q.id === drawn.id)!
          const view = questionView(file.quiz, drawn)
          const text = JSON.stringify(view)
          expect(text).not.toMatch(/"(answer|explanation)"/)
          const sent: string[] = []
          if ('options' in view) sent.push(...view.options.map((o) => o.id))
          if ('items' in view) sent.push(...view.items.map((i) => i.id))
          if ('lefts' in view) {
            const lefts = view.lefts.map((l) => l.id)
            const rights = view.rights.map((r) => r.id)
            expect(lefts.filter((id) => rights.includes(id))).toEqual([])
            sent.push(...lefts, ...rights)
          }
          const ids = new Set(choiceIds(question))
          expect(sent.filter((id) => ids.has(id)), `${course.slug} ${question.id}`).toEqual([])
          checked++
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(100)
})

import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { parse } from 'yaml'
import type { QuizFile } from '#app/content/schema.ts'
import { db } from '#app/utils/db.server.ts'
import { expect, test } from './fixtures.ts'
import { pdfText, printedVerifyUrl } from './pdf.ts'

const contentDir = process.env.CONTENT_DIR ?? 'content'
const readQuiz = (module: string, lang = 'en') =>
  parse(fs.readFileSync(path.join(contentDir, 'courses/introduction', module, `quiz.${lang}.yml`), 'utf8')) as QuizFile

/** Answers every question on the page correctly, as a person who knows the answers would (or wrongly, as one who gets them all wrong). */
async function answerCorrectly(page: Page, quiz: QuizFile, { wrongly = false } = {}) {
  await expect(page.locator('fieldset.question').first()).toBeVisible()
  // Let the page settle (scripts loaded, data revalidated) before answering.
  await page.waitForLoadState('networkidle')
  for (const fieldset of await page.locator('fieldset.question').all()) {
    const prompt = (await fieldset.locator('.question__prompt').textContent())!.trim()
    const question = quiz.questions.find((q) => q.prompt.trim() === prompt)
    if (!question) throw new Error(`No question with prompt ${prompt}`)
    const label = (text: string) => fieldset.getByLabel(text, { exact: true })
    switch (question.type) {
      case 'single':
        await label(question.options.find((o) => (wrongly ? o.id !== question.answer : o.id === question.answer))!.text).check()
        break
      case 'multiple':
        if (wrongly) await label(question.options.find((o) => !question.answer.includes(o.id))!.text).check()
        else for (const id of question.answer) await label(question.options.find((o) => o.id === id)!.text).check()
        break
      case 'true-false':
        await fieldset.getByRole('radio').nth(question.answer !== wrongly ? 0 : 1).check()
        break
      case 'ordering':
        for (const [index, item] of question.items.entries()) {
          await label(item.text).selectOption(String(wrongly ? question.items.length - index : index + 1))
        }
        break
      case 'matching':
        for (const [index, pair] of question.pairs.entries()) {
          const right = wrongly ? question.pairs[(index + 1) % question.pairs.length]!.right : pair.right
          await label(pair.left).selectOption({ label: right })
        }
        break
    }
  }
}

/** Moves a learner's last submitted attempt back in time, past the quiz's cooldown. */
async function waitOutCooldown(userId: string) {
  const last = await db.quizAttempt.findFirst({ where: { userId, submittedAt: { not: null } }, orderBy: { submittedAt: 'desc' } })
  await db.quizAttempt.update({ where: { id: last!.id }, data: { submittedAt: new Date(Date.now() - 24 * 60 * 60 * 1000) } })
}

test('a learner completes a whole course, failing a quiz once, then passing it', async ({ page, makeUser, signIn }) => {
  const user = await makeUser({ displayName: 'Thorough Learner' })
  await signIn(user)
  const quiz1 = readQuiz('01-children-online')
  const quiz2 = readQuiz('02-responding-well')

  await page.goto('/courses/introduction')
  await page.getByRole('button', { name: 'Start the course' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How children use the internet')
  await page.getByRole('button', { name: 'Mark as complete and continue' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The four kinds of risk')
  await page.getByRole('button', { name: 'Mark as complete and continue' }).click()

  // The module quiz: the questions are drawn and kept for this attempt.
  await expect(page).toHaveURL('/courses/introduction/children-online/quiz')
  await page.getByRole('button', { name: 'Start the quiz' }).click()
  await expect(page.locator('fieldset.question')).toHaveCount(quiz1.draw!)
  const prompts = await page.locator('.question__prompt').allTextContents()
  await page.reload()
  expect(await page.locator('.question__prompt').allTextContents()).toEqual(prompts)

  // Submitting nothing spends nothing: each unanswered question is marked.
  await page.getByRole('button', { name: 'Submit answers' }).click()
  await expect(page.getByRole('alert')).toContainText('5 questions are not answered yet')
  await expect(page.locator('fieldset.question[aria-invalid="true"]')).toHaveCount(5)
  expect(await db.quizAttempt.count({ where: { userId: user.id, submittedAt: { not: null } } })).toBe(0)
  expect(await page.locator('.question__prompt').allTextContents()).toEqual(prompts)

  // Every answer wrong: not passed. The quiz draws from a pool, so the right
  // answers (and explanations) wait until it is passed.
  await answerCorrectly(page, quiz1, { wrongly: true })
  await page.getByRole('button', { name: 'Submit answers' }).click()
  await expect(page.getByRole('status')).toContainText('0 of 5 answers correct (0%)')
  await expect(page.getByText('Not passed').first()).toBeVisible()
  await expect(page.getByText('The right answers are shown once you have passed this quiz')).toBeVisible()
  await expect(page.locator('.feedback__explanation')).toHaveCount(0)
  await expect(page.getByText('Correct answer')).toHaveCount(0)

  // The cooldown is enforced on the server, with a clear message.
  await page.getByRole('link', { name: 'Back to the quiz' }).click()
  await expect(page.getByText(/You can try again in \d+ minutes?, at .*(UTC|GMT)/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)

  await waitOutCooldown(user.id)
  await page.reload()
  await page.getByRole('button', { name: 'Try again' }).click()
  await answerCorrectly(page, quiz1)
  await page.getByRole('button', { name: 'Submit answers' }).click()
  await expect(page.getByRole('status')).toContainText('5 of 5 answers correct (100%)')
  await expect(page.getByRole('status')).toContainText('Passed')
  // Passed: the result leads on to the next module.
  await expect(page.getByRole('link', { name: 'Next module: Privacy and digital footprint' })).toHaveAttribute('href', '/courses/introduction/responding-well/privacy-and-footprint')

  // The attempt history lists both; now passed, the failed one shows its right answers.
  await page.getByRole('link', { name: 'Back to the quiz' }).click()
  await expect(page.getByRole('row')).toHaveCount(3)
  await expect(page.getByText('You have passed this quiz.')).toBeVisible()
  // Passed: no talk of waiting for another try.
  await expect(page.getByText(/You can try again/)).toHaveCount(0)
  await page.getByRole('link', { name: 'Attempt 1' }).click()
  await expect(page.locator('.feedback__explanation')).toHaveCount(5)
  await expect(page.getByText('Correct answer').first()).toBeVisible()

  // Module 2: lessons, then its quiz, passed first time.
  await page.goto('/courses/introduction/responding-well/privacy-and-footprint')
  await page.getByRole('button', { name: 'Mark as complete and continue' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('When a child tells you')
  await page.getByRole('button', { name: 'Mark as complete and continue' }).click()
  await expect(page).toHaveURL('/courses/introduction/responding-well/quiz')
  await page.getByRole('button', { name: 'Start the quiz' }).click()
  await answerCorrectly(page, quiz2)
  await page.getByRole('button', { name: 'Submit answers' }).click()
  await expect(page.getByRole('status')).toContainText('Passed')

  // Completed, with its date, on the course page and in My learning.
  await page.goto('/courses/introduction')
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100')
  await expect(page.getByText(/Course completed on/)).toBeVisible()
  await page.goto('/me')
  await expect(page.getByRole('region', { name: 'Completed courses' })).toContainText('Introduction to child online protection')
  expect(await db.courseCompletion.count({ where: { userId: user.id, courseSlug: 'introduction' } })).toBe(1)

  // A certificate was issued; anyone with its link can check it.
  await page.getByRole('link', { name: 'View certificate' }).click()
  await expect(page).toHaveURL(/\/verify\/[a-z2-7]{24}$/)
  const verifyUrl = page.url()
  const stranger = await page.context().browser()!.newPage()
  await stranger.goto(verifyUrl)
  await expect(stranger.getByRole('status')).toHaveText(/Valid certificate/)
  await expect(stranger.getByText('Thorough Learner')).toBeVisible()
  await expect(stranger.getByText('Introduction to child online protection')).toBeVisible()
  expect(await stranger.content()).not.toContain(user.email)

  // Its PDF, from My learning, carries the name and an address that leads back here.
  await page.goto('/me')
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download PDF' }).click()
  const bytes = fs.readFileSync((await (await downloading).path())!)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const text = await pdfText(bytes)
  expect(text).toContain('Thorough Learner')
  await stranger.goto(printedVerifyUrl(text)!)
  await expect(stranger).toHaveURL(verifyUrl)
  await expect(stranger.getByRole('status')).toHaveText(/Valid certificate/)
  await stranger.close()
})

test('the quiz page sends no correct answers or explanations before submission', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser())
  await page.goto('/courses/introduction/children-online/quiz')
  await page.getByRole('button', { name: 'Start the quiz' }).click()
  await expect(page.locator('fieldset.question').first()).toBeVisible()
  const response = await page.request.get('/courses/introduction/children-online/quiz')
  const body = await response.text()
  // Data requests too (client-side navigation).
  const data = await (await page.request.get('/courses/introduction/children-online/quiz.data')).text()
  for (const question of readQuiz('01-children-online').questions) {
    expect(body).not.toContain(question.explanation)
    expect(data).not.toContain(question.explanation)
  }
  expect(body).not.toMatch(/"answer"|"passed":true|"correct"/)
  expect(data).not.toMatch(/"answer"|"correct"/)
})

test('submitting the same attempt twice (double click, back button) counts once', async ({ page, makeUser, signIn }) => {
  const user = await makeUser()
  await signIn(user)
  await page.goto('/courses/introduction/children-online/quiz')
  await page.getByRole('button', { name: 'Start the quiz' }).click()
  await answerCorrectly(page, readQuiz('01-children-online'))
  const attemptId = await page.locator('input[name="attemptId"]').inputValue()
  const form = await page.locator('form.quiz').evaluate((f) => [...new FormData(f as HTMLFormElement)].map(([k, v]) => [k, String(v)]))
  await page.getByRole('button', { name: 'Submit answers' }).click()
  await expect(page.getByRole('status')).toContainText('Passed')

  // The same form posted again, with different answers: nothing changes.
  const replay = await page.request.post('/courses/introduction/children-online/quiz', {
    form: Object.fromEntries(form.filter(([k]) => !k!.startsWith('q.')).concat([['intent', 'submit'], ['attemptId', attemptId]])),
    maxRedirects: 0,
  })
  expect(replay.status()).toBe(302)
  const attempts = await db.quizAttempt.findMany({ where: { userId: user.id } })
  expect(attempts).toHaveLength(1)
  expect(attempts[0]).toMatchObject({ percent: 100, passed: true })
})

test('a tampered answer is refused with a clear message, and the attempt stays open', async ({ page, makeUser, signIn }) => {
  const user = await makeUser()
  await signIn(user)
  await page.goto('/courses/introduction/children-online/quiz')
  await page.getByRole('button', { name: 'Start the quiz' }).click()
  const attemptId = await page.locator('input[name="attemptId"]').inputValue()
  const firstQuestion = await page.locator('fieldset.question input, fieldset.question select').first().getAttribute('name')
  const response = await page.request.post('/courses/introduction/children-online/quiz', {
    form: { intent: 'submit', attemptId, [firstQuestion!]: 'not-an-option' },
  })
  expect(response.status()).toBe(400)
  expect(await response.text()).toContain('Some answers were not valid')
  expect(await db.quizAttempt.count({ where: { userId: user.id, submittedAt: { not: null } } })).toBe(0)
})

for (const lang of ['en', 'ar'] as const) {
  test(`quiz pages pass an accessibility scan (${lang})`, async ({ page, context, baseURL, makeUser, signIn }) => {
    const { AxeBuilder } = await import('@axe-core/playwright')
    await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    await signIn(await makeUser())
    const scan = async () => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
      expect(results.violations.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
    await page.goto('/courses/introduction/children-online/quiz')
    await scan()
    await page.locator('main form button[type="submit"]').click()
    await expect(page.locator('fieldset.question').first()).toBeVisible()
    await scan()
    // Submitted blank: the questions come back marked.
    await page.locator('form.quiz button[type="submit"]').click()
    await expect(page.locator('fieldset.question[aria-invalid="true"]').first()).toBeVisible()
    await scan()
    await answerCorrectly(page, readQuiz('01-children-online', lang))
    await page.locator('form.quiz button[type="submit"]').click()
    await expect(page.getByRole('status')).toBeVisible()
    await scan()
  })
}

test('a learner who used every attempt is given one more by an admin, with a reason that is logged', async ({ page, browser, baseURL, makeUser, signIn }) => {
  const learner = await makeUser({ displayName: 'Locked Out' })
  const quizId = 'children-online/quiz'
  for (let i = 0; i < 3; i++) {
    await db.quizAttempt.create({
      data: { userId: learner.id, courseSlug: 'introduction', quizId, questions: '[]', total: 5, correct: 0, percent: 0, passed: false, startedAt: new Date(Date.now() - (3 - i) * 86_400_000), submittedAt: new Date(Date.now() - (3 - i) * 86_400_000) },
    })
  }
  const learnerContext = await browser.newContext({ baseURL })
  const { SESSION_COOKIE, createSession } = await import('#app/auth/session.server.ts')
  await learnerContext.addCookies([{ name: SESSION_COOKIE, value: (await createSession(learner.id)).token, url: baseURL! }])
  const learnerPage = await learnerContext.newPage()
  await learnerPage.goto('/courses/introduction/children-online/quiz')
  await expect(learnerPage.getByText('You have used all your attempts')).toBeVisible()

  await signIn(await makeUser({ role: 'admin' }))
  await page.goto(`/admin/users/${learner.id}`)
  const quizzes = page.getByRole('region', { name: 'Quizzes' })
  await expect(quizzes).toContainText('3 of 3 attempts used · no attempts left')
  await quizzes.getByLabel('Reason').fill('Power cut during the second attempt')
  await quizzes.getByRole('button', { name: 'Give one more attempt' }).click()
  await expect(page.getByRole('status')).toHaveText('One more attempt has been given.')
  await expect(page.getByRole('region', { name: 'Quizzes' })).toContainText('3 of 4 attempts used · can try again')
  await page.goto('/admin/audit?action=quiz.exception_granted')
  await expect(page.getByRole('table')).toContainText('Power cut during the second attempt')

  await learnerPage.reload()
  await expect(learnerPage.getByRole('button', { name: 'Try again' })).toBeVisible()
  await learnerContext.close()
})

import { AxeBuilder } from '@axe-core/playwright'
import { expect, test } from './fixtures.ts'

const LESSON_1 = '/courses/introduction/children-online/how-children-use-the-internet'
const UNTRANSLATED_IN_SPANISH = '/courses/introduction/responding-well/when-a-child-tells-you'

test('a visitor browses the catalogue, opens a course, reads a lesson and goes on to the next', async ({ page, makeUser }) => {
  await page.goto('/courses')
  const card = page.getByRole('article', { name: 'Introduction to child online protection' })
  await expect(card).toContainText('About 1 hour')
  await expect(card).toContainText('4 lessons')
  // Complete in three languages, partly in Spanish.
  await expect(card).toContainText('English, Français, العربية')
  await expect(card).toContainText('partly: Español')

  await card.getByRole('link', { name: 'Introduction to child online protection' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Introduction to child online protection')
  await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'The four kinds of risk' })).toBeVisible()

  await page.getByRole('link', { name: 'Start the course' }).click()
  await expect(page).toHaveURL(LESSON_1)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How children use the internet')
  await expect(page.getByText('Lesson 1 of 4')).toBeVisible()
  await expect(page.getByText(/\d+ minute read/)).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'You are here' })).toContainText('Introduction to child online protection')
  // Components render: a captioned video, a reflection box, key takeaways.
  await expect(page.locator('video track[kind="captions"]')).toHaveAttribute('src', /welcome\.en\.vtt$/)
  await expect(page.getByText('Sign in to write and keep private notes here.').first()).toBeVisible()

  // Anyone may read the first lesson; the next one asks them to sign in, then brings them there.
  await expect(page.getByText('Sign in to keep track of your progress.')).toBeVisible()
  await page.getByRole('navigation', { name: 'Previous and next lessons' }).getByRole('link', { name: /The four kinds of risk/ }).click()
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcourses%2Fintroduction%2Fchildren-online%2Ffour-kinds-of-risk/)
  // The sign-in page says why, and offers an account that brings them back here too.
  await expect(page.getByRole('note')).toContainText('To go on, sign in or create a free account')
  await expect(page.getByRole('link', { name: 'Create a free account' })).toHaveAttribute('href', '/register?redirectTo=%2Fcourses%2Fintroduction%2Fchildren-online%2Ffour-kinds-of-risk')
  const user = await makeUser({ displayName: 'Curious Reader' })
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL('/courses/introduction/children-online/four-kinds-of-risk')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The four kinds of risk')
  await expect(page.getByRole('figure').getByRole('img')).toHaveAttribute('alt', /.{20,}/)
  // The outline marks where the reader is.
  await expect(page.locator('.lesson-sidebar a[aria-current="page"]')).toHaveText('The four kinds of risk')
})

test('a glossary term shows its definition on keyboard focus and links to the glossary', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser())
  await page.goto('/courses/introduction/children-online/four-kinds-of-risk')
  const term = page.locator('.term').first()
  await term.getByRole('link').focus()
  await expect(term.getByRole('tooltip')).toBeVisible()
  await term.getByRole('link').click()
  await expect(page).toHaveURL(/\/courses\/introduction\/glossary#/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary')
  await expect(page.locator('.glossary__entry:target')).toBeVisible()
})

test('a lesson not yet in Spanish is shown in English with a notice, in Spanish', async ({ page, context, baseURL, makeUser, signIn }) => {
  await signIn(await makeUser())
  await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify('es'))), url: baseURL! }])
  await page.goto(LESSON_1)
  await expect(page.locator('article.lesson')).toHaveAttribute('lang', 'es')
  await expect(page.locator('.notice')).toHaveCount(0)

  await page.goto(UNTRANSLATED_IN_SPANISH)
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByText('Esta página aún no está disponible en su idioma, por lo que se muestra en inglés.')).toBeVisible()
  await expect(page.locator('article.lesson')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('When a child tells you')
  // A sensitive lesson opens with a content note and ends with where to find support.
  await expect(page.getByText('Nota sobre el contenido')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Dónde encontrar apoyo' })).toBeVisible()
})

test('an English stand-in lesson inside an Arabic page reads left to right, the page around it right to left', async ({ page, context, baseURL, makeUser, signIn }) => {
  await signIn(await makeUser())
  await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify('ar'))), url: baseURL! }])
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/courses/child-rights-business/engaging-stakeholders/partnerships-and-accountability')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  const article = page.locator('article.lesson')
  await expect(article).toHaveAttribute('lang', 'en')
  await expect(article).toHaveAttribute('dir', 'ltr')
  expect(await page.locator('.prose p').first().evaluate((p) => getComputedStyle(p).direction)).toBe('ltr')
  // The notice about the language, in Arabic, stays right to left.
  expect(await page.locator('article .notice').evaluate((p) => getComputedStyle(p).direction)).toBe('rtl')
  // Its wide table scrolls inside a focusable, labelled region; the page itself does not scroll sideways.
  const region = page.locator('.prose .table-wrap').first()
  await expect(region).toHaveAttribute('tabindex', '0')
  await expect(region).toHaveAttribute('role', 'region')
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
})

test('the language button’s name holds what it shows, on a phone too', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/')
  const button = page.locator('.language-switcher summary')
  await expect(button).toHaveAccessibleName(/^EN · Language: English/)
})

test('an Arabic lesson reads right to left', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify('ar'))), url: baseURL! }])
  await page.goto(LESSON_1)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('article.lesson')).toHaveAttribute('lang', 'ar')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('كيف يستخدم الأطفال الإنترنت')
  // Text starts at the right.
  const paragraph = page.locator('.prose p').first()
  expect(await paragraph.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl')
  await expect(page.locator('video track[kind="captions"]')).toHaveAttribute('src', /welcome\.ar\.vtt$/)
})

test('the browser receives the compiled lesson, never its MDX source', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser())
  const request = page.request
  const html = await (await request.get('/courses/introduction/children-online/four-kinds-of-risk')).text()
  expect(html).toContain('The four kinds of risk')
  expect(html).not.toContain('<Figure')
  expect(html).not.toContain('<Term id=')
  expect(html).not.toMatch(/^---$/m)
  const source = await request.get('/courses/introduction/assets/../01-children-online/02-four-kinds-of-risk.en.mdx')
  expect(source.status()).toBe(404)
})

test('unknown courses and lessons are 404 pages', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser())
  expect((await page.goto('/courses/no-such-course'))?.status()).toBe(404)
  expect((await page.goto('/courses/introduction/children-online/no-such-lesson'))?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('lessons are fully readable and the outline opens', async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser())
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto(LESSON_1)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How children use the internet')
    await expect(page.locator('.prose h2').first()).toBeVisible()
    await page.getByText('Course outline').click()
    await expect(page.locator('.outline-toggle').getByRole('link', { name: 'Privacy and digital footprint' })).toBeVisible()
    await page.getByRole('link', { name: /Next/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The four kinds of risk')
    // Marking a lesson complete works without JavaScript too; the module's
    // last lesson leads to its quiz, which works without JavaScript as well.
    await page.getByRole('button', { name: 'Mark as complete and continue' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your understanding')
    await page.getByRole('button', { name: 'Start the quiz' }).click()
    // A blank submit comes back with every question marked, without JavaScript too.
    await page.getByRole('button', { name: 'Submit answers' }).click()
    await expect(page.locator('fieldset.question[aria-invalid="true"]')).not.toHaveCount(0)
    // The page streams in: every question is there once it has loaded.
    await page.waitForLoadState('load')
    // Answer each question with its first choice, then submit.
    for (const question of await page.locator('fieldset.question').all()) {
      const radio = question.locator('input[type="radio"], input[type="checkbox"]').first()
      if (await radio.count()) await radio.check()
      for (const select of await question.locator('select').all()) await select.selectOption({ index: 1 })
    }
    await page.getByRole('button', { name: 'Submit answers' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your result')
  })
})

for (const lang of ['en', 'ar'] as const) {
  test(`course pages pass an accessibility scan (${lang})`, async ({ page, context, baseURL, makeUser, signIn }) => {
    await signIn(await makeUser())
    await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    for (const path of ['/courses', '/courses/introduction', LESSON_1, '/courses/introduction/children-online/four-kinds-of-risk', UNTRANSLATED_IN_SPANISH, '/courses/introduction/glossary']) {
      await page.goto(path)
      await expect(page.locator('h1')).toBeVisible()
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
      expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
  })
}

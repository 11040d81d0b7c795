import { expect, signOutThroughMenu, test } from './fixtures.ts'

test('a learner starts a course, completes lessons, and finds the progress again after signing back in', async ({ page, makeUser }) => {
  const user = await makeUser({ displayName: 'Progress Keeper' })
  await page.goto('/login?redirectTo=/courses/introduction')
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL('/courses/introduction')

  await page.getByRole('button', { name: 'Start the course' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How children use the internet')
  await page.getByRole('button', { name: 'Mark as complete and continue' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The four kinds of risk')
  // The outline ticks the finished lesson.
  await expect(page.locator('.lesson-sidebar').getByRole('link', { name: 'How children use the internet (completed)' })).toBeVisible()
  // The module's last lesson leads to its quiz.
  await page.getByRole('button', { name: 'Mark as complete and continue' }).click()
  await expect(page).toHaveURL('/courses/introduction/children-online/quiz')

  // Another visit to a finished lesson says so, and offers no second completion.
  await page.goto('/courses/introduction/children-online/how-children-use-the-internet')
  await expect(page.getByText('You have completed this lesson.')).toBeVisible()
  await expect(page.getByRole('button', { name: /Mark as complete/ })).toHaveCount(0)

  await signOutThroughMenu(page, 'Progress Keeper')
  await page.goto('/login')
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  // My learning: the course in progress, with its next lesson.
  await expect(page).toHaveURL('/me')
  const card = page.locator('.my-courses li').filter({ hasText: 'Introduction to child online protection' })
  // 2 of 4 lessons and 0 of 2 quizzes: 2 of 6 steps.
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '33')
  await expect(card).toContainText('2 of 6 steps done (33%)')
  await expect(card).toContainText('Privacy and digital footprint')
  await card.getByRole('link', { name: 'Continue where you left off' }).click()
  await expect(page).toHaveURL('/courses/introduction/responding-well/privacy-and-footprint')

  // The course page shows the same.
  await page.goto('/courses/introduction')
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '2 of 6 steps done (33%)')
  await expect(page.getByRole('link', { name: 'Continue where you left off' })).toHaveAttribute(
    'href',
    '/courses/introduction/responding-well/privacy-and-footprint',
  )
})


test('reflection notes are saved per learner and lesson, and stay private', async ({ page, browser, makeUser, signIn }) => {
  await signIn(await makeUser())
  await page.goto('/courses/introduction/children-online/how-children-use-the-internet')
  const notes = page.getByLabel('Your notes').first()
  await notes.fill('My class shares two tablets; ask the head about settings.')
  await page.getByRole('button', { name: 'Save note' }).first().click()
  await expect(page.getByText('Note saved.')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Your notes').first()).toHaveValue('My class shares two tablets; ask the head about settings.')

  // Another learner sees an empty box.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  const stranger = await makeUser()
  await otherPage.goto('/login')
  await otherPage.getByLabel('Email address').fill(stranger.email)
  await otherPage.getByLabel('Password').fill(stranger.password)
  await otherPage.getByRole('button', { name: 'Sign in' }).click()
  await expect(otherPage).toHaveURL('/me')
  await otherPage.goto('/courses/introduction/children-online/how-children-use-the-internet')
  await expect(otherPage.getByLabel('Your notes').first()).toHaveValue('')
  await other.close()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a reflection note can be saved', async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser())
    await page.goto('/courses/introduction/children-online/how-children-use-the-internet')
    await page.setViewportSize({ width: 360, height: 740 })
    await page.getByLabel('Your notes').first().fill('Written without scripts.')
    await page.getByRole('button', { name: 'Save note' }).first().click()
    // The page comes back at the note, with the confirmation in sight, not at the top of a long lesson.
    await expect(page).toHaveURL(/#reflection-what-children-enjoy$/)
    await expect(page.getByText('Note saved').first()).toBeInViewport()
    await page.goto('/courses/introduction/children-online/how-children-use-the-internet')
    await expect(page.getByLabel('Your notes').first()).toHaveValue('Written without scripts.')
  })
})

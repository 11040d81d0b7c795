import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { db } from '#app/utils/db.server.ts'
import { expect, test } from './fixtures.ts'

// Cascade sessions: a trainer logs what they delivered, an admin verifies or
// rejects it, and only verified sessions add to the trainer's reach.

const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-01-15`

async function pendingSession(trainerId: string, place: string, headcount = 40) {
  return db.cascadeSession.create({
    data: { trainerId, deliveredOn: new Date('2025-10-07T00:00:00Z'), place, country: 'MW', audienceGroup: 'educator', headcount, notes: 'Staff briefing after school.' },
  })
}

/** The value shown on the summary card with this label. */
function stat(page: Page, label: string): Locator {
  return page.locator('.stat').filter({ has: page.getByText(label, { exact: true }) }).locator('.stat__value')
}

/** A session's card in the admin's queue. */
function queueCard(page: Page, place: string): Locator {
  return page.locator('.cascade-card').filter({ has: page.getByRole('heading', { name: place }) })
}

function sessionRow(page: Page | Locator, place: string): Locator {
  return page.getByRole('row').filter({ hasText: place })
}

test('a trainer logs a session, an admin verifies it and rejects another, and the trainer sees the outcome', async ({ page, makeUser, signIn }) => {
  const trainer = await makeUser({ role: 'trainer', displayName: 'Grace Banda' })
  const admin = await makeUser({ role: 'admin', displayName: 'Programme Officer' })
  await pendingSession(trainer.id, 'Mzuzu Community Hall')

  await signIn(trainer)
  await page.goto('/me')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My sessions' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My sessions')
  await expect(stat(page, 'People reached in verified sessions')).toHaveText('0')
  await expect(stat(page, 'Sessions waiting for review')).toHaveText('1')

  // The form: a date in the future and more women and men than participants.
  await page.getByRole('link', { name: 'Log a session' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log a session')
  await page.getByLabel('Date of the session').fill(NEXT_YEAR)
  await page.getByLabel('Place').fill('Chilinde Primary School')
  await expect(page.getByLabel('Country')).toHaveValue('MW') // the trainer's own, to begin with
  await page.getByLabel('Audience').selectOption({ label: 'Parent or carer' })
  await page.getByLabel('Number of participants').fill('28')
  await page.getByLabel('Women and girls').fill('16')
  await page.getByLabel('Men and boys').fill('13')
  await page.getByLabel('13 to 17').fill('5')
  await page.getByLabel('Notes (optional)').fill('Evening session on cyberbullying for parents.')
  const refused = page.waitForResponse((r) => r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Log the session' }).click()
  expect((await refused).status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText('There are 2 problems')
  await expect(page.locator('#session-deliveredOn-error')).toHaveText(/The date of the session cannot be in the future/)
  await expect(page.locator('#session-female-error')).toHaveText(/cannot be more than the number of participants/)
  await expect(page.getByLabel('Date of the session')).toBeFocused()
  // What was typed is still there.
  await expect(page.getByLabel('Place')).toHaveValue('Chilinde Primary School')
  await expect(page.getByLabel('13 to 17')).toHaveValue('5')

  await page.getByLabel('Date of the session').fill('2025-11-20')
  await page.getByLabel('Men and boys').fill('12')
  await page.getByRole('button', { name: 'Log the session' }).click()
  await expect(page).toHaveURL(/\/trainer\/sessions\?notice=logged$/)
  await expect(page.getByRole('status')).toHaveText('Session logged. It will count once programme staff have verified it.')
  await expect(sessionRow(page, 'Chilinde Primary School')).toContainText('Nov 20, 2025')
  await expect(sessionRow(page, 'Chilinde Primary School')).toContainText('Pending review')
  await expect(stat(page, 'Sessions waiting for review')).toHaveText('2')
  await expect(stat(page, 'People reached in verified sessions')).toHaveText('0')

  // The admin reviews both.
  await signIn(admin)
  await page.goto('/admin/sessions')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cascade sessions')
  const logged = queueCard(page, 'Chilinde Primary School')
  await expect(logged).toContainText('Grace Banda')
  await expect(logged).toContainText('Parent or carer')
  await expect(logged).toContainText('Women and girls: 16')
  await expect(logged).toContainText('13 to 17: 5')
  await expect(logged).toContainText('Evening session on cyberbullying for parents.')

  const other = queueCard(page, 'Mzuzu Community Hall')
  await other.getByRole('button', { name: 'Reject' }).click()
  await expect(other.locator('.field__error')).toHaveText(/Say why you reject this session: the trainer will see it./)
  await expect(other.getByLabel('Reason for rejecting')).toBeFocused()
  await other.getByLabel('Reason for rejecting').fill('This is the same session as the one logged for 6 October.')
  await other.getByRole('button', { name: 'Reject' }).click()
  await expect(page.getByRole('status')).toHaveText('Session rejected. The trainer will see your reason.')
  await expect(queueCard(page, 'Mzuzu Community Hall')).toHaveCount(0)

  await logged.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByRole('status')).toHaveText("Session verified: its 28 participants now count in the programme's figures.")
  await expect(queueCard(page, 'Chilinde Primary School')).toHaveCount(0)
  const reviewed = page.getByRole('region', { name: 'Recently reviewed' })
  await expect(sessionRow(reviewed, 'Chilinde Primary School')).toContainText('Verified')
  await expect(sessionRow(reviewed, 'Chilinde Primary School')).toContainText('Programme Officer')
  await expect(sessionRow(reviewed, 'Mzuzu Community Hall')).toContainText('Rejected')

  // The status filter.
  await page.getByRole('navigation', { name: 'Show sessions' }).getByRole('link', { name: /^Rejected/ }).click()
  await expect(page.getByRole('heading', { name: 'Rejected sessions' })).toBeVisible()
  await expect(sessionRow(page, 'Mzuzu Community Hall')).toBeVisible()
  await expect(sessionRow(page, 'Chilinde Primary School')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Waiting for review' })).toHaveCount(0)

  // The trainer sees the outcome and their reach.
  await signIn(trainer)
  await page.goto('/trainer/sessions')
  await expect(stat(page, 'People reached in verified sessions')).toHaveText('28')
  await expect(stat(page, 'Verified sessions')).toHaveText('1')
  await expect(stat(page, 'Sessions waiting for review')).toHaveText('0')
  const rejected = sessionRow(page, 'Mzuzu Community Hall')
  await expect(rejected).toContainText('Rejected')
  await expect(rejected).toContainText('Reason: This is the same session as the one logged for 6 October.')
  await expect(sessionRow(page, 'Chilinde Primary School')).toContainText('Verified')
  // Reviewed sessions are the programme's record: no more editing or deleting.
  await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0)
  await expect(page.getByRole('link', { name: /^Edit/ })).toHaveCount(0)
})

test('a trainer corrects and then deletes a pending session', async ({ page, makeUser, signIn }) => {
  const trainer = await makeUser({ role: 'trainer', displayName: 'Chikondi Phiri' })
  await pendingSession(trainer.id, 'Lilongwe Youth Centre', 40)
  await signIn(trainer)
  await page.goto('/trainer/sessions')

  await page.getByRole('link', { name: 'Edit the session of Oct 7, 2025 at Lilongwe Youth Centre' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit a session')
  await expect(page.getByLabel('Number of participants')).toHaveValue('40')
  await expect(page.getByLabel('Audience')).toHaveValue('educator')
  await page.getByLabel('Number of participants').fill('35')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status')).toHaveText('Changes saved. The session is still waiting for review.')
  await expect(sessionRow(page, 'Lilongwe Youth Centre')).toContainText('35')

  await page.getByRole('button', { name: 'Delete the session of Oct 7, 2025 at Lilongwe Youth Centre' }).click()
  await expect(page.getByRole('status')).toHaveText('Session deleted.')
  await expect(sessionRow(page, 'Lilongwe Youth Centre')).toHaveCount(0)
  await expect(page.getByText('You have not logged any sessions yet.')).toBeVisible()
  expect(await db.cascadeSession.count({ where: { trainerId: trainer.id } })).toBe(0)
})

test('the form works without JavaScript', async ({ browser, baseURL, makeUser }) => {
  const trainer = await makeUser({ role: 'trainer' })
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  const { createSession, SESSION_COOKIE } = await import('#app/auth/session.server.ts')
  const { token } = await createSession(trainer.id)
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL! }])
  const page = await context.newPage()
  await page.goto('/trainer/sessions/new')
  await page.getByLabel('Date of the session').fill('2025-09-01')
  await page.getByLabel('Place').fill('Blantyre Library')
  await page.getByLabel('Audience').selectOption('child_youth')
  await page.getByLabel('Number of participants').fill('0')
  await page.getByRole('button', { name: 'Log the session' }).click()
  await expect(page.locator('#session-headcount-error')).toHaveText(/a whole number from 1 to 10,000/)
  await page.getByLabel('Number of participants').fill('60')
  await page.getByRole('button', { name: 'Log the session' }).click()
  await expect(sessionRow(page, 'Blantyre Library')).toContainText('Pending review')
  await context.close()
})

test('only trainers (and admins) have sessions; only admins review them', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'learner' }))
  for (const path of ['/trainer/sessions', '/trainer/sessions/new']) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page')
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My sessions' })).toHaveCount(0)

  await signIn(await makeUser({ role: 'trainer' }))
  expect((await page.goto('/trainer/sessions'))?.status()).toBe(200)
  expect((await page.goto('/admin/sessions'))?.status()).toBe(403)
  // Someone else's session cannot be opened for editing.
  const stranger = await makeUser({ role: 'trainer' })
  const theirs = await pendingSession(stranger.id, 'Somewhere Else')
  expect((await page.goto(`/trainer/sessions/new?edit=${theirs.id}`))?.status()).toBe(404)
})

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

for (const lang of ['en', 'ar'] as const) {
  test(`the form, the trainer's list and the queue pass an accessibility scan (${lang})`, async ({ page, context, baseURL, makeUser, signIn }) => {
    test.setTimeout(90_000) // four scans
    await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    const trainer = await makeUser({ role: 'trainer', displayName: lang === 'ar' ? 'سلمى بنعلي' : 'Axe Trainer' })
    const session = await pendingSession(trainer.id, lang === 'ar' ? 'مدرسة النور' : 'Axe Primary School')
    await db.cascadeSession.create({
      data: { trainerId: trainer.id, deliveredOn: new Date('2025-09-01T00:00:00Z'), place: 'Rejected Hall', country: 'MA', audienceGroup: 'child_youth', headcount: 12, status: 'rejected', rejectionReason: 'No attendance sheet.' },
    })
    await signIn(trainer)

    await page.goto('/trainer/sessions/new')
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expectNoAxeViolations(page)
    await page.locator('#session button[type=submit]').click()
    await expect(page.getByRole('alert')).toBeVisible()
    await expectNoAxeViolations(page)

    await page.goto('/trainer/sessions')
    await expect(page.locator('.session-status--rejected')).toBeVisible()
    await expectNoAxeViolations(page)

    await signIn(await makeUser({ role: 'admin' }))
    await page.goto('/admin/sessions')
    const card = page.locator('.cascade-card').filter({ has: page.locator(`#session-${session.id}-title`) })
    await card.locator('.cascade-reject button[type=submit]').click()
    await expect(card.locator('.field__error')).toBeVisible()
    await expectNoAxeViolations(page)
  })
}

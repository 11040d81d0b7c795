import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from '@playwright/test'
import { SESSION_COOKIE, createSession } from '#app/auth/session.server.ts'
import { expect, test, type TestUser } from './fixtures.ts'

/** Another browser (a phone, a shared computer) where the same person is signed in. */
async function anotherDevice(context: BrowserContext, baseURL: string, user: TestUser) {
  const { token, expiresAt } = await createSession(user.id)
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: 'Lax', expires: Math.floor(expiresAt.getTime() / 1000) }])
}

async function open(page: Page, path: string) {
  await page.goto(path)
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
}

const NEW_PASSWORD = 'kettle on the veranda at noon'

test('changing the password signs the other devices out; another session can be ended from the list', async ({ page, browser, baseURL, makeUser, signIn }) => {
  const user = await makeUser({ displayName: 'Chisomo Phiri' })
  await signIn(user)
  const phone = await browser.newContext({ baseURL })
  await anotherDevice(phone, baseURL!, user)
  const phonePage = await phone.newPage()
  await open(phonePage, '/me')
  await expect(phonePage.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible()

  await page.goto('/me/profile')
  await page.getByRole('link', { name: 'Password and sessions' }).click()
  await expect(page).toHaveURL('/me/security')
  await expect(page.getByRole('heading', { level: 1, name: 'Password and sessions' })).toBeVisible()
  const sessions = page.getByRole('table')
  await expect(sessions.getByRole('row')).toHaveCount(3)
  await expect(sessions.getByRole('row').nth(1)).toContainText('This device')
  await expect(sessions.getByRole('row').nth(2).getByRole('button', { name: /^End session/ })).toBeVisible()
  await expect(page.getByLabel('New password')).toHaveAccessibleDescription(/At least 10 characters/)

  // A wrong current password: nothing changes, the message is beside the field.
  await page.getByLabel('Current password').fill('not what I use')
  await page.getByLabel('New password').fill(NEW_PASSWORD)
  const [rejected] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Change password' }).click(),
  ])
  expect(rejected.status()).toBe(400)
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(/not your current password/)
  await expect(page.getByLabel('Current password')).toBeFocused()
  // The answer never sends the new password back (the browser keeps no copy
  // of a no-store response to read, so the same form is posted once more).
  const again = await page.request.post('/me/security', { form: { intent: 'password', currentPassword: 'not what I use', newPassword: NEW_PASSWORD } })
  expect(again.status()).toBe(400)
  expect(await again.text()).not.toContain(NEW_PASSWORD)
  await open(phonePage, '/me')
  await expect(phonePage).toHaveURL('/me')

  await page.getByLabel('Current password').fill(user.password)
  await page.getByLabel('New password').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('status')).toHaveText('Password changed. You were signed out on your other devices.')
  await expect(page.getByLabel('Current password')).toHaveValue('')
  await expect(sessions.getByRole('row')).toHaveCount(2)
  await expect(page.getByText('You are not signed in anywhere else.')).toBeVisible()
  // Still signed in here.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Password and sessions' })).toBeVisible()

  // The phone is signed out; the old password no longer works, the new one does.
  await open(phonePage, '/me')
  await expect(phonePage).toHaveURL(/\/login\?redirectTo=%2Fme/)
  await phonePage.getByLabel('Email address').fill(user.email)
  await phonePage.getByLabel('Password').fill(user.password)
  await phonePage.getByRole('button', { name: 'Sign in' }).click()
  await expect(phonePage.getByRole('alert')).toContainText('The email address or password is not right.')
  await phonePage.getByLabel('Password').fill(NEW_PASSWORD)
  await phonePage.getByRole('button', { name: 'Sign in' }).click()
  await expect(phonePage).toHaveURL('/me')

  // Ending the phone's new session from the list signs it out there. Signed in
  // with the form, it is named by its browser; this one (made by the test) is not.
  await page.reload()
  await expect(sessions.getByRole('row')).toHaveCount(3)
  await expect(sessions.getByRole('row').nth(1).getByRole('rowheader')).toHaveText('Unknown device')
  await expect(sessions.getByRole('row').nth(2).getByRole('rowheader')).toHaveText(/^Chrome · (Windows|Linux|macOS)$/)
  await page.getByRole('button', { name: /^End session/ }).click()
  await expect(page.getByRole('status')).toHaveText('The session has ended. That device is now signed out.')
  await expect(sessions.getByRole('row')).toHaveCount(2)
  await open(phonePage, '/me')
  await expect(phonePage).toHaveURL(/\/login/)
  await phone.close()
})

test('signing out everywhere else keeps this device signed in', async ({ page, browser, baseURL, makeUser, signIn }) => {
  const user = await makeUser()
  await signIn(user)
  const elsewhere = await browser.newContext({ baseURL })
  await anotherDevice(elsewhere, baseURL!, user)
  await anotherDevice(elsewhere, baseURL!, user)
  await page.goto('/me/security')
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(4)
  await expect(page.getByRole('button', { name: /^End session/ })).toHaveCount(2)
  await page.getByRole('button', { name: 'Sign out everywhere else' }).click()
  await expect(page.getByRole('status')).toHaveText('You were signed out on 2 other devices.')
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2)
  await expect(page.getByRole('button', { name: 'Sign out everywhere else' })).toHaveCount(0)
  const otherPage = await elsewhere.newPage()
  await otherPage.goto('/me')
  await expect(otherPage).toHaveURL(/\/login/)
  await page.goto('/me')
  await expect(page).toHaveURL('/me')
  await elsewhere.close()
})

test('signed-out visitors are sent to sign in', async ({ page }) => {
  await page.goto('/me/security')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme%2Fsecurity/)
})

for (const lang of ['en', 'ar'] as const) {
  test(`the page is accessible (${lang}), also showing its errors`, async ({ page, context, baseURL, makeUser, signIn }) => {
    await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    const user = await makeUser()
    await signIn(user)
    await createSession(user.id)
    await page.goto('/me/security')
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(3)
    const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
    const summary = (results: Awaited<ReturnType<typeof axe>>) => results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    expect(summary(await axe())).toEqual([])
    await page.locator('#password button[type=submit]').click()
    await expect(page.locator('#password .field__error')).toHaveCount(2)
    expect(summary(await axe())).toEqual([])
  })
}

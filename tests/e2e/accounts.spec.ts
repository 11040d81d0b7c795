import fs from 'node:fs'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from '@playwright/test'
import { resetLinkExpiry } from '#app/auth/password-reset.ts'
import { generateSessionToken, sessionIdFromToken } from '#app/auth/session.ts'
import { SESSION_COOKIE, createSession } from '#app/auth/session.server.ts'
import { issueCertificate } from '#app/certificates/certificates.server.ts'
import { db } from '#app/utils/db.server.ts'
import { E2E_OUTBOX_DIR } from './database.ts'
import { expect, test, type TestUser } from './fixtures.ts'

/** A reset link made straight in the database (as requestPasswordReset would). */
async function createResetToken(userId: string) {
  const token = generateSessionToken()
  await db.passwordResetToken.create({ data: { id: sessionIdFromToken(token), userId, expiresAt: resetLinkExpiry(new Date()) } })
  return token
}

// Accounts in real use: forgotten passwords, admins managing people (and the
// audit log of it), and learners taking their data away or deleting it.

const NEW_PASSWORD = 'climbing roses over the lake at dusk'

/** The newest email in the outbox addressed to `email` (waits for it to be written). */
async function mailTo(email: string): Promise<string> {
  let found: string | undefined
  await expect
    .poll(() => {
      const files = fs.existsSync(E2E_OUTBOX_DIR) ? fs.readdirSync(E2E_OUTBOX_DIR).sort() : []
      found = files
        .map((file) => fs.readFileSync(path.join(E2E_OUTBOX_DIR, file), 'utf8'))
        .filter((text) => text.includes(`To: ${email}`))
        .at(-1)
      return Boolean(found)
    })
    .toBe(true)
  return found!
}

function linkIn(mail: string): string {
  // Quoted-printable may wrap long lines with "=" at the end.
  const match = /https?:\/\/[^\s]+\/reset-password\/[a-z2-7]{32}/.exec(mail.replace(/=\r?\n/g, ''))
  expect(match, 'a reset link in the email').not.toBeNull()
  return new URL(match![0]).pathname
}

async function signedInElsewhere(context: BrowserContext, baseURL: string, user: TestUser) {
  const { token, expiresAt } = await createSession(user.id)
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: 'Lax', expires: Math.floor(expiresAt.getTime() / 1000) }])
}

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a forgotten password is reset through the emailed link, once', async ({ page, browser, baseURL, makeUser }) => {
  const user = await makeUser({ displayName: 'Thandiwe Mbewe' })
  const phone = await browser.newContext({ baseURL })
  await signedInElsewhere(phone, baseURL!, user)

  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible()
  // A bad address gets a message beside the field.
  await page.getByLabel('Email address').fill('not an address')
  await page.getByRole('button', { name: 'Send me a link' }).click()
  await expect(page.getByLabel('Email address')).toHaveAccessibleDescription(/name@example.org/)

  await page.getByLabel('Email address').fill(user.email.toUpperCase())
  await page.getByRole('button', { name: 'Send me a link' }).click()
  const sent = await page.getByRole('status').innerText()
  expect(sent).toContain(`If an account uses ${user.email}`)

  // An address with no account gets the very same answer (and no email).
  const nobody = `nobody-${crypto.randomUUID().slice(0, 8)}@example.org`
  await page.goto('/forgot-password')
  await page.getByLabel('Email address').fill(nobody)
  await page.getByRole('button', { name: 'Send me a link' }).click()
  expect((await page.getByRole('status').innerText()).replace(nobody, user.email)).toBe(sent)

  const mail = await mailTo(user.email)
  expect(mail).toContain('Subject: Reset your Trellis password')
  const link = linkIn(mail)

  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible()
  await page.getByLabel('New password').fill('short')
  await page.getByRole('button', { name: 'Save the new password' }).click()
  await expect(page.getByLabel('New password')).toHaveAccessibleDescription(/Use at least 10 characters/)
  await page.getByLabel('New password').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Save the new password' }).click()
  await expect(page).toHaveURL('/me?reset=1')
  await expect(page.getByRole('status')).toHaveText('Your password has been changed. You are signed in.')

  // The phone was signed out; the old password no longer works; the link is spent.
  const phonePage = await phone.newPage()
  await phonePage.goto('/me')
  await expect(phonePage).toHaveURL(/\/login/)
  await signInWithForm(phonePage, user.email, user.password)
  await expect(phonePage.getByRole('alert')).toContainText('The email address or password is not right.')
  await signInWithForm(phonePage, user.email, NEW_PASSWORD)
  await expect(phonePage).toHaveURL('/me')
  const again = await phonePage.goto(link)
  expect(again?.status()).toBe(410)
  await expect(phonePage.getByRole('alert')).toHaveText('This link has already been used. Each link works only once.')
  await expect(phonePage.getByRole('link', { name: 'Ask for a new link' })).toBeVisible()
  await phone.close()
})

test('an admin finds a person, deactivates them (their sessions end), reactivates them, hands over a reset link and changes their role; the audit log shows it all', async ({
  page,
  browser,
  baseURL,
  makeUser,
  signIn,
}) => {
  const stem = crypto.randomUUID().slice(0, 6)
  const admin = await makeUser({ role: 'admin', displayName: `Admin ${stem}` })
  const learner = await makeUser({ displayName: `Kondwani ${stem}` })
  await signIn(admin)
  const laptop = await browser.newContext({ baseURL })
  await signedInElsewhere(laptop, baseURL!, learner)
  const learnerPage = await laptop.newPage()
  await learnerPage.goto('/me')
  await expect(learnerPage.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible()

  await page.goto('/admin')
  await page.getByRole('link', { name: 'People' }).click()
  await page.getByLabel('Name or email').fill(`kondwani ${stem}`)
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByRole('status')).toHaveText('1 person')
  await page.getByRole('link', { name: `Kondwani ${stem}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Kondwani ${stem}` })).toBeVisible()

  // Deactivating asks for confirmation, then ends the learner's session at once.
  await page.getByRole('checkbox', { name: `I want to deactivate the account of Kondwani ${stem}` }).check()
  await page.getByRole('button', { name: 'Deactivate' }).click()
  await expect(page.getByRole('status')).toHaveText('The account has been deactivated; 1 session was ended.')
  await learnerPage.reload()
  await expect(learnerPage).toHaveURL(/\/login/)
  await signInWithForm(learnerPage, learner.email, learner.password)
  await expect(learnerPage.getByRole('alert')).toContainText('This account has been deactivated.')
  // A deactivated person gets no reset email either.
  await learnerPage.goto('/forgot-password')
  await learnerPage.getByLabel('Email address').fill(learner.email)
  await learnerPage.getByRole('button', { name: 'Send me a link' }).click()
  await expect(learnerPage.getByRole('status')).toContainText('If an account uses')
  expect(await db.passwordResetToken.count({ where: { userId: learner.id } })).toBe(0)

  await page.getByRole('button', { name: 'Reactivate' }).click()
  await expect(page.getByRole('status')).toHaveText('The account has been reactivated. The person can sign in again.')

  // A reset link to hand over in person (no email needed).
  await page.getByRole('button', { name: 'Make a password reset link' }).click()
  const shown = await page.locator('.reset-link__url').innerText()
  expect(shown).toMatch(/\/reset-password\/[a-z2-7]{32}$/)
  await learnerPage.goto(new URL(shown).pathname)
  await learnerPage.getByLabel('New password').fill(NEW_PASSWORD)
  await learnerPage.getByRole('button', { name: 'Save the new password' }).click()
  await expect(learnerPage).toHaveURL('/me?reset=1')

  await page.getByLabel('Change to').selectOption('trainer')
  await page.getByRole('button', { name: 'Change role' }).click()
  await expect(page.getByRole('status')).toHaveText('The role has been changed.')
  await learnerPage.goto('/trainer/sessions')
  await expect(learnerPage.getByRole('heading', { level: 1 })).toBeVisible()
  expect((await learnerPage.request.get('/trainer/sessions')).status()).toBe(200)

  // The admin cannot change or deactivate their own account.
  await page.goto(`/admin/users/${admin.id}`)
  await expect(page.getByLabel('Change to')).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Deactivate' })).toHaveCount(0)

  // The audit log, filtered to this person: newest first, by this admin.
  await page.goto(`/admin/users/${learner.id}`)
  await page.getByRole('link', { name: 'See them in the audit log' }).click()
  const rows = page.getByRole('table').getByRole('row')
  await expect(rows).toHaveCount(5)
  await expect(rows.nth(1)).toContainText('Role changed')
  await expect(rows.nth(1)).toContainText(/Previous role:\s*Learner/)
  await expect(rows.nth(1)).toContainText(/New role:\s*Trainer/)
  await expect(rows.nth(2)).toContainText('Password reset link made')
  await expect(rows.nth(3)).toContainText('Account reactivated')
  await expect(rows.nth(4)).toContainText('Account deactivated')
  for (let i = 1; i <= 4; i++) await expect(rows.nth(i)).toContainText(admin.email)
  // And filtered by action across everyone.
  await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}`)
  await page.getByLabel('Action').selectOption({ label: 'Account deactivated' })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2)
  // The log has no way to change an entry.
  await expect(page.getByRole('table').getByRole('button')).toHaveCount(0)
  expect((await page.request.post('/admin/audit', { form: { intent: 'delete' } })).status()).toBeGreaterThanOrEqual(400)
  await laptop.close()
})

test('admin report exports are logged', async ({ page, makeUser, signIn }) => {
  const admin = await makeUser({ role: 'admin' })
  await signIn(admin)
  const csv = await page.request.get('/admin/reports/export/participants-by-group.csv?preset=custom&from=2024-01-01&to=2024-12-31')
  expect(csv.status()).toBe(200)
  await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}`)
  const row = page.getByRole('table').getByRole('row').nth(1)
  await expect(row).toContainText('Report data exported')
  await expect(row).toContainText(/Format:\s*CSV/)
  await expect(row).toContainText(/Table:\s*Participants by stakeholder group/)
  await expect(row).toContainText(/Last day:\s*Dec 31, 2024/)
})

test('a learner downloads their data and deletes their account; the certificate then says so without the name, and report totals stay', async ({
  page,
  request,
  makeUser,
  signIn,
}) => {
  // Iceland: a country no other test uses, so the totals are this learner's alone.
  const learner = await makeUser({ displayName: 'Sigrún Jónsdóttir' })
  await db.user.update({ where: { id: learner.id }, data: { country: 'IS', organisation: 'Reykjavík School' } })
  await db.lessonProgress.create({ data: { userId: learner.id, courseSlug: 'introduction', lessonId: '01-welcome/01-why', completedAt: new Date('2022-05-02T10:00:00Z') } })
  await db.courseCompletion.create({ data: { userId: learner.id, courseSlug: 'introduction', completedAt: new Date('2022-05-03T10:00:00Z') } })
  const certificate = await issueCertificate(learner.id, 'introduction', 'course', new Date('2022-05-03T10:00:00Z'))
  const totals = async () => {
    const response = await request.get('/api/reports?preset=custom&from=2022-01-01&to=2022-12-31&country=IS', {
      headers: { Authorization: 'Bearer e2e-reports-token-0123456789abcdef' },
    })
    expect(response.status()).toBe(200)
    return response.json()
  }
  const before = await totals()
  expect(JSON.stringify(before)).toContain('"completions":1')

  await signIn(learner)
  await page.goto('/me/profile')
  await page.getByRole('link', { name: 'Your data' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all my data (JSON)' }).click()])
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'))
  expect(data).toMatchObject({ email: learner.email, displayName: 'Sigrún Jónsdóttir', organisation: 'Reykjavík School' })
  expect(data.certificates[0].id).toBe(certificate.id)
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my progress (CSV)' }).click()])
  const csv = fs.readFileSync((await csvDownload.path())!, 'utf8')
  expect(csv).toContain('Course,Lesson,First opened,Last seen,Completed,Minutes spent')
  expect(csv).toContain('2022-05-02')

  // Without the box ticked and with a wrong password: clear messages, nothing deleted.
  await page.getByLabel('Current password').fill('this is not it at all')
  await page.getByRole('button', { name: 'Delete my account' }).click()
  await expect(page.getByRole('checkbox')).toHaveAccessibleDescription(/Tick the box/)
  await page.getByRole('checkbox').check()
  await page.getByLabel('Current password').fill('this is not it at all')
  await page.getByRole('button', { name: 'Delete my account' }).click()
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(/not your current password/)

  await page.getByRole('checkbox').check()
  await page.getByLabel('Current password').fill(learner.password)
  await page.getByRole('button', { name: 'Delete my account' }).click()
  await expect(page).toHaveURL('/?deleted=1')
  await expect(page.getByRole('status')).toHaveText('Your account has been deleted. Thank you for learning with Trellis.')
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()

  // The certificate still verifies, issued to a deleted account, without the name.
  await page.goto(`/verify/${certificate.id}`)
  await expect(page.getByText('Valid certificate')).toBeVisible()
  await expect(page.getByText('Issued to a deleted account')).toBeVisible()
  await expect(page.locator('body')).not.toContainText('Sigrún')
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveCount(0)
  expect((await page.request.get(`/certificates/${certificate.id}/certificate.pdf`)).status()).toBe(410)

  // The report totals are what they were.
  expect(await totals()).toEqual(before)
  // And the old credentials no longer sign in.
  await signInWithForm(page, learner.email, learner.password)
  await expect(page.getByRole('alert')).toContainText('The email address or password is not right.')
})

test('the privacy page explains what is kept, and links to the data page', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible()
  for (const heading of ['What we keep', 'Why we keep it', 'Who sees it', 'When you delete your account']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  }
  await page.getByRole('link', { name: 'Download or delete your data' }).click()
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme%2Fdata/)
})

for (const lang of ['en', 'ar'] as const) {
  test(`the account, privacy and people pages are accessible (${lang}), with their messages showing`, async ({ page, context, baseURL, makeUser, signIn }) => {
    // Nine pages and states scanned in full: give it the time of three tests.
    test.slow()
    await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    const axe = async () => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
      expect(results.violations.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
    const learner = await makeUser()
    for (const path of ['/forgot-password', '/privacy', `/reset-password/${await createResetToken(learner.id)}`, '/reset-password/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) {
      await page.goto(path)
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
      await axe()
    }
    await page.goto('/forgot-password')
    await page.locator('#forgot button[type=submit]').click()
    await expect(page.locator('.field__error')).toBeVisible()
    await axe()

    const admin = await makeUser({ role: 'admin' })
    await signIn(admin)
    for (const path of ['/admin/users', `/admin/users/${learner.id}`, '/admin/audit']) {
      await page.goto(path)
      await axe()
    }
    await page.goto(`/admin/users/${learner.id}`)
    await page.locator('form:has(input[value=resetLink]) button').click()
    await expect(page.locator('.reset-link__url')).toBeVisible()
    await axe()
    await page.goto('/me/data')
    await page.locator('#delete-account button[type=submit]').click()
    await expect(page.locator('#delete-account .field__error')).toHaveCount(2)
    await axe()
  })
}

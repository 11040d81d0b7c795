import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { db } from '#app/utils/db.server.ts'
import { expect, test } from './fixtures.ts'

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** The figure on the "Cascade sessions" card, as a number (other tests may add baselines too). */
async function cascadeTotal(page: Page) {
  const card = page.getByRole('region', { name: 'Baseline participants by activity kind' }).getByRole('listitem').filter({ hasText: 'Cascade sessions' })
  return Number((await card.locator('.stat__value').innerText()).replace(/\D/g, ''))
}

test('an admin adds a baseline, sees it counted in its kind’s total, and deletes it', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'admin', displayName: 'Base Admin' }))
  await page.goto('/admin/baselines')
  await expect(page.getByRole('heading', { level: 1, name: 'Historic baselines' })).toBeVisible()
  await expect(page.getByText(/never counted as additional participants/)).toBeVisible()
  const before = await cascadeTotal(page)
  const note = `Annual report 2021, page ${Math.floor(Math.random() * 1e6)}`

  await page.getByLabel('Date of the count').fill('2021-12-31')
  await page.getByLabel('Activity kind', { exact: true }).selectOption({ label: 'Cascade sessions' })
  await page.getByLabel('Stakeholder group', { exact: true }).selectOption({ label: 'Parent or carer' })
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Malawi' })
  await page.getByLabel('Participants', { exact: true }).fill('0')
  await page.getByLabel('Note (optional)').fill(note)
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Add baseline' }).click(),
  ])
  expect(refused.status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText('Enter a number from 1 to 10,000,000.')
  await expect(page.getByLabel('Participants', { exact: true })).toHaveAccessibleDescription(/Enter a number from 1 to 10,000,000\./)
  await expect(page.getByLabel('Participants', { exact: true })).toBeFocused()
  // What was typed is kept.
  await expect(page.getByLabel('Date of the count')).toHaveValue('2021-12-31')
  await expect(page.getByLabel('Country', { exact: true })).toHaveValue('MW')

  await page.getByLabel('Participants', { exact: true }).fill('1,234')
  await page.getByRole('button', { name: 'Add baseline' }).click()
  await expect(page.getByRole('status')).toHaveText('Baseline added. It now counts in the totals from its date.')
  const row = page.getByRole('row').filter({ hasText: note })
  await expect(row.getByRole('cell')).toHaveText(['Dec 31, 2021', 'Cascade sessions', 'Parent or carer', 'Malawi', '1,234', note, /Delete/])
  expect(await cascadeTotal(page)).toBe(before + 1234)
  // The form is empty again, ready for the next one.
  await expect(page.getByLabel('Participants', { exact: true })).toHaveValue('')

  // Deleting asks first.
  const deleteButton = row.getByText('Delete', { exact: false }).first()
  await expect(row.getByRole('button', { name: 'Yes, delete it' })).toBeHidden()
  await deleteButton.click()
  await expect(row.getByText('Delete this baseline of 1,234 participants? The totals will no longer include them.')).toBeVisible()
  await row.getByRole('button', { name: 'Yes, delete it' }).click()
  await expect(page.getByRole('status')).toHaveText('Baseline deleted. The totals no longer include it.')
  await expect(page.getByRole('row').filter({ hasText: note })).toHaveCount(0)
  expect(await cascadeTotal(page)).toBe(before)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the form and the delete confirmation work as plain HTML', async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser({ role: 'admin' }))
    await page.goto('/admin/baselines')
    const note = `No-script entry ${Math.floor(Math.random() * 1e6)}`
    await page.getByLabel('Date of the count').fill('2020-06-30')
    await page.getByLabel('Activity kind', { exact: true }).selectOption({ label: 'Training of Trainers' })
    await page.getByLabel('Stakeholder group', { exact: true }).selectOption({ label: 'Educator' })
    await page.getByLabel('Country', { exact: true }).selectOption('KE')
    await page.getByLabel('Participants', { exact: true }).fill('25')
    await page.getByLabel('Note (optional)').fill(note)
    await page.getByRole('button', { name: 'Add baseline' }).click()
    await expect(page.getByText('Baseline added.')).toBeVisible()
    const row = page.getByRole('row').filter({ hasText: note })
    await expect(row).toContainText('Jun 30, 2020')
    await row.getByText('Delete', { exact: false }).first().click()
    await row.getByRole('button', { name: 'Yes, delete it' }).click()
    await expect(page.getByText('Baseline deleted.')).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: note })).toHaveCount(0)
  })
})

test('only admins may open the page', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'trainer' }))
  const response = await page.goto('/admin/baselines')
  expect(response?.status()).toBe(403)
})

for (const lang of ['en', 'ar'] as const) {
  // axe reads every one of the country list's 250 options: give it time on a busy machine.
  test(`accessibility (${lang}): the list, the open confirmation and the form with errors`, async ({ page, context, baseURL, makeUser, signIn }) => {
    test.setTimeout(90_000)
    await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    const admin = await makeUser({ role: 'admin', preferredLocale: lang })
    await signIn(admin)
    const note = `Axe ${lang} ${Math.floor(Math.random() * 1e6)}`
    await db.baseline.create({
      data: { asOf: new Date('2021-12-31T00:00:00Z'), activityKind: 'offline_activity', stakeholderGroup: 'educator', country: 'JO', participants: 320, note, createdById: admin.id },
    })
    await page.goto('/admin/baselines')
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr')
    const row = page.getByRole('row').filter({ hasText: note })
    await row.locator('summary').click()
    await expect(row.locator('.confirm-delete__panel')).toBeVisible()
    await expectNoAxeViolations(page)
    await page.locator('#baseline button[type=submit]').click()
    await expect(page.getByRole('alert')).toBeVisible()
    await expectNoAxeViolations(page)
    await db.baseline.deleteMany({ where: { note } })
  })
}

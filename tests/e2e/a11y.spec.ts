import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(summary).toEqual([])
}

for (const lang of ['en', 'ar'] as const) {
  test.describe(`accessibility (${lang})`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    })

    test('public pages', async ({ page }) => {
      for (const path of ['/', '/login', '/register', '/verify', '/no-such-page']) {
        await page.goto(path)
        await expect(page.locator('html')).toHaveAttribute('lang', lang)
        await expectNoAxeViolations(page)
      }
    })

    test('a form showing its errors', async ({ page }) => {
      await page.goto('/register')
      await page.getByRole('button').last().click()
      await expect(page.getByRole('alert')).toBeVisible()
      await expectNoAxeViolations(page)
    })

    test('the Open Badge check, with a field error and with a result', async ({ page }) => {
      await page.goto('/verify')
      await page.locator('#main form button[type=submit]').click()
      await expect(page.locator('.field__error')).toBeVisible()
      await expectNoAxeViolations(page)
      await page.locator('#credential-text').fill('{"issuer": "https://elsewhere.example/issuer"}')
      await page.locator('#main form button[type=submit]').click()
      await expect(page.getByRole('status')).toBeVisible()
      await expectNoAxeViolations(page)
    })

    test('signed-in pages, with the menus open', async ({ page, makeUser, signIn }) => {
      await signIn(await makeUser({ role: 'admin', displayName: 'Axe Admin' }))
      for (const path of ['/me', '/me/profile', '/admin', '/admin/trainers']) {
        await page.goto(path)
        await expectNoAxeViolations(page)
      }
      for (const summary of await page.locator('summary').all()) await summary.click()
      await expectNoAxeViolations(page)
    })
  })
}

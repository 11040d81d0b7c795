import { generateCertificateId } from '#app/certificates/certificate.ts'
import { db } from '#app/utils/db.server.ts'
import { expect, test } from './fixtures.ts'

async function makeCertificate(userId: string, recipientName: string) {
  return db.certificate.create({
    data: { id: generateCertificateId(), userId, courseSlug: 'introduction', recipientName, completedAt: new Date('2026-03-15T10:00:00Z') },
  })
}

test('an admin revokes a certificate with a reason, and the public page says so', async ({ page, browser, makeUser, signIn }) => {
  const learner = await makeUser({ displayName: 'Nadia Haddad' })
  const certificate = await makeCertificate(learner.id, 'Nadia Haddad')

  // A stranger, not signed in, sees it valid and cannot revoke it.
  const stranger = await browser.newPage()
  await stranger.goto(`/verify/${certificate.id}`)
  await expect(stranger.getByRole('status')).toHaveText(/Valid certificate/)
  await expect(stranger.getByText('March 15, 2026')).toBeVisible()
  await expect(stranger.getByRole('button', { name: 'Revoke certificate' })).toHaveCount(0)
  const forged = await stranger.request.post(`/verify/${certificate.id}`, { form: { reason: 'other' }, maxRedirects: 0 })
  expect(forged.status()).toBe(302)
  expect(forged.headers().location).toMatch(/^\/login/)

  await signIn(await makeUser({ role: 'admin' }))
  await page.goto(`/verify/${certificate.id}`)
  await page.getByLabel('Reason').selectOption({ label: 'Issued in error' })
  await page.getByRole('button', { name: 'Revoke certificate' }).click()
  await expect(page.getByRole('status')).toContainText('This certificate has been revoked')

  await stranger.reload()
  await expect(stranger.getByRole('status')).toContainText('This certificate has been revoked')
  await expect(stranger.getByRole('status')).toContainText('Issued in error')
  await stranger.close()
})

test('an unknown certificate number says so, with a 404', async ({ page }) => {
  const response = await page.goto('/verify/aaaaaaaaaaaaaaaaaaaaaaaa')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
})

test('the verification page passes an accessibility scan, in Arabic too', async ({ page, context, baseURL, makeUser }) => {
  const { AxeBuilder } = await import('@axe-core/playwright')
  const learner = await makeUser()
  const certificate = await makeCertificate(learner.id, 'سلمى بنعلي')
  for (const lang of ['en', 'ar']) {
    await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    await page.goto(`/verify/${certificate.id}`)
    await expect(page.getByText('سلمى بنعلي')).toBeVisible()
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
    expect(results.violations.map((v) => v.id)).toEqual([])
  }
})

import { chooseLanguage, expect, test } from './fixtures.ts'

test('switching to Arabic turns the page right to left, and the choice is remembered', async ({ page }) => {
  await page.goto('/courses')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await chooseLanguage(page, 'العربية')

  await expect(page).toHaveURL('/courses')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الدورات')

  // Another page, a fresh load: still Arabic (the cookie).
  await page.goto('/login')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  // The layout mirrors: the brand sits on the right of the header.
  const brand = await page.locator('.brand').boundingBox()
  const viewport = page.viewportSize()!
  expect(brand!.x).toBeGreaterThan(viewport.width / 2)
})

test('the browser’s language is used until someone chooses', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: { 'Accept-Language': 'fr-FR,fr;q=0.9' } })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('link', { name: 'Voir les cours' })).toBeVisible()
  await context.close()
})

test('a signed-in user’s choice is kept in their profile, for their other devices', async ({ browser, page, makeUser, signIn }) => {
  const user = await makeUser({ displayName: 'Profile Keeper' })
  await signIn(user)
  await page.goto('/me')
  await chooseLanguage(page, 'Español')
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mi aprendizaje')

  // A new device, no language cookie, an English browser: signing in brings Spanish.
  const other = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'en' } })
  const otherPage = await other.newPage()
  await otherPage.goto('/login')
  await otherPage.getByLabel('Email address').fill(user.email)
  await otherPage.getByLabel('Password').fill(user.password)
  await otherPage.getByRole('button', { name: 'Sign in' }).click()
  await expect(otherPage.locator('html')).toHaveAttribute('lang', 'es')
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText('Mi aprendizaje')
  await other.close()
})

test('the 404 page speaks the reader’s language', async ({ page }) => {
  const response = await page.goto('/no-such-page?lang=fr')
  expect(response?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a visitor can switch language and sign in', async ({ page, makeUser }) => {
    const user = await makeUser({ displayName: 'No Script' })
    await page.goto('/login')
    await chooseLanguage(page, 'Français')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await page.getByLabel('Adresse e-mail').fill(user.email)
    await page.getByLabel('Mot de passe').fill(user.password)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await expect(page).toHaveURL('/me')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon apprentissage')
  })
})

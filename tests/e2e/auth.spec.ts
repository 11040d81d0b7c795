import { expect, signOutThroughMenu, test } from './fixtures.ts'

test('a new learner registers, signs out and signs back in', async ({ page }) => {
  const email = `amina-${Date.now()}@example.org`
  await page.goto('/')
  await page.getByRole('link', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible()

  await page.getByLabel('Full name').fill('Amina Banda')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill('lake malawi sunrise')
  await page.getByLabel('Country').selectOption({ label: 'Malawi' })
  await page.getByLabel('Which group describes you best?').selectOption({ label: 'Educator' })
  await page.getByLabel('Organisation (optional)').fill('Chilinde Primary School')
  await page.getByRole('button', { name: 'Create account' }).click()

  await expect(page).toHaveURL('/me')
  await expect(page.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible()
  await expect(page.getByText('Chilinde Primary School')).toBeVisible()
  await expect(page.getByText(email)).toBeVisible()

  await signOutThroughMenu(page, 'Amina Banda')
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()

  await page.getByRole('link', { name: 'Sign in' }).click()
  await page.getByLabel('Email address').fill(email.toUpperCase())
  await page.getByLabel('Password').fill('lake malawi sunrise')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL('/me')
  await expect(page.getByText('Amina Banda').first()).toBeVisible()
})

test('registration problems are listed and shown beside each field, with input kept', async ({ page }) => {
  await page.goto('/register')
  await page.getByLabel('Full name').fill('Jo')
  await page.getByLabel('Email address').fill('not-an-address')
  await page.getByLabel('Password').fill('password123')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Create account' }).click(),
  ])
  expect(response.status()).toBe(400)

  const summary = page.getByRole('alert')
  await expect(summary.getByRole('heading', { name: 'There are 4 problems' })).toBeVisible()
  await expect(summary.getByRole('link', { name: 'Enter an email address like name@example.org.' })).toBeVisible()
  await expect(page.getByLabel('Email address')).toHaveAccessibleDescription(/Enter an email address like/)
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/too easy to guess/)
  await expect(page.getByLabel('Country')).toHaveAccessibleDescription('Choose your country.')
  // Focus moves to the first field with a problem; what was typed is kept,
  // and the server never sends a password back.
  await expect(page.getByLabel('Email address')).toBeFocused()
  await expect(page.getByLabel('Full name')).toHaveValue('Jo')
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-address')
  expect(await response.text()).not.toContain('password123')
})

test('an email address can hold only one account', async ({ page, makeUser }) => {
  const existing = await makeUser()
  await page.goto('/register')
  await page.getByLabel('Full name').fill('Someone Else')
  await page.getByLabel('Email address').fill(existing.email)
  await page.getByLabel('Password').fill('a different passphrase')
  await page.getByLabel('Country').selectOption('MA')
  await page.getByLabel('Which group describes you best?').selectOption('industry')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByLabel('Email address')).toHaveAccessibleDescription(/already exists/)
})

test('a wrong password gets a clear message and no session', async ({ page, makeUser }) => {
  const user = await makeUser()
  await page.goto('/login')
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password').fill('not the right password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('The email address or password is not right.')
  await expect(page).toHaveURL('/login')
  await page.goto('/me')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme/)
})

test('after ten failed attempts an account must wait, even with the right password', async ({ page, makeUser }) => {
  const user = await makeUser()
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await page.request.post('/login', {
      form: { email: user.email, password: `wrong guess ${attempt}` },
    })
    expect(response.status()).toBe(400)
  }
  await page.goto('/login')
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ])
  expect(response.status()).toBe(429)
  await expect(page.getByRole('alert')).toContainText(/Too many failed attempts\. Wait 15 minutes/)
  // Tools (and the browser) are told how long, in seconds.
  const again = await page.request.post('/login', { form: { email: user.email, password: user.password } })
  expect(again.status()).toBe(429)
  expect(Number(again.headers()['retry-after'])).toBeGreaterThan(800)
})

test('a visitor opening a private page signs in and is brought back to it', async ({ page, makeUser }) => {
  const admin = await makeUser({ role: 'admin', displayName: 'Programme Officer' })
  await page.goto('/admin')
  await expect(page).toHaveURL('/login?redirectTo=%2Fadmin')
  await page.getByLabel('Email address').fill(admin.email)
  await page.getByLabel('Password').fill(admin.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL('/admin')
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toBeVisible()
})

test('a learner gets 403 on the admin area, and sees no Admin link', async ({ page, makeUser, signIn }) => {
  const learner = await makeUser({ role: 'learner' })
  await signIn(learner)
  await page.goto('/me')
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0)
  const response = await page.goto('/admin')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible()
})

test('signing out ends the session on the server, not only in the browser', async ({ page, context, makeUser, signIn }) => {
  const user = await makeUser({ displayName: 'Leaving Learner' })
  await signIn(user)
  await page.goto('/me')
  const [cookie] = await context.cookies()
  await signOutThroughMenu(page, 'Leaving Learner')
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  // Putting the old cookie back does not bring the session back.
  await context.addCookies([cookie!])
  await page.goto('/me')
  await expect(page).toHaveURL(/\/login/)
})

test('the session cookie is HttpOnly and SameSite=Lax, and holds no user data', async ({ page, makeUser }) => {
  const user = await makeUser()
  await page.goto('/login')
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL('/me')
  const cookie = (await page.context().cookies()).find((c) => c.name === 'trellis_session')
  expect(cookie?.httpOnly).toBe(true)
  expect(cookie?.sameSite).toBe('Lax')
  expect(cookie?.value).toMatch(/^[a-z2-7]{32}$/)
  // About 30 days.
  const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000
  expect(days).toBeGreaterThan(29)
  expect(days).toBeLessThan(30.01)
})

test('a form posted from another site is refused', async ({ request, makeUser }) => {
  const user = await makeUser()
  const response = await request.post('/login', {
    form: { email: user.email, password: user.password },
    headers: { Origin: 'https://attacker.example', 'Sec-Fetch-Site': 'cross-site' },
    maxRedirects: 0,
  })
  expect(response.status()).toBe(403)
  expect(response.headers()['set-cookie']).toBeUndefined()
})

test('pages carry security headers and a nonce-based script policy', async ({ request }) => {
  const response = await request.get('/')
  const headers = response.headers()
  const csp = headers['content-security-policy'] ?? ''
  expect(csp).toMatch(/script-src 'strict-dynamic' 'nonce-[A-Za-z0-9+/=]+'/)
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).not.toContain('unsafe-inline\';script')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('same-origin')
  // Every inline script in the page carries this response's nonce.
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1]
  const html = await response.text()
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)]
  expect(scripts.length).toBeGreaterThan(0)
  for (const [, attributes] of scripts) expect(attributes).toContain(`nonce="${nonce}"`)
})

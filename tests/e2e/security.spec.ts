import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { db } from '#app/utils/db.server.ts'
import { E2E_OUTBOX_DIR } from './database.ts'
import { expect, test } from './fixtures.ts'

// Regression tests for what an outside probe of the running server found
// (issue 14): each sends what the attacker or the careless client sent.

const port = Number(process.env.E2E_PORT ?? 3100)

/** A raw HTTP request, headers and body exactly as given (Host included). */
function raw(options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    // The server may answer (413) and close before a large body is sent.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)))
    request.end(options.body)
  })
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const FORM = 'application/x-www-form-urlencoded'

function mailsTo(email: string) {
  if (!fs.existsSync(E2E_OUTBOX_DIR)) return []
  return fs
    .readdirSync(E2E_OUTBOX_DIR)
    .map((file) => fs.readFileSync(path.join(E2E_OUTBOX_DIR, file), 'utf8'))
    .filter((text) => text.includes(`To: ${email}`))
}

test('a report period reaching year 9999 is refused with a message, and the server goes on answering', async ({ page, makeUser, signIn, request }) => {
  await signIn(await makeUser({ role: 'admin' }))
  const response = await page.goto('/admin/reports?preset=custom&from=2024-01-01&to=9999-12-31')
  expect(response?.status()).toBe(400)
  await expect(page.getByText('Choose a last day no more than a year from today.').first()).toBeVisible()
  const api = await request.get('/api/reports?preset=custom&from=2024-01-01&to=9999-12-31', {
    headers: { Authorization: 'Bearer e2e-reports-token-0123456789abcdef' },
  })
  expect(api.status()).toBe(400)
  expect(await api.json()).toMatchObject({ problems: { to: 'reports.errors.tooLate' } })
  expect((await request.get('/')).status()).toBe(200)
})

test('a reset request sent with a foreign Host header mails no link to that host', async ({ makeUser }) => {
  const user = await makeUser()
  const poisoned = await raw({ path: '/forgot-password', headers: { Host: 'evil.example', 'Content-Type': FORM }, body: form({ email: user.email }) })
  expect(poisoned.status).toBe(200)
  const honest = await raw({ path: '/forgot-password', headers: { Host: `localhost:${port}`, 'Content-Type': FORM }, body: form({ email: user.email }) })
  expect(honest.status).toBe(200)
  await expect.poll(() => mailsTo(user.email).length).toBe(1)
  const mail = mailsTo(user.email).join('\n').replace(/=\r?\n/g, '')
  expect(mail).toContain(`http://localhost:${port}/reset-password/`)
  expect(mail).not.toContain('evil.example')
})

test('an admin’s download of a person’s data leaves out their private notes; their own keeps them', async ({ browser, baseURL, makeUser, signIn, page }) => {
  const learner = await makeUser()
  await db.reflectionNote.create({
    data: { userId: learner.id, courseSlug: 'introduction', lessonId: 'children-online/how-children-use-the-internet', reflectionId: 'what-children-enjoy', text: 'A private thought about my class' },
  })
  await signIn(await makeUser({ role: 'admin' }))
  const asAdmin = await page.request.get(`/admin/users/${learner.id}/data.json`)
  expect(asAdmin.status()).toBe(200)
  expect(await asAdmin.text()).not.toContain('A private thought')

  const own = await browser.newContext({ baseURL })
  const { SESSION_COOKIE, createSession } = await import('#app/auth/session.server.ts')
  const { token } = await createSession(learner.id)
  await own.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL! }])
  expect(await (await own.request.get('/me/data/trellis-my-data.json')).text()).toContain('A private thought')
  await own.close()
})

test('malformed requests are answered with a 4xx and a short message, never a 500', async () => {
  const login = (headers: Record<string, string>, body?: string) => raw({ path: '/login', headers: { Host: `localhost:${port}`, ...headers }, body })
  expect((await login({ 'Content-Type': 'text/plain' }, 'email=a')).status).toBe(415)
  expect((await login({ 'Content-Type': 'application/json' }, '{"email":"a"}')).status).toBe(415)
  expect((await login({}, 'email=a')).status).toBe(415)
  const broken = await login({ 'Content-Type': 'multipart/form-data; boundary=abc' }, '--xyz\r\nContent-Disposition: form-data\r\n\r\nbad')
  expect(broken).toMatchObject({ status: 400, body: 'The form could not be read.' })
  const mixed = await login({ 'Content-Type': FORM, 'Sec-Fetch-Site': 'same-origin', Origin: 'https://evil.example' }, form({ email: 'a@b.org', password: 'x' }))
  expect(mixed.status).toBe(403)
})

test('a Host header that is no host name gets a 400, not a 500', async () => {
  for (const host of ['exa%mple', '[zz', 'evil.example:99999']) {
    expect((await raw({ method: 'GET', path: '/', headers: { Host: host } })).status, host).toBe(400)
  }
})

test('a body over the limit is refused with 413 before it is read', async () => {
  const big = Buffer.alloc(5 * 1024 * 1024, 'a')
  const response = await raw({ path: '/login', headers: { Host: `localhost:${port}`, 'Content-Type': FORM, 'Content-Length': big.length }, body: big })
  expect(response.status).toBe(413)
})

test('the language switch sends people back to this site only, however the path is dressed up', async ({ request }) => {
  for (const redirectTo of ['/.//evil.example', '/%2e//evil.example', '/..//evil.example', '//evil.example', '/\\evil.example']) {
    const response = await request.post('/language', { form: { locale: 'fr', redirectTo }, maxRedirects: 0 })
    expect(response.status(), redirectTo).toBe(302)
    expect(response.headers().location, redirectTo).toBe('/')
  }
  const kept = await request.post('/language', { form: { locale: 'fr', redirectTo: '/courses?lang=es' }, maxRedirects: 0 })
  expect(kept.headers().location).toBe('/courses')
})

test('headers set by pages reach the browser; signed-in pages are private and not stored', async ({ request, page, makeUser, signIn }) => {
  for (const url of ['/reset-password/abcdefghijklmnopqrstuvwxyz234567', '/reset-password/abcdefghijklmnopqrstuvwxyz234567.data']) {
    const reset = await request.get(url)
    expect(reset.headers()['referrer-policy'], url).toBe('no-referrer')
    expect(reset.headers()['cache-control'], url).toBe('no-store')
  }
  await signIn(await makeUser())
  for (const url of ['/me', '/me.data', '/courses']) {
    expect((await page.request.get(url)).headers()['cache-control'], url).toBe('private, no-store')
  }
})

test('the reset link an admin makes for someone is not kept by any cache', async ({ page, makeUser, signIn }) => {
  const learner = await makeUser()
  await signIn(await makeUser({ role: 'admin' }))
  const response = await page.request.post(`/admin/users/${learner.id}`, { form: { intent: 'resetLink' } })
  expect(response.status()).toBe(200)
  expect(response.headers()['cache-control']).toBe('no-store')
})

test('notes are kept only for the reflection boxes a lesson has', async ({ page, makeUser, signIn }) => {
  const user = await makeUser()
  await signIn(user)
  const lesson = '/courses/introduction/children-online/how-children-use-the-internet'
  const invented = await page.request.post(lesson, { form: { intent: 'save-note', reflectionId: 'made-up-box', text: 'x'.repeat(100) } })
  expect(invented.status()).toBe(400)
  const real = await page.request.post(lesson, { form: { intent: 'save-note', reflectionId: 'what-children-enjoy', text: 'Games and videos' } })
  expect(real.status()).toBe(200)
  expect(await db.reflectionNote.findMany({ where: { userId: user.id }, select: { reflectionId: true } })).toEqual([{ reflectionId: 'what-children-enjoy' }])
})

test('a name with a right-to-left override is refused next to the field', async ({ page, makeUser, signIn }) => {
  const user = await makeUser({ displayName: 'Ali Banda' })
  await signIn(user)
  await page.goto('/me/profile')
  await page.getByLabel('Full name').fill('Ali\u202efdp.exe\u202c')
  await page.getByRole('button', { name: /save/i }).click()
  await expect(page.getByText('Remove the invisible control characters').first()).toBeVisible()
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName).toBe('Ali Banda')
})

import { readFile } from 'node:fs/promises'
import { generateCertificateId } from '#app/certificates/certificate.ts'
import { db } from '#app/utils/db.server.ts'
import { expect, test } from './fixtures.ts'

async function makeCertificate(userId: string, recipientName: string, data: { courseSlug?: string; kind?: string } = {}) {
  return db.certificate.create({
    data: {
      id: generateCertificateId(),
      userId,
      courseSlug: data.courseSlug ?? 'introduction',
      kind: data.kind ?? 'course',
      recipientName,
      completedAt: new Date('2026-03-15T10:00:00Z'),
    },
  })
}

test('a learner downloads their Open Badge; anyone can check it, and any change to it shows', async ({ page, browser, makeUser, signIn }) => {
  const learner = await makeUser({ displayName: 'Amélie Dubois' })
  const certificate = await makeCertificate(learner.id, 'Amélie Dubois')
  await signIn(learner)
  await page.goto(`/verify/${certificate.id}`)
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download Open Badge (JSON)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`trellis-open-badge-${certificate.id}.json`)
  const text = await readFile((await download.path())!, 'utf8')
  const credential = JSON.parse(text)
  expect(credential.type).toContain('OpenBadgeCredential')
  expect(text).not.toContain(learner.email)

  // A stranger (an employer, say) uploads the file without signing in.
  const stranger = await browser.newPage()
  await stranger.goto('/verify')
  await stranger.getByLabel('Or choose the file').setInputFiles({ name: 'badge.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await stranger.getByLabel("Recipient's email (optional)").fill(learner.email)
  await stranger.getByRole('button', { name: 'Check credential' }).click()
  const status = stranger.getByRole('status')
  await expect(status).toContainText('Valid credential')
  await expect(status).toContainText('Amélie Dubois')
  await expect(status).toContainText("The email you entered is the recipient's.")

  // The same credential with a different course name fails.
  const tampered = structuredClone(credential)
  tampered.credentialSubject.achievement.name = 'Advanced diploma'
  await stranger.getByLabel('Credential (JSON)').fill(JSON.stringify(tampered))
  await stranger.getByRole('button', { name: 'Check credential' }).click()
  await expect(stranger.getByRole('status')).toContainText('Not valid')
  await expect(stranger.getByRole('status')).not.toContainText('Amélie Dubois')

  // Once revoked, the untouched credential says so.
  await db.certificate.update({ where: { id: certificate.id }, data: { revokedAt: new Date(), revokedReason: 'issued_in_error' } })
  await stranger.getByLabel('Credential (JSON)').fill(text)
  await stranger.getByRole('button', { name: 'Check credential' }).click()
  await expect(stranger.getByRole('status')).toContainText('Genuine, but the certificate has been revoked')
  await expect(stranger.getByRole('status')).toContainText('Issued in error')
  await stranger.close()
})

test('the credential check explains bad input next to the field, with a 400', async ({ page }) => {
  await page.goto('/verify')
  await page.getByRole('button', { name: 'Check credential' }).click()
  await expect(page.getByText('Paste the credential, or choose its file.')).toBeVisible()
  await page.getByLabel('Credential (JSON)').fill('{ this is not json')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Check credential' }).click(),
  ])
  expect(response.status()).toBe(400)
  await expect(page.getByText('This is not a credential: it is not readable JSON.')).toBeVisible()
  await expect(page.getByLabel('Credential (JSON)')).toHaveAttribute('aria-invalid', 'true')
})

test('only the owner can download the credential; the issuer key is published', async ({ page, request, makeUser, signIn }) => {
  const owner = await makeUser()
  const certificate = await makeCertificate(owner.id, 'Owner')
  await signIn(await makeUser())
  const response = await page.request.get(`/certificates/${certificate.id}/credential.json`)
  expect(response.status()).toBe(404)

  const issuer = await request.get('/issuer')
  expect(issuer.ok()).toBe(true)
  const document = await issuer.json()
  expect(document.assertionMethod).toEqual([`${document.id}#key-1`])
  expect(document.verificationMethod[0]).toMatchObject({ type: 'Multikey', controller: document.id })
  expect(JSON.stringify(document)).not.toContain('secretKey')
})

test('after changing their name, a learner has a certificate reissued; the old one points to the new', async ({ page, makeUser, signIn }) => {
  const learner = await makeUser({ displayName: 'Grace Banda' })
  const certificate = await makeCertificate(learner.id, 'Grace Banda')
  await signIn(learner)
  await page.goto('/me/profile')
  await page.getByLabel('Full name').fill('Grace Phiri')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status')).toHaveText('Your profile has been saved.')
  await expect(page.getByRole('heading', { name: 'Certificates with your previous name' })).toBeVisible()
  await page.getByRole('link', { name: 'Introduction to child online protection' }).click()

  await expect(page.getByText('Your name is now “Grace Phiri”.', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Reissue with my current name' }).click()
  await expect(page).not.toHaveURL(new RegExp(certificate.id))
  await expect(page.getByRole('status')).toHaveText(/Valid certificate/)
  await expect(page.locator('#main').getByText('Grace Phiri')).toBeVisible()

  await page.goto(`/verify/${certificate.id}`)
  await expect(page.getByRole('status')).toContainText('This certificate has been replaced by a newer one')
  await page.getByRole('link', { name: 'See the current certificate' }).click()
  await expect(page.getByRole('status')).toHaveText(/Valid certificate/)
  await expect(page.locator('#main').getByText('Grace Phiri')).toBeVisible()
})

test('an admin records ToT workshop attendance; an educator who completed the course becomes a certified trainer', async ({ page, makeUser, signIn }) => {
  const educator = await makeUser({ displayName: 'Thandiwe Mwale' })
  await db.courseCompletion.create({ data: { userId: educator.id, courseSlug: 'tot-educators', completedAt: new Date('2026-04-01T10:00:00Z') } })
  await signIn(await makeUser({ role: 'admin' }))
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Trainer certification' }).click()

  // An unknown email is refused next to the field.
  await page.getByLabel("Educator's email address").fill('nobody@example.org')
  await page.getByRole('button', { name: 'Record attendance' }).click()
  await expect(page.getByText('No account uses this email address.', { exact: false }).last()).toBeVisible()

  await page.getByLabel("Educator's email address").fill(educator.email)
  await page.getByLabel('Workshop date').fill('2026-04-20')
  await page.getByRole('button', { name: 'Record attendance' }).click()
  await expect(page.getByRole('status')).toContainText('Thandiwe Mwale is now a certified trainer.')
  await expect(page.getByRole('row', { name: /Thandiwe Mwale/ })).toContainText('Certified trainer')

  await page.getByRole('link', { name: 'View the trainer certificate' }).click()
  await expect(page.getByRole('status')).toHaveText(/Valid certificate/)
  await expect(page.getByText(/^Certified trainer: Training of Trainers/)).toBeVisible()
  expect((await db.user.findUniqueOrThrow({ where: { id: educator.id } })).role).toBe('trainer')
})

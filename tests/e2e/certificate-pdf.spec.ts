import fs from 'node:fs'
import { generateCertificateId } from '#app/certificates/certificate.ts'
import { db } from '#app/utils/db.server.ts'
import { expect, test } from './fixtures.ts'
import { pdfText, printedVerifyUrl } from './pdf.ts'

/** A learner who has completed the introduction course and holds its certificate. */
async function completeIntroduction(userId: string, recipientName: string) {
  const completedAt = new Date('2026-03-15T10:00:00Z')
  await db.enrolment.create({ data: { userId, courseSlug: 'introduction', completedAt } })
  await db.courseCompletion.create({ data: { userId, courseSlug: 'introduction', completedAt } })
  return db.certificate.create({ data: { id: generateCertificateId(), userId, courseSlug: 'introduction', recipientName, completedAt } })
}

test('a learner downloads the PDF from My learning, and its printed address leads to the verification page', async ({ page, baseURL, makeUser, signIn }) => {
  const learner = await makeUser({ displayName: 'Amélie Dubois' })
  const certificate = await completeIntroduction(learner.id, 'Amélie Dubois')
  await signIn(learner)

  await page.goto('/me')
  const card = page.locator('.my-courses li').filter({ hasText: 'Introduction to child online protection' })
  const downloading = page.waitForEvent('download')
  await card.getByRole('link', { name: 'Download PDF' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`trellis-certificate-${certificate.id}.pdf`)
  const bytes = fs.readFileSync((await download.path())!)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')

  const text = await pdfText(bytes)
  expect(text).toContain('Amélie Dubois')
  expect(text).toContain('Introduction to child online protection')
  expect(text).toContain('Certificate of completion')
  // The short address printed under the QR code (the code holds the same).
  const printed = printedVerifyUrl(text)
  expect(printed).toBe(`${baseURL}/v/${certificate.id}`)

  // Anyone opening it, signed in or not, lands on the verification page.
  const stranger = await page.context().browser()!.newPage()
  await stranger.goto(printed!)
  await expect(stranger).toHaveURL(`/verify/${certificate.id}`)
  await expect(stranger.getByRole('status')).toHaveText(/Valid certificate/)
  await stranger.close()

  // The course page offers it too.
  await page.goto('/courses/introduction')
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', `/certificates/${certificate.id}/certificate.pdf`)
})

test('the PDF is public and in the reader’s language; unknown, malformed and revoked numbers are refused', async ({ request, makeUser }) => {
  const learner = await makeUser({ displayName: 'سلمى بنعلي' })
  const certificate = await completeIntroduction(learner.id, 'سلمى بنعلي')

  const response = await request.get(`/certificates/${certificate.id}/certificate.pdf?lang=ar`)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/pdf')
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="trellis-certificate-${certificate.id}.pdf"`)
  expect(response.headers()['cache-control']).toBe('private, max-age=300')
  const text = await pdfText(await response.body())
  expect(text).toContain('سلمى بنعلي')
  expect(text).toContain('شهادة إتمام')
  expect(text).toContain('مدخل إلى حماية الأطفال على الإنترنت')

  expect((await request.get('/certificates/aaaaaaaaaaaaaaaaaaaaaaaa/certificate.pdf')).status()).toBe(404)
  expect((await request.get('/certificates/not-a-number/certificate.pdf')).status()).toBe(404)
  const short = await request.get(`/v/${certificate.id.toUpperCase()}`, { maxRedirects: 0 })
  expect(short.status()).toBe(301)
  expect(short.headers().location).toBe(`/verify/${certificate.id}`)
  expect((await request.get('/v/not-a-number', { maxRedirects: 0 })).status()).toBe(404)

  await db.certificate.update({ where: { id: certificate.id }, data: { revokedAt: new Date(), revokedReason: 'issued_in_error' } })
  expect((await request.get(`/certificates/${certificate.id}/certificate.pdf`)).status()).toBe(410)
})

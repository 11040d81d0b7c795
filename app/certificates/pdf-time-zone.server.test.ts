import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { expect, test } from 'vitest'

// Dates are the programme's calendar days (PROGRAMME_TIME_ZONE), not the
// server's: a course completed late on 15 March in UTC was completed on
// 16 March in Auckland, and the certificate says so.
process.env.PROGRAMME_TIME_ZONE = 'Pacific/Auckland'
const { certificatePdf } = await import('./pdf.server.ts')

test('the completion date on a certificate is the programme’s day', async () => {
  const certificate = {
    id: 'tzzzzzzzzzzzzzzzzzzzzzzz',
    userId: 'u1',
    courseSlug: 'introduction',
    kind: 'course',
    recipientName: 'Aroha Ngata',
    completedAt: new Date('2026-03-15T23:30:00Z'),
    issuedAt: new Date('2026-03-15T23:30:00Z'),
    revokedAt: null,
    revokedReason: null,
    supersededBy: null,
  }
  const { bytes } = await certificatePdf(certificate, { locale: 'en', t: (key) => key, origin: 'https://learn.example.org' })
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise
  const text = (await (await doc.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ')
  await doc.destroy()
  expect(text).toContain('March 16, 2026')
  expect(text).not.toContain('March 15, 2026')
})

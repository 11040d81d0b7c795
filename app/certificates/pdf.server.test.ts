import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, test } from 'vitest'
import { qrPath, renderCertificatePdf, type CertificatePdfInput, type CertificatePdfLabels } from './pdf.server.ts'

const english: CertificatePdfLabels = {
  title: 'Certificate of completion',
  trainerTitle: 'Certified trainer',
  certifies: 'This certifies that',
  completed: 'has completed the course',
  trainerCompleted: 'has attended the workshop and completed the course',
  completedOn: 'Completed on',
  issuedBy: 'Issued by',
  number: 'Certificate number',
  check: 'Check this certificate at',
}

const arabic: CertificatePdfLabels = {
  title: 'شهادة إتمام',
  trainerTitle: 'شهادة مدرب معتمد',
  certifies: 'تمنح هذه الشهادة إلى',
  completed: 'تقديرًا لإتمام الدورة',
  trainerCompleted: 'تقديرًا لحضور ورشة العمل وإتمام الدورة',
  completedOn: 'تاريخ الإتمام',
  issuedBy: 'الجهة المانحة',
  number: 'رقم الشهادة',
  check: 'يمكن التحقق من هذه الشهادة على',
}

const id = 'abcdefghijklmnopqrstuvwx'
const input = (overrides: Partial<CertificatePdfInput> = {}): CertificatePdfInput => ({
  id,
  kind: 'course',
  recipientName: 'Amélie Dubois',
  course: { title: 'Introduction to child online protection', lang: 'en' },
  completedOn: 'March 15, 2026',
  issuer: 'Trellis',
  verifyUrl: `https://learn.example.org/v/${id}`,
  locale: 'en',
  labels: english,
  ...overrides,
})

type Item = { str: string; x: number; width: number }

/** What a PDF reader sees: pages, page size, text (pdf.js), metadata and embedded fonts (pdf-lib). */
async function read(bytes: Uint8Array) {
  // pdf.js may take ownership of the buffer, and the rendered bytes are shared (cached): give it a copy.
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise
  const page = await doc.getPage(1)
  const content = await page.getTextContent()
  const items: Item[] = content.items.flatMap((i) => ('str' in i && i.str ? [{ str: i.str, x: i.transform[4] as number, width: i.width }] : []))
  const { info } = await doc.getMetadata()
  const parsed = await PDFDocument.load(bytes, { updateMetadata: false })
  const fonts = parsed.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor') ? [object] : []))
    .map((descriptor) => String(descriptor.get(PDFName.of('FontName'))).replace(/^\/|-\d+$/g, ''))
  const [, , width, height] = page.view
  await doc.destroy()
  // pdf.js joins the runs of a line and, for a mostly right-to-left line, puts its letters back
  // in reading order. NFKC folds any Arabic presentation forms back to the plain letters.
  const text = items.map((i) => i.str).join(' ').normalize('NFKC')
  return { pages: doc.numPages, width, height, items, text, info, fonts: fonts.sort() }
}

describe('renderCertificatePdf', () => {
  test('prints a name without the bidi overrides and control characters that could disguise it', async () => {
    const pdf = await read(await renderCertificatePdf(input({ recipientName: 'Ali\u202efdp.exe\u202c\u0000' })))
    expect(pdf.text).toContain('Alifdp.exe')
    expect(pdf.text).not.toMatch(/[\u202a-\u202e\u0000]/)
  })

  test('is a one-page landscape A4 PDF with the name, course, date, issuer, number and verification URL', async () => {
    const bytes = await renderCertificatePdf(input())
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-')
    const pdf = await read(bytes)
    expect(pdf.pages).toBe(1)
    expect([pdf.width, pdf.height]).toEqual([842, 595])
    for (const expected of [
      'Trellis',
      'Certificate of completion',
      'This certifies that',
      'Amélie Dubois',
      'has completed the course',
      'Introduction to child online protection',
      'March 15, 2026',
      `https://learn.example.org/v/${id}`,
      id,
    ]) {
      expect(pdf.text).toContain(expected)
    }
    expect(pdf.info).toMatchObject({ Title: 'Certificate of completion – Amélie Dubois', Author: 'Trellis', Language: 'en' })
    // Only what the text needs: no Arabic, no Chinese (8 MB) font.
    expect(pdf.fonts).toEqual(['NotoSans-Regular', 'NotoSans-SemiBold'])
  })

  test.each([
    ['Cyrillic', 'Олена Коваленко', ['NotoSans-Regular', 'NotoSans-SemiBold']],
    ['Chinese', '王小明', ['NotoSans-Regular', 'NotoSans-SemiBold', 'NotoSansHans-Bold']],
    ['Arabic', 'سلمى بنعلي', ['NotoNaskhArabic-Bold', 'NotoSans-Regular', 'NotoSans-SemiBold']],
  ])('a name in %s script is drawn with a font that has it, and reads back', async (_script, name, fonts) => {
    const pdf = await read(await renderCertificatePdf(input({ recipientName: name })))
    // For Arabic this is a real check of the order: the glyphs are drawn right to left, and
    // pdf.js reads a right-to-left line back into reading order. Had they been drawn in
    // reading order from left to right, the name would come back reversed.
    expect(pdf.text).toContain(name)
    expect(pdf.fonts).toEqual(fonts)
  })

  test('the text of each PDF reads exactly as the name was typed, whatever PDFs were made before it', async () => {
    const names = ['Åsa Ødegård-Ñúñez', 'Alexandrina', 'سلمى بنعلي', 'Александра Петрова', '王小明', 'Alexandrina Åberg', 'Amélie', 'عبد الله']
    for (const name of names) {
      const pdf = await read(await renderCertificatePdf(input({ id: `abcdefghijklmnopqrstu${names.indexOf(name)}xy`.slice(0, 24), recipientName: name })))
      expect(pdf.items.map((i) => i.str.normalize('NFKC')), name).toContain(name.normalize('NFKC'))
    }
  })

  test('an Arabic certificate has Arabic labels, and its layout is mirrored', async () => {
    const pdf = await read(
      await renderCertificatePdf(
        input({
          locale: 'ar',
          labels: arabic,
          recipientName: 'سلمى بنعلي',
          course: { title: 'مدخل إلى حماية الأطفال على الإنترنت', lang: 'ar' },
          completedOn: '15 مارس 2026',
        }),
      ),
    )
    const { title, certifies, completed, completedOn, issuedBy, number, check } = arabic
    // Lam-alef ligatures (لإ in لإتمام, لأ in الأطفال) included: one glyph for two letters, read back in order.
    for (const expected of [title, certifies, 'سلمى بنعلي', completed, 'مدخل إلى حماية الأطفال على الإنترنت', check, number, completedOn, issuedBy]) {
      expect(pdf.text).toContain(expected)
    }
    expect(pdf.text).toContain(`https://learn.example.org/v/${id}`)
    expect(pdf.info).toMatchObject({ Language: 'ar' })
    // The QR code and "check this certificate at" sit at the start side: the right in Arabic.
    const middle = (item: Item | undefined) => item!.x + item!.width / 2
    expect(middle(pdf.items.find((i) => i.str.includes('https://')))).toBeGreaterThan(842 / 2)
    const english = await read(await renderCertificatePdf(input()))
    expect(middle(english.items.find((i) => i.str.includes('https://')))).toBeLessThan(842 / 2)
  })

  test('a trainer certificate says so', async () => {
    const pdf = await read(await renderCertificatePdf(input({ kind: 'trainer' })))
    expect(pdf.text).toContain('Certified trainer')
    expect(pdf.text).toContain('has attended the workshop and completed the course')
    expect(pdf.text).not.toContain('Certificate of completion')
  })

  test('long names and course titles shrink or wrap to stay inside the frame', async () => {
    const title =
      'Child rights and business in the digital environment: protecting children in telecommunications, technology and media, a practical guide for compliance officers, product teams and trust and safety staff'
    const recipientName = 'Maria Fernanda de los Ángeles Castillo-Rodríguez y Villanueva de la Santísima Trinidad'
    const pdf = await read(await renderCertificatePdf(input({ recipientName, course: { title, lang: 'en' } })))
    for (const word of [...title.split(' '), ...recipientName.split(' ')]) expect(pdf.text).toContain(word)
    for (const item of pdf.items) {
      expect(item.x, item.str).toBeGreaterThanOrEqual(30)
      expect(item.x + item.width, item.str).toBeLessThanOrEqual(842 - 30)
    }
  })

  test('the same certificate in the same language is drawn once', async () => {
    const first = await renderCertificatePdf(input({ recipientName: 'Cached Once' }))
    const again = await renderCertificatePdf(input({ recipientName: 'Cached Once' }))
    expect(again).toBe(first)
    const french = await renderCertificatePdf(input({ recipientName: 'Cached Once', locale: 'fr' }))
    expect(french).not.toBe(first)
  })
})

describe('qrPath', () => {
  test('draws the modules of the URL as rectangles, starting with a finder pattern', () => {
    const { d, size } = qrPath(`https://learn.example.org/v/${id}`)
    // Version 4 (33 modules) holds a URL of this length at level M.
    expect(size).toBe(33)
    expect(d.startsWith('M0 0h7v1h-7z')).toBe(true)
  })
})

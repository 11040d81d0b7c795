import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, test } from 'vitest'
import { layoutReport, renderReportPdf, type ReportPdfInput } from './report-pdf.server.ts'

const english: ReportPdfInput = {
  locale: 'en',
  issuer: 'Trellis',
  heading: 'Programme report, 1 January 2023 – 31 December 2023',
  scope: 'All figures are for Malawi only.',
  resultsLabel: 'The following results were achieved:',
  sentences: [
    '200 additional parents, carers and educators participated in training and capacity-building activities (total of 1,700 participants by 31 December 2023).',
    '2 additional countries, Kenya and Malawi, benefited from Training of Trainers for educators (total of 5 countries by 31 December 2023).',
  ],
  generated: 'Figures from Trellis on 2 January 2024; days in the UTC time zone.',
}

const arabic: ReportPdfInput = {
  ...english,
  locale: 'ar',
  heading: 'تقرير البرنامج للفترة من 1 يناير 2023 إلى 31 ديسمبر 2023',
  scope: 'تقتصر جميع الأرقام على: ملاوي.',
  resultsLabel: 'تحققت النتائج التالية:',
  sentences: ['استفاد بلدان إضافيان (كينيا وملاوي) من تدريب المدربين الموجَّه إلى المربّين (ليصل إجمالي عدد البلدان إلى 5 حتى 31 ديسمبر 2023).'],
}

/** Each page's lines of text as a PDF reader sees them, and where they start. */
async function read(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise
  const pages: { text: string; items: { str: string; x: number; width: number }[] }[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    const items = content.items.flatMap((i) => ('str' in i && i.str ? [{ str: i.str, x: i.transform[4] as number, width: i.width }] : []))
    pages.push({ text: items.map((i) => i.str).join(' ').normalize('NFKC').replace(/\s+/g, ' '), items })
  }
  const { info } = await doc.getMetadata()
  await doc.destroy()
  return { pages, info }
}

describe('the programme report as PDF', () => {
  test('an A4 page with the heading, the scope and every sentence, wrapped in full', async () => {
    const pdf = await read(await renderReportPdf(english))
    expect(pdf.pages).toHaveLength(1)
    const text = pdf.pages[0]!.text
    for (const part of [english.heading, english.scope!, english.resultsLabel, ...english.sentences, english.generated]) expect(text).toContain(part)
    expect(pdf.info).toMatchObject({ Title: english.heading, Language: 'en' })
  })

  test('in Arabic, the text reads right to left from the right margin', async () => {
    const pdf = await read(await renderReportPdf(arabic))
    expect(pdf.pages[0]!.text).toContain('تقرير البرنامج للفترة من')
    expect(pdf.pages[0]!.text).toContain('تدريب المدربين')
    const heading = pdf.pages[0]!.items.find((i) => i.str.includes('تقرير'))!
    expect(heading.x + heading.width).toBeGreaterThan(595 - 64 - 2)
  })

  test('a long report goes on to further pages, with nothing lost', () => {
    const many = { ...english, sentences: Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1}: ${english.sentences[0]}`) }
    const pages = layoutReport(many)
    expect(pages.length).toBeGreaterThan(1)
    // Every sentence starts with a bullet, and every line stays within the page's margins.
    expect(pages.reduce((n, p) => n + p.bullets.length, 0)).toBe(40)
    for (const page of pages) for (const line of page.lines) expect(line.y).toBeGreaterThanOrEqual(64)
  })
})

import { PDFDocument, rgb } from 'pdf-lib'
import { cachedFontkit, clean, drawLines, embedLineFonts, place, wrap, type Box, type Direction, type PlacedLine, type TextStyle, type Weight } from '#app/certificates/pdf-text.server.ts'
import { localeDirection } from '#app/i18n/config.ts'

// The programme report as a PDF made on the server (A4 portrait), in the
// admin's language and direction: what the report page prints, without a
// browser. Text is laid out by the certificate's engine (pdf-text.server.ts),
// so Arabic is shaped and ordered right to left, and names in other scripts
// keep theirs.

export type ReportPdfInput = {
  locale: string
  issuer: string
  heading: string
  scope: string | null
  resultsLabel: string
  sentences: string[]
  generated: string
}

const PAGE = { width: 595, height: 842 }
const MARGIN = { top: 64, bottom: 64, side: 64 }
const COLORS = {
  text: rgb(0x1f / 255, 0x23 / 255, 0x28 / 255),
  muted: rgb(0x4f / 255, 0x58 / 255, 0x62 / 255),
  accent: rgb(0x15 / 255, 0x61 / 255, 0x6d / 255),
}
const BULLET_INDENT = 18

type Bullet = { x: number; y: number }
type PagePlan = { lines: PlacedLine[]; bullets: Bullet[] }

/** Lines placed top to bottom, page by page: a paragraph that does not fit goes on, line by line, on the next page. */
export function layoutReport(input: ReportPdfInput) {
  const direction: Direction = localeDirection(input.locale)
  const pages: PagePlan[] = [{ lines: [], bullets: [] }]
  let y = PAGE.height - MARGIN.top
  const full: Box = { left: MARGIN.side, right: PAGE.width - MARGIN.side }
  const newPage = () => {
    pages.push({ lines: [], bullets: [] })
    y = PAGE.height - MARGIN.top
  }
  const paragraph = (text: string, style: TextStyle & { box?: Box; lineHeight?: number; before?: number; after?: number; bullet?: boolean }) => {
    const box = style.box ?? full
    y -= style.before ?? 0
    const lines = wrap(clean(text), direction, style.weight, style.size, box.right - box.left)
    lines.forEach((line, i) => {
      if (y - style.size < MARGIN.bottom) newPage()
      y -= style.size
      const page = pages.at(-1)!
      page.lines.push(place(line, { ...style, y, box, align: 'start', direction, page: direction }))
      if (style.bullet && i === 0) page.bullets.push({ x: direction === 'ltr' ? full.left + 5 : full.right - 5, y: y + style.size * 0.33 })
      y -= style.size * ((style.lineHeight ?? 1.35) - 1)
    })
    y -= style.after ?? 0
  }
  const regular = (size: number, color = COLORS.text) => ({ size, weight: 'regular' as Weight, color })
  const bold = (size: number, color = COLORS.text) => ({ size, weight: 'bold' as Weight, color })

  paragraph(input.issuer, { ...regular(10.5, COLORS.muted), after: 10 })
  paragraph(input.heading, { ...bold(18, COLORS.accent), lineHeight: 1.25, after: 6 })
  if (input.scope) paragraph(input.scope, { ...regular(10.5, COLORS.muted), after: 4 })
  paragraph(input.resultsLabel, { ...bold(13), before: 14, after: 8 })
  const sentenceBox: Box = direction === 'ltr' ? { left: full.left + BULLET_INDENT, right: full.right } : { left: full.left, right: full.right - BULLET_INDENT }
  for (const sentence of input.sentences) paragraph(sentence, { ...regular(11.5), box: sentenceBox, lineHeight: 1.45, after: 8, bullet: true })
  paragraph(input.generated, { ...regular(9, COLORS.muted), before: 16 })
  return pages
}

/** The programme report as a PDF file. */
export async function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array<ArrayBuffer>> {
  const pages = layoutReport(input)
  const doc = await PDFDocument.create()
  doc.registerFontkit(cachedFontkit)
  doc.setTitle(clean(input.heading), { showInWindowTitleBar: true })
  doc.setAuthor(input.issuer)
  doc.setLanguage(input.locale)
  doc.setCreator('Trellis')
  doc.setProducer('Trellis')
  const fonts = await embedLineFonts(
    doc,
    pages.flatMap((p) => p.lines),
  )
  for (const plan of pages) {
    const page = doc.addPage([PAGE.width, PAGE.height])
    for (const bullet of plan.bullets) page.drawCircle({ x: bullet.x, y: bullet.y, size: 2.2, color: COLORS.accent })
    drawLines(page, plan.lines, fonts)
  }
  // pdf-lib's bytes live in a plain ArrayBuffer; its types predate the distinction.
  return (await doc.save()) as Uint8Array<ArrayBuffer>
}

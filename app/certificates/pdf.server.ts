import { LineCapStyle, PDFDocument, rgb, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'
import { MARK } from '#app/components/trellis-mark.ts'
import { findCourse } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import { localeDirection, type Locale } from '#app/i18n/config.ts'
import { env } from '#app/utils/env.server.ts'
import { withoutControlCharacters } from '#app/utils/text.ts'
import {
  cachedFontkit,
  clean,
  drawLines,
  embedLineFonts,
  fitParagraph,
  fitSize,
  place,
  type Align,
  type Box,
  type Direction,
  type PlacedLine,
  type TextStyle,
} from './pdf-text.server.ts'
import { textDirection } from './text-runs.ts'

// The printable certificate: one landscape A4 page drawn with pdf-lib, in the
// reader's language, mirrored for right-to-left languages, with a QR code of
// the short verification URL. Text is laid out by pdf-text.server.ts (Noto
// fonts, subset into each file; the Chinese one only when the text needs it).

export type CertificatePdfLabels = {
  /** "Certificate of completion" */
  title: string
  /** "Certified trainer" */
  trainerTitle: string
  /** "This certifies that" */
  certifies: string
  /** "has completed the course" */
  completed: string
  /** "has attended the workshop and completed the course" */
  trainerCompleted: string
  completedOn: string
  issuedBy: string
  number: string
  /** "Check this certificate at" */
  check: string
}

export type CertificatePdfInput = {
  id: string
  kind: 'course' | 'trainer'
  recipientName: string
  course: { title: string; lang: string }
  /** The completion date, formatted for the locale. */
  completedOn: string
  issuer: string
  /** The short verification URL, printed and in the QR code. */
  verifyUrl: string
  locale: string
  labels: CertificatePdfLabels
}

/** The PDF's labels in the reader's language. */
export function certificatePdfLabels(t: (key: string) => string): CertificatePdfLabels {
  const keys = ['title', 'trainerTitle', 'certifies', 'completed', 'trainerCompleted', 'completedOn', 'issuedBy', 'number', 'check'] as const
  return Object.fromEntries(keys.map((key) => [key, t(`certificatePdf.${key}`)])) as CertificatePdfLabels
}

type CertificateRow = { id: string; kind: string; courseSlug: string; recipientName: string; completedAt: Date }

/**
 * A certificate's PDF in the reader's language: what its verification page
 * shows (name, course, date, issuer, number), with `origin` + `/v/<id>` printed
 * and in the QR code.
 */
export async function certificatePdf(certificate: CertificateRow, o: { locale: Locale; t: (key: string) => string; origin: string }) {
  const course = findCourse(certificate.courseSlug)
  const title = course ? pickLocalized(course.meta.title, o.locale, course.meta.defaultLocale) : null
  const bytes = await renderCertificatePdf({
    id: certificate.id,
    kind: certificate.kind === 'trainer' ? 'trainer' : 'course',
    recipientName: certificate.recipientName,
    course: title ? { title: title.value, lang: title.locale } : { title: certificate.courseSlug, lang: o.locale },
    completedOn: new Intl.DateTimeFormat(o.locale, { dateStyle: 'long', timeZone: env.PROGRAMME_TIME_ZONE }).format(certificate.completedAt),
    issuer: env.ISSUER_NAME,
    verifyUrl: `${o.origin}/v/${certificate.id}`,
    locale: o.locale,
    labels: certificatePdfLabels(o.t),
  })
  return { bytes, fileName: `trellis-certificate-${certificate.id}.pdf` }
}

// ---------------------------------------------------------------------------
// Layout: measured with the parsed fonts, drawn once every font is embedded.

const PAGE = { width: 842, height: 595 } // A4 landscape, in points
const COLORS = {
  text: rgb(0x1f / 255, 0x23 / 255, 0x28 / 255),
  muted: rgb(0x4f / 255, 0x58 / 255, 0x62 / 255),
  accent: rgb(0x15 / 255, 0x61 / 255, 0x6d / 255),
  warm: rgb(0xb8 / 255, 0x6e / 255, 0x12 / 255),
  rule: rgb(0xc9 / 255, 0xc4 / 255, 0xb8 / 255),
}

/** Baselines from the bottom of the page, top to bottom. */
const Y = { wordmark: 510, heading: 450, certifies: 404, name: 350, rule: 320, completed: 288 }

/** The QR code's dark modules as one path, a rectangle per horizontal stretch, in module units. */
export function qrPath(text: string) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  let d = ''
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; ) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      let end = col
      while (end < modules.size && modules.get(row, end)) end++
      d += `M${col} ${row}h${end - col}v1h${col - end}z`
      col = end
    }
  }
  return { d, size: modules.size }
}

function layout(input: CertificatePdfInput) {
  const page: Direction = localeDirection(input.locale)
  const labels = input.labels
  const lines: PlacedLine[] = []
  const center = PAGE.width / 2
  const body: Box = { left: 100, right: PAGE.width - 100 }
  const text = (value: string, o: TextStyle & { y: number; box?: Box; align?: Align; direction?: Direction }) =>
    lines.push(place(value, { box: body, align: 'center', direction: page, page, ...o }))

  // Heading, recipient, course.
  const heading = clean(input.kind === 'trainer' ? labels.trainerTitle : labels.title)
  text(heading, { y: Y.heading, size: fitSize(heading, page, 'bold', 28, 16, 640), weight: 'bold', color: COLORS.accent })
  text(clean(labels.certifies), { y: Y.certifies, size: 13, weight: 'regular', color: COLORS.muted })
  // The name: large on one line; a very long one on two lines rather than tiny.
  const name = clean(input.recipientName)
  const nameDirection = textDirection(name)
  const nameStyle = { weight: 'bold' as const, color: COLORS.text, direction: nameDirection }
  const oneLine = fitSize(name, nameDirection, 'bold', 38, 12, 640)
  if (oneLine >= 24) text(name, { ...nameStyle, y: Y.name, size: oneLine })
  else {
    const two = fitParagraph(name, { direction: nameDirection, weight: 'bold', size: 24, min: 12, width: 640, maxLines: 2 })
    two.lines.forEach((line, i) => text(line, { ...nameStyle, y: Y.name + ((two.lines.length - 1) / 2 - i) * two.size * 1.2, size: two.size }))
  }
  text(clean(input.kind === 'trainer' ? labels.trainerCompleted : labels.completed), { y: Y.completed, size: 13, weight: 'regular', color: COLORS.muted })

  // The course title: on up to two lines, else three in smaller type; from the top down.
  const courseDirection = localeDirection(input.course.lang)
  const courseTitle = clean(input.course.title)
  const paragraph = { direction: courseDirection, weight: 'bold' as const, width: 620 }
  const twoLines = fitParagraph(courseTitle, { ...paragraph, size: 21, min: 16, maxLines: 2 })
  const course = twoLines.lines.length <= 2 ? twoLines : fitParagraph(courseTitle, { ...paragraph, size: 16, min: 11, maxLines: 3 })
  let y = Y.completed - 14 - course.size * 0.9
  for (const line of course.lines) {
    text(line, { y, size: course.size, weight: 'bold', color: COLORS.text, direction: courseDirection })
    y -= course.size * 1.3
  }

  // Bottom panel: the QR code and where to check at the start side; date and issuer at the end side.
  const mirror = (left: number, width: number) => (page === 'ltr' ? left : PAGE.width - left - width)
  const qr = { x: mirror(64, 84), y: 60, size: 84 }
  const checkBox: Box = page === 'ltr' ? { left: 162, right: 440 } : { left: PAGE.width - 440, right: PAGE.width - 162 }
  const start = { box: checkBox, align: 'start' as const }
  text(clean(labels.check), { ...start, y: 128, size: 10, weight: 'regular', color: COLORS.muted })
  const url = input.verifyUrl
  text(url, { ...start, y: 112, size: fitSize(url, 'ltr', 'bold', 10.5, 6, 278), weight: 'bold', color: COLORS.accent, direction: 'ltr' })
  text(clean(labels.number), { ...start, y: 86, size: 9.5, weight: 'regular', color: COLORS.muted })
  text(input.id, { ...start, y: 72, size: 10, weight: 'regular', color: COLORS.text, direction: 'ltr' })

  const columns = [
    { label: labels.completedOn, value: input.completedOn, left: 470 },
    { label: labels.issuedBy, value: input.issuer, left: 630 },
  ]
  const rules: { x1: number; x2: number; y: number }[] = []
  for (const column of columns) {
    const box: Box = { left: mirror(column.left, 150), right: mirror(column.left, 150) + 150 }
    rules.push({ x1: box.left, x2: box.right, y: 122 })
    text(clean(column.label), { box, y: 106, size: 9.5, weight: 'regular', color: COLORS.muted })
    const value = clean(column.value)
    const valueDirection = textDirection(value)
    const fitted = fitParagraph(value, { direction: valueDirection, weight: 'regular', size: 12, min: 8, width: 150, maxLines: 2 })
    fitted.lines.forEach((line, i) =>
      text(line, { box, y: 88 - i * fitted.size * 1.25, size: fitted.size, weight: 'regular', color: COLORS.text, direction: valueDirection }),
    )
  }

  // The wordmark: the mark on the start side of the word, as in the site header.
  const word = place('Trellis', { box: body, align: 'center', direction: 'ltr', page: 'ltr', y: Y.wordmark, size: 18, weight: 'bold', color: COLORS.text })
  const wordWidth = word.runs.reduce((sum, r) => sum + r.width, 0)
  const markSize = 24
  const groupLeft = center - (wordWidth + markSize + 6) / 2
  const markX = page === 'ltr' ? groupLeft : groupLeft + wordWidth + 6
  const wordX = page === 'ltr' ? groupLeft + markSize + 6 : groupLeft
  for (const run of word.runs) run.x = wordX + (run.x - word.runs[0]!.x)
  lines.push(word)

  return { lines, qr, rules, mark: { x: markX, y: Y.wordmark + 21, size: markSize }, heading }
}

// ---------------------------------------------------------------------------
// Drawing.

async function draw(input: CertificatePdfInput) {
  const plan = layout(input)
  const doc = await PDFDocument.create()
  doc.registerFontkit(cachedFontkit)
  const title = `${plan.heading} – ${clean(input.recipientName)}`
  doc.setTitle(title, { showInWindowTitleBar: true })
  doc.setAuthor(input.issuer)
  doc.setSubject(clean(input.course.title))
  doc.setLanguage(input.locale)
  doc.setCreator('Trellis')
  doc.setProducer('Trellis')
  doc.setKeywords([input.id])

  // Only the fonts some run uses are embedded, each as a subset.
  const fonts = await embedLineFonts(doc, plan.lines)

  const page = doc.addPage([PAGE.width, PAGE.height])
  drawFrame(page)
  for (const rule of plan.rules) {
    page.drawLine({ start: { x: rule.x1, y: rule.y }, end: { x: rule.x2, y: rule.y }, thickness: 0.6, color: COLORS.rule })
  }
  drawMark(page, plan.mark)
  drawLines(page, plan.lines, fonts)
  const qr = qrPath(input.verifyUrl)
  page.drawSvgPath(qr.d, { x: plan.qr.x, y: plan.qr.y + plan.qr.size, scale: plan.qr.size / qr.size, color: COLORS.text })
  // pdf-lib's bytes live in a plain ArrayBuffer; its types predate the distinction.
  return (await doc.save()) as Uint8Array<ArrayBuffer>
}

function drawFrame(page: PDFPage) {
  const outer = 22
  const inner = 29
  page.drawRectangle({ x: outer, y: outer, width: PAGE.width - 2 * outer, height: PAGE.height - 2 * outer, borderColor: COLORS.accent, borderWidth: 1.6 })
  page.drawRectangle({ x: inner, y: inner, width: PAGE.width - 2 * inner, height: PAGE.height - 2 * inner, borderColor: COLORS.accent, borderWidth: 0.5, borderOpacity: 0.6 })
  // A short rule with a small diamond under the name.
  const y = Y.rule
  const cx = PAGE.width / 2
  page.drawLine({ start: { x: cx - 130, y }, end: { x: cx - 8, y }, thickness: 0.6, color: COLORS.rule })
  page.drawLine({ start: { x: cx + 8, y }, end: { x: cx + 130, y }, thickness: 0.6, color: COLORS.rule })
  page.drawSvgPath('M0 -3.5L3.5 0L0 3.5L-3.5 0z', { x: cx, y, color: COLORS.warm })
}

function drawMark(page: PDFPage, mark: { x: number; y: number; size: number }) {
  const scale = mark.size / 24
  const at = { x: mark.x, y: mark.y, scale }
  page.drawSvgPath(MARK.frame, { ...at, borderColor: COLORS.accent, borderWidth: 1.6, borderLineCap: LineCapStyle.Round })
  page.drawSvgPath(MARK.lattice, { ...at, borderColor: COLORS.accent, borderWidth: 1.1, borderLineCap: LineCapStyle.Round })
  page.drawSvgPath(MARK.leaf, { ...at, color: COLORS.warm })
}

// ---------------------------------------------------------------------------
// A small in-memory cache of finished files: the same certificate in the same
// language is drawn once. Nothing in the file depends on its status (revoked
// certificates are refused before this), so entries never go stale.

const CACHE_SIZE = 100
const cache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>()

/** The certificate as a PDF file (one landscape A4 page). The bytes are shared: do not modify them. */
export function renderCertificatePdf(given: CertificatePdfInput): Promise<Uint8Array<ArrayBuffer>> {
  // The name is one line of its own, laid out by its own direction; characters
  // that could reorder it (bidi overrides) or hide in it are left out.
  const input = { ...given, recipientName: withoutControlCharacters(given.recipientName) }
  const key = JSON.stringify(input)
  const hit = cache.get(key)
  if (hit) {
    // Most recently used last.
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const pending = draw(input)
  cache.set(key, pending)
  pending.catch(() => cache.delete(key))
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return pending
}

/** Draws without the cache (benchmarks). */
export const renderCertificatePdfUncached = draw

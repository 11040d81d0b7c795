import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib'
import { visualRuns, type FontFamily, type TextRun } from './text-runs.ts'

// Text in PDF files made with pdf-lib, in any of Trellis's scripts: the Noto
// fonts (Sans for Latin, Greek and Cyrillic, Naskh Arabic, Sans Hans for
// Chinese) parsed once per process, lines cut into runs by script and bidi
// level (text-runs.ts) and measured, wrapped and placed in a box, then drawn
// with only the fonts they use, each subset into the file. The certificate
// (pdf.server.ts) and the programme report (app/reporting/report-pdf.server.ts)
// are drawn with it.

// ---------------------------------------------------------------------------
// Fonts: read and parsed once per process, kept in memory.

export type Weight = 'regular' | 'bold'

const FONT_FILES: Record<FontFamily, { pkg: string; files: Record<Weight, string> }> = {
  latin: { pkg: '@embedpdf/fonts-latin', files: { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-SemiBold.ttf' } },
  arabic: { pkg: '@embedpdf/fonts-arabic', files: { regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' } },
  cjk: { pkg: '@embedpdf/fonts-sc', files: { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } },
}

type FontkitFont = ReturnType<typeof fontkit.create>
type LoadedFont = { bytes: Uint8Array; font: FontkitFont }

const nodeRequire = createRequire(import.meta.url)
const loadedFonts = new Map<string, LoadedFont>()
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>()

/** The font packages export only their code, not package.json: their fonts sit in `fonts/` beside `dist/`. */
function fontFile(family: FontFamily, weight: Weight) {
  const { pkg, files } = FONT_FILES[family]
  return path.join(path.dirname(nodeRequire.resolve(pkg)), '..', 'fonts', files[weight])
}

export function loadFont(family: FontFamily, weight: Weight): LoadedFont {
  const key = `${family}-${weight}`
  let loaded = loadedFonts.get(key)
  if (!loaded) {
    const bytes = new Uint8Array(fs.readFileSync(fontFile(family, weight)))
    loaded = { bytes, font: parseFont(bytes) }
    loadedFonts.set(key, loaded)
  }
  return loaded
}

function parseFont(bytes: Uint8Array): FontkitFont {
  let font = parsedFonts.get(bytes)
  if (!font) {
    font = fontkit.create(bytes)
    const createSubset = font.createSubset.bind(font)
    font.createSubset = () => fixSubset(createSubset())
    keepCodePointsFresh(font)
    const layout = font.layout.bind(font)
    font.layout = (text, features) => flipLigatures(layout(text, features))
    parsedFonts.set(bytes, font)
  }
  return font
}

/**
 * fontkit keeps one glyph object per glyph id, with the characters it was
 * first made for, and pdf-lib writes those characters into the PDF's text
 * layer (ToUnicode). Subsetting makes glyphs with no characters (the "A" in a
 * composite "Å"), and a ligature's are reversed (flipLigatures): a later PDF
 * whose text used that glyph then read "\u0010lexandrina". A glyph asked for
 * with other characters than it holds is made afresh, so every layout gets
 * glyphs that carry its own text.
 */
function keepCodePointsFresh(font: FontkitFont) {
  const internal = font as unknown as { _glyphs: Record<number, { codePoints: number[] }>; getGlyph: (id: number, characters?: number[]) => unknown }
  const getGlyph = internal.getGlyph.bind(font)
  internal.getGlyph = (id, characters) => {
    const cached = internal._glyphs[id]
    if (cached && characters && characters.length > 0 && !sameCodePoints(cached.codePoints, characters)) delete internal._glyphs[id]
    return getGlyph(id, characters)
  }
}

function sameCodePoints(a: readonly number[], b: readonly number[]) {
  return a.length === b.length && a.every((codePoint, i) => codePoint === b[i])
}

const flipped = new WeakSet<object>()

/**
 * The text a ligature glyph stands for (its ToUnicode entry, for copying and
 * searching), in visual order when it is drawn right to left. Readers (pdf.js,
 * poppler) read a right-to-left line glyph by glyph and then reverse it
 * letter by letter, so a lam-alef given as "لإ" would come back as "إل".
 * Ligature glyphs only ever occur in right-to-left runs, and fontkit shares a
 * glyph object per glyph id, so each is flipped once.
 */
function flipLigatures(run: ReturnType<FontkitFont['layout']>) {
  if ((run as { direction?: string }).direction !== 'rtl') return run
  for (const glyph of run.glyphs) {
    if (glyph.codePoints.length > 1 && !flipped.has(glyph)) {
      glyph.codePoints = [...glyph.codePoints].reverse()
      flipped.add(glyph)
    }
  }
  return run
}

/** Given to pdf-lib: the same parsed font for the same bytes, so a certificate does not parse 8 MB again. */
export const cachedFontkit = { create: (bytes: Uint8Array) => parseFont(bytes) }

/**
 * Works around two subsetting bugs of @pdf-lib/fontkit 1.1 (a fork of fontkit
 * 1.7, fixed upstream in fontkit 1.8/1.9; pdf-lib issues #1232 and #808):
 * - TrueType: glyph records of odd length are written with a short `loca`
 *   table whose offsets are halved, so every later glyph is shifted and draws
 *   as garbage or nothing (Noto Sans shows only its first letter). Padding
 *   each record to an even length keeps the offsets exact.
 * - CFF (the Chinese OpenType font): the header's offSize byte is written as
 *   the table's length, and FreeType (poppler) rejects the whole font; and a
 *   glyph whose font dict was used before another is given the wrong private
 *   dict. Both are set right as upstream does.
 * fontkit's subset internals are untyped, hence the `any`s.
 */
function fixSubset(subset: any) {
  if (subset.cff) {
    subset.cff = Object.create(subset.cff, { length: { value: 4 } })
    // Unused subroutines become a bare "return"; one shared buffer for them all
    // (a font dict of Noto Sans Hans has 22,000) spares the garbage collector.
    subset.subsetSubrs = function (this: any, subrs: { offset: number; length: number }[], used: Record<string, boolean>) {
      const stream = this.cff.stream
      const ret = stream.readBuffer(0).constructor.from([11]) // fontkit's own Buffer class
      return subrs.map((subr, i) => {
        if (!used[i]) return ret
        stream.pos = subr.offset
        return stream.readBuffer(subr.length)
      })
    }
    subset.subsetFontdict = function subsetFontdict(this: any, topDict: any) {
      topDict.FDArray = []
      topDict.FDSelect = { version: 0, fds: [] }
      const newIndex = new Map<number, number>()
      const usedSubrs: Record<string, boolean>[] = []
      for (const gid of this.glyphs) {
        const fd = this.cff.fdForGlyph(gid)
        if (fd == null) continue
        let index = newIndex.get(fd)
        if (index === undefined) {
          index = topDict.FDArray.length as number
          newIndex.set(fd, index)
          topDict.FDArray.push({ ...this.cff.topDict.FDArray[fd] })
          usedSubrs.push({})
        }
        topDict.FDSelect.fds.push(index)
        const glyph = this.font.getGlyph(gid)
        void glyph.path // parsing the glyph records the subroutines it calls
        for (const subr in glyph._usedSubrs) usedSubrs[index]![subr] = true
      }
      topDict.FDArray.forEach((dict: any, i: number) => {
        delete dict.FontName
        if (dict.Private?.Subrs) {
          dict.Private = { ...dict.Private, Subrs: this.subsetSubrs(dict.Private.Subrs, usedSubrs[i]) }
        }
      })
    }
  } else if (typeof subset._addGlyph === 'function') {
    const addGlyph = subset._addGlyph
    subset._addGlyph = function (this: any, gid: number) {
      const index = addGlyph.call(this, gid)
      const record = this.glyf[index]
      if (record.length % 2 === 1) {
        // fontkit's own Buffer class: its streams refuse Node's.
        const FontkitBuffer = record.constructor
        this.glyf[index] = FontkitBuffer.concat([record, FontkitBuffer.alloc(1)])
        this.offset += 1
      }
      return index
    }
  }
  return subset
}

export function covers(family: FontFamily, codePoint: number) {
  return loadFont(family, 'regular').font.hasGlyphForCodePoint(codePoint)
}


/** Noto Naskh looks smaller than Noto Sans at the same size: Arabic runs are drawn a little larger. */
export const SCALE: Record<FontFamily, number> = { latin: 1, arabic: 1.1, cjk: 1 }

export type Direction = 'ltr' | 'rtl'
export type TextStyle = { size: number; weight: Weight; color: Color }
export type PlacedRun = TextRun & { x: number; width: number }
export type PlacedLine = TextStyle & { y: number; runs: PlacedRun[] }

/** Collapses whitespace and line breaks: every text is drawn on lines we make. */
export const clean = (text: string) => text.replace(/\s+/g, ' ').trim()

/** A run's advance width in em (its font's units per em), as pdf-lib will draw it. */
function runEms(run: TextRun, weight: Weight) {
  const { font } = loadFont(run.font, weight)
  const { glyphs } = font.layout(run.glyphText)
  return (glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0) / font.unitsPerEm) * SCALE[run.font]
}

// Lines in runs, with their widths in em: fitting and wrapping measure the
// same strings at several sizes, and widths scale with the size.
const shapedLines = new Map<string, { runs: TextRun[]; ems: number[] }>()

export function measure(text: string, direction: Direction, weight: Weight, size: number) {
  const key = `${direction} ${weight} ${text}`
  let shaped = shapedLines.get(key)
  if (!shaped) {
    const runs = visualRuns(text, { direction, covers })
    shaped = { runs, ems: runs.map((run) => runEms(run, weight)) }
    if (shapedLines.size >= 5000) shapedLines.clear()
    shapedLines.set(key, shaped)
  }
  const runs = shaped.runs.map((run, i) => ({ ...run, width: shaped.ems[i]! * size }))
  return { runs, width: runs.reduce((sum, run) => sum + run.width, 0) }
}

export type Box = { left: number; right: number }
export type Align = 'center' | 'start' | 'end'

/** One line placed in a box: centred, or at the start or end side for the page's direction. */
export function place(text: string, o: TextStyle & { y: number; box: Box; align: Align; direction: Direction; page: Direction }): PlacedLine {
  const { runs, width } = measure(text, o.direction, o.weight, o.size)
  const startLeft = o.page === 'ltr'
  let x =
    o.align === 'center'
      ? (o.box.left + o.box.right - width) / 2
      : (o.align === 'start') === startLeft
        ? o.box.left
        : o.box.right - width
  const placed = runs.map((run) => {
    const at = { ...run, x }
    x += run.width
    return at
  })
  return { y: o.y, size: o.size, weight: o.weight, color: o.color, runs: placed }
}

/** The largest size (down to `min`) at which the text fits the width on one line. */
export function fitSize(text: string, direction: Direction, weight: Weight, size: number, min: number, width: number) {
  const natural = measure(text, direction, weight, size).width
  return natural <= width ? size : Math.max(min, Math.floor(((size * width) / natural) * 4) / 4)
}

/** Break opportunities: after spaces, and between Chinese or Japanese characters. */
function tokens(text: string) {
  return text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][\s\p{P}]*|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+\s*|\s+/gu) ?? []
}

/**
 * Greedy line breaking in logical order; each line is then reordered on its
 * own. Widths add up token by token (no shaping or kerning crosses a space),
 * so each token is measured once, whatever the size tried.
 */
export function wrap(text: string, direction: Direction, weight: Weight, size: number, width: number) {
  const em = (t: string) => measure(t, direction, weight, 1).width
  const lines: string[] = []
  let line = ''
  let lineEm = 0
  for (const token of tokens(text)) {
    if (line.trim() && (lineEm + em(token.trimEnd())) * size > width) {
      lines.push(line.trimEnd())
      line = token.trimStart()
      lineEm = em(line)
    } else {
      line += token
      lineEm += em(token)
    }
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}

/** Wraps to at most `maxLines`, shrinking the text as needed (never below `min`, where it may take more lines). */
export function fitParagraph(text: string, o: { direction: Direction; weight: Weight; size: number; min: number; width: number; maxLines: number }) {
  for (let size = o.size; ; size = Math.max(o.min, size - 1)) {
    const lines = wrap(text, o.direction, o.weight, size, o.width)
    const fits = lines.length <= o.maxLines && lines.every((l) => measure(l, o.direction, o.weight, size).width <= o.width)
    if (fits) return { size, lines }
    if (size === o.min) {
      // Still too long at the smallest size: shrink whatever line is wider than the box.
      const widest = Math.max(...lines.map((l) => measure(l, o.direction, o.weight, size).width))
      return { size: widest > o.width ? Math.floor(((size * o.width) / widest) * 4) / 4 : size, lines }
    }
  }
}


/** Embeds the fonts the lines use (each once, as a subset): the fonts to draw them with. */
export async function embedLineFonts(doc: PDFDocument, lines: readonly PlacedLine[]) {
  const fonts = new Map<string, PDFFont>()
  for (const line of lines) {
    for (const run of line.runs) {
      const key = `${run.font}-${line.weight}`
      if (!fonts.has(key)) fonts.set(key, await doc.embedFont(loadFont(run.font, line.weight).bytes, { subset: true }))
    }
  }
  return fonts
}

/** Draws placed lines on a page with the fonts embedLineFonts gave. */
export function drawLines(page: PDFPage, lines: readonly PlacedLine[], fonts: Map<string, PDFFont>) {
  for (const line of lines) {
    for (const run of line.runs) {
      page.drawText(run.glyphText, { x: run.x, y: line.y, size: line.size * SCALE[run.font], font: fonts.get(`${run.font}-${line.weight}`)!, color: line.color })
    }
  }
}

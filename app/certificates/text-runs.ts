import bidiFactory from 'bidi-js'

// One line of text cut into runs that can each be drawn with one font, left to
// right, as a PDF needs: the Unicode bidirectional algorithm (bidi-js) gives
// every character its embedding level, and rule L2 puts the runs in visual
// order. Pure: no fonts are read here (coverage is asked through `covers`).

/** The font families a certificate embeds, chosen by script. */
export type FontFamily = 'latin' | 'arabic' | 'cjk'

export type TextRun = {
  /** The run's characters in logical (reading) order, bidi controls removed. */
  text: string
  font: FontFamily
  /** Bidi embedding level: odd is right to left. */
  level: number
  /**
   * What to hand to a fontkit layout (pdf-lib's drawText) so that the glyphs
   * come out in visual order. fontkit shapes a run and reverses it by itself
   * when the run's first non-neutral character belongs to a right-to-left
   * script (Arabic letters, but also Arabic-Indic digits); other runs it keeps
   * as given. This string is the run's text, mirrored (brackets) where right to
   * left, and pre-reversed only where fontkit would not reverse it while the
   * level asks for it (or the other way round, for Arabic-Indic digits), so
   * nothing is reversed twice.
   */
  glyphText: string
}

export type RunOptions = {
  /** The paragraph's base direction; `auto` takes it from the first strong character. */
  direction: 'ltr' | 'rtl' | 'auto'
  /** Whether a font has a glyph for a character; neutral characters move to a font that has one. */
  covers?: (font: FontFamily, codePoint: number) => boolean
}

let bidi: ReturnType<typeof bidiFactory> | undefined
const getBidi = () => (bidi ??= bidiFactory())

const ARABIC = /\p{Script=Arabic}/u
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u
/** Scripts fontkit lays out right to left (its own list, for the scripts we might meet). */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
const NEUTRAL_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u
/** Explicit bidi formatting characters: they steer the algorithm, and are never drawn (rule X9). */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

/** The font a character's script calls for, or null for neutrals (spaces, digits, punctuation, marks). */
export function scriptFont(char: string): FontFamily | null {
  if (ARABIC.test(char)) return 'arabic'
  if (CJK.test(char)) return 'cjk'
  if (NEUTRAL_SCRIPT.test(char)) return null
  return 'latin'
}

/** Whether fontkit's layout will reverse this text: its first character of a real script is right to left. */
export function layoutReverses(text: string): boolean {
  for (const char of text) {
    if (!NEUTRAL_SCRIPT.test(char)) return RTL_SCRIPT.test(char)
  }
  return false
}

const FALLBACK_ORDER: FontFamily[] = ['latin', 'arabic', 'cjk']

/** Splits one line into single-font, single-level runs, in visual order from left to right. */
export function visualRuns(text: string, { direction, covers = () => true }: RunOptions): TextRun[] {
  if (!text) return []
  const b = getBidi()
  const { levels } = b.getEmbeddingLevels(text, direction)

  // Characters with their UTF-16 index (for the levels) and font.
  const chars: { char: string; level: number; font: FontFamily | null }[] = []
  let index = 0
  for (const char of text) {
    if (!BIDI_CONTROL.test(char)) chars.push({ char, level: levels[index]!, font: scriptFont(char) })
    index += char.length
  }
  // Neutrals join the run around them (the one before, else the one after; at
  // the same level first, so runs are not cut needlessly) when that font has
  // the glyph, else the first font that has it.
  const strong = chars.map((c, i) => (c.font ? i : -1))
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    if (c.font) continue
    const codePoint = c.char.codePointAt(0)!
    const before = i > 0 ? chars[i - 1]! : undefined
    const nextIndex = strong.find((j) => j > i)
    const after = nextIndex === undefined ? undefined : chars[nextIndex]!
    const candidates = [
      before?.level === c.level ? before.font : null,
      after?.level === c.level ? after.font : null,
      before?.font ?? null,
      after?.font ?? null,
      ...FALLBACK_ORDER,
    ].filter((f): f is FontFamily => f !== null)
    c.font = candidates.find((f) => covers(f, codePoint)) ?? candidates[0]!
  }

  // Runs in logical order.
  const runs: { chars: string[]; font: FontFamily; level: number }[] = []
  for (const c of chars) {
    const last = runs[runs.length - 1]
    if (last && last.font === c.font && last.level === c.level) last.chars.push(c.char)
    else runs.push({ chars: [c.char], font: c.font!, level: c.level })
  }

  // Rule L2: from the highest level down to the lowest odd one, reverse every
  // sequence of runs at that level or higher.
  const highest = Math.max(...runs.map((r) => r.level))
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 ? r.level : r.level + 1)))
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < runs.length; ) {
      if (runs[start]!.level < level) {
        start++
        continue
      }
      let end = start
      while (end + 1 < runs.length && runs[end + 1]!.level >= level) end++
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse())
      start = end + 1
    }
  }

  return runs.map(({ chars: runChars, font, level }) => {
    const logical = runChars.join('')
    const rtl = level % 2 === 1
    const mirrored = rtl ? runChars.map((c) => b.getMirroredCharacter(c) ?? c) : runChars
    const glyphText = rtl === layoutReverses(logical) ? mirrored.join('') : [...mirrored].reverse().join('')
    return { text: logical, font, level, glyphText }
  })
}

/** The base direction of a text on its own (first strong character), as `dir="auto"` would find it. */
export function textDirection(text: string): 'ltr' | 'rtl' {
  return getBidi().getEmbeddingLevels(text, 'auto').paragraphs[0]?.level === 1 ? 'rtl' : 'ltr'
}

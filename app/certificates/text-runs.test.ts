import { describe, expect, test } from 'vitest'
import { layoutReverses, scriptFont, textDirection, visualRuns, type FontFamily } from './text-runs.ts'

// Runs as [text, font, level], left to right on the page.
const shape = (text: string, direction: 'ltr' | 'rtl' | 'auto', covers?: (font: FontFamily, codePoint: number) => boolean) =>
  visualRuns(text, { direction, covers }).map((r) => [r.text, r.font, r.level])

/** Noto Naskh Arabic has no brackets, hyphens or slashes; the other fonts are taken to have everything. */
const naskhLike = (font: FontFamily, codePoint: number) => font !== 'arabic' || !'()[]-/'.includes(String.fromCodePoint(codePoint))

describe('scriptFont', () => {
  test('picks a font by script, and none for neutrals', () => {
    expect(['A', 'é', 'Ж', 'λ', 'س', '٢', '王', 'か', ' ', '1', '.', '\u0301'].map(scriptFont)).toEqual([
      'latin',
      'latin',
      'latin',
      'latin',
      'arabic',
      'arabic',
      'cjk',
      'cjk',
      null,
      null,
      null,
      null,
    ])
  })
})

describe('visualRuns', () => {
  test('a left-to-right line is one run, unchanged', () => {
    expect(visualRuns('Олена Коваленко, 2026', { direction: 'ltr' })).toEqual([
      { text: 'Олена Коваленко, 2026', font: 'latin', level: 0, glyphText: 'Олена Коваленко, 2026' },
    ])
  })

  test('an Arabic name inside an English sentence stays in logical order for fontkit to reverse', () => {
    const runs = visualRuns('Awarded to سلمى بنعلي today', { direction: 'ltr' })
    expect(runs.map((r) => [r.text, r.font, r.level])).toEqual([
      ['Awarded to ', 'latin', 0],
      ['سلمى بنعلي', 'arabic', 1],
      [' today', 'latin', 0],
    ])
    // fontkit reverses (and shapes) an Arabic run itself: it gets the logical text.
    expect(runs[1]!.glyphText).toBe('سلمى بنعلي')
  })

  test('a Latin name inside an Arabic sentence: runs from left to right, right-to-left order of the sentence', () => {
    expect(shape('مُنحت إلى Amélie Dubois بنجاح', 'rtl')).toEqual([
      [' بنجاح', 'arabic', 1],
      ['Amélie Dubois', 'latin', 2],
      ['مُنحت إلى ', 'arabic', 1],
    ])
  })

  test('Western digits in an Arabic sentence read left to right', () => {
    const runs = visualRuns('أكمل 3 دورات في 2026', { direction: 'rtl' })
    expect(runs.map((r) => [r.text, r.level])).toEqual([
      ['2026', 2],
      [' دورات في ', 1],
      ['3', 2],
      ['أكمل ', 1],
    ])
    expect(runs.every((r) => r.font === 'arabic')).toBe(true)
    expect(runs[0]!.glyphText).toBe('2026')
  })

  test('Arabic-Indic digits are pre-reversed, because fontkit reverses anything in Arabic script', () => {
    const runs = visualRuns('سنة ٢٠٢٦', { direction: 'rtl' })
    expect(runs.map((r) => [r.text, r.level, r.glyphText])).toEqual([
      ['٢٠٢٦', 2, '٦٢٠٢'],
      ['سنة ', 1, 'سنة '],
    ])
    expect(layoutReverses('٢٠٢٦')).toBe(true)
  })

  test('nested levels: digits inside Arabic inside English (rule L2)', () => {
    expect(shape('He said: سلمى 2026 بنعلي.', 'ltr')).toEqual([
      ['He said: ', 'latin', 0],
      [' بنعلي', 'arabic', 1],
      ['2026', 'arabic', 2],
      ['سلمى ', 'arabic', 1],
      ['.', 'arabic', 0],
    ])
  })

  test('brackets the Arabic font lacks move to the Latin font, mirrored at right-to-left levels', () => {
    const runs = visualRuns('(سلمى)', { direction: 'rtl', covers: naskhLike })
    expect(runs.map((r) => [r.text, r.font, r.level, r.glyphText])).toEqual([
      // The closing bracket ends up on the left, drawn as an opening one.
      [')', 'latin', 1, '('],
      ['سلمى', 'arabic', 1, 'سلمى'],
      ['(', 'latin', 1, ')'],
    ])
  })

  test('several neutrals at a right-to-left level with no Arabic letter are reversed by hand', () => {
    const runs = visualRuns('سلمى - (أ)', { direction: 'rtl', covers: naskhLike })
    // Drawn left to right: "(أ)" with its brackets mirrored, " - ", then the
    // name with its trailing space, which fontkit reverses to a leading one.
    expect(runs.map((r) => [r.text, r.font, r.glyphText])).toEqual([
      [')', 'latin', '('],
      ['أ', 'arabic', 'أ'],
      ['- (', 'latin', ') -'],
      ['سلمى ', 'arabic', 'سلمى '],
    ])
  })

  test('Chinese names and their punctuation use the Chinese font', () => {
    expect(shape('王小明（Wang）', 'ltr', (font, cp) => font === 'cjk' || cp < 0x3000)).toEqual([
      ['王小明（', 'cjk', 0],
      ['Wang', 'latin', 0],
      ['）', 'cjk', 0],
    ])
  })

  test('bidi control characters steer the order but are not drawn', () => {
    const runs = visualRuns('\u200fAmélie\u200f', { direction: 'rtl' })
    expect(runs.map((r) => r.text).join('')).toBe('Amélie')
  })

  test('a combining accent stays with its letter', () => {
    expect(shape('Ame\u0301lie', 'ltr')).toEqual([['Ame\u0301lie', 'latin', 0]])
  })

  test('empty text has no runs', () => {
    expect(visualRuns('', { direction: 'rtl' })).toEqual([])
  })
})

describe('textDirection', () => {
  test('follows the first strong character', () => {
    expect(textDirection('سلمى بنعلي')).toBe('rtl')
    expect(textDirection('2026 Amélie')).toBe('ltr')
    expect(textDirection('王小明')).toBe('ltr')
    expect(textDirection('')).toBe('ltr')
  })
})

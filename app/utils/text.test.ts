import { expect, test } from 'vitest'
import { hasControlCharacters, isolate, withoutControlCharacters } from './text.ts'

test('control characters and bidi overrides are found and removed', () => {
  const spoof = 'Ali\u202efdp.exe\u202c'
  expect(hasControlCharacters(spoof)).toBe(true)
  expect(withoutControlCharacters(spoof)).toBe('Alifdp.exe')
  for (const bad of ['a\u0000b', 'a\u001bb', 'a\u0085b', 'a\u2066b\u2069', 'a\u2028b', '\ufeffa']) expect(hasControlCharacters(bad), JSON.stringify(bad)).toBe(true)
})

test('what people really write passes: accents, Arabic with joiners and marks, emoji, line breaks', () => {
  for (const good of ['Amélie Dubois', 'Ñandú', 'محمد\u200cعلي', 'Zoë\u200f', '👩🏽‍🏫 Ms Banda', 'line one\nline two\r\n\tindented']) {
    expect(hasControlCharacters(good), good).toBe(false)
  }
})

test('isolate wraps text so that it cannot reorder the sentence around it', () => {
  expect(isolate('Ali\u202efdp')).toBe('\u2068Alifdp\u2069')
})

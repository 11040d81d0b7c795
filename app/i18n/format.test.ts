import fs from 'node:fs'
import { expect, test } from 'vitest'
import { SUPPORTED_LOCALES } from './config.ts'
import { formatPercent } from './format.ts'

test('percentages follow each language’s convention', () => {
  expect(formatPercent(70, 'en')).toBe('70%')
  expect(formatPercent(0, 'fr')).toMatch(/^0\s%$/u)
  expect(formatPercent(100, 'es')).toMatch(/^100\s%$/u)
  expect(formatPercent(70, 'ar')).toMatch(/^(70|٧٠)\p{Cf}?[%٪]\p{Cf}?$/u)
})

test('no translation writes its own percent sign after a percentage: formatPercent does', () => {
  for (const locale of SUPPORTED_LOCALES) {
    const text = fs.readFileSync(new URL(`../locales/${locale}/common.json`, import.meta.url), 'utf8')
    expect(text.match(/\{\{percent\}\}\s?[%٪]/g), locale).toBeNull()
  }
})

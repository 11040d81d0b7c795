import { expect, test } from 'vitest'
import { countWords, readingMinutes } from './reading-time.ts'

test('counts the words a reader reads, not markup', () => {
  const mdx = `---
title: Not counted at all here
---

## Two words

Some **bold** text and a [link here](../other/lesson).

<Callout type="note">
Inside a callout.
</Callout>
`
  // Two words / Some bold text and a link here / Inside a callout
  expect(countWords(mdx)).toBe(2 + 7 + 3)
})

test('Arabic and French words count too', () => {
  expect(countWords('مرحبا بكم في الدورة')).toBe(4)
  expect(countWords("L'enfant a le droit d’être protégé.")).toBe(6)
})

test('at least one minute, then 200 words a minute', () => {
  expect(readingMinutes(0)).toBe(1)
  expect(readingMinutes(450)).toBe(2)
  expect(readingMinutes(1000)).toBe(5)
})

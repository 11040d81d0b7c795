import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

// Checks over every text file in the repository (what a clone holds, less
// what install, build and test runs make).
const root = path.resolve(import.meta.dirname, '..')
const self = path.resolve(import.meta.filename)
const skipped = new Set(['node_modules', '.git', 'build', 'data', 'secrets', '.cache', 'test-results', 'playwright-report', 'generated', '.data'])

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else if (entry.isFile() && full !== self && !/\.(png|jpe?g|pdf|woff2?|ttf|db)$/i.test(entry.name)) yield full
  }
}
const texts = [...files(root)].map((file) => ({ file: path.relative(root, file), text: fs.readFileSync(file, 'utf8') }))

test('no file reads anything from a folder beside the repository (a clone has none)', () => {
  const sibling = [/\.\.[\\/]+shared\b/, /['"]\.\.['"]\s*,\s*['"]shared['"]/]
  const offenders = texts.filter(({ text }) => sibling.some((pattern) => pattern.test(text))).map(({ file }) => file)
  expect(offenders).toEqual([])
})

test('the old name appears only where the industry course names the Tech Coalition programme, and in the old-database fallback', () => {
  const allowed = [
    // The lesson on partnerships names the Tech Coalition's Lantern programme.
    'content/courses/child-rights-business/05-engaging-stakeholders/03-partnerships-and-accountability.en.mdx',
    'content/courses/child-rights-business/05-engaging-stakeholders/03-partnerships-and-accountability.fr.mdx',
    // data/lantern.db is still found, and the README says so.
    'app/utils/database-url.ts',
    'app/utils/database-url.test.ts',
    'README.md',
  ]
  const found = texts.filter(({ text }) => /lantern/i.test(text)).map(({ file }) => file.split(path.sep).join('/'))
  expect(found.filter((file) => !allowed.includes(file))).toEqual([])
  expect(texts.filter(({ text }) => /\bTrellis\b/.test(text)).length).toBeGreaterThan(50)
})

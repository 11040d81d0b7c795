import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'

// A course folder dropped into content/ appears in the catalogue with no code
// change, and once lessons are compiled ahead, showing them compiles nothing.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-catalog-'))
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-mdx-cache-'))

const compileSpy = vi.hoisted(() => ({ calls: 0 }))
vi.mock('./compile-mdx.server.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./compile-mdx.server.ts')>()
  return {
    ...actual,
    compileMdx: async (source: string) => {
      compileSpy.calls++
      return actual.compileMdx(source)
    },
  }
})

function write(file: string, text: string) {
  const full = path.join(root, 'courses', file)
  fs.mkdirSync(path.dirname(full), { recursive: true })
  fs.writeFileSync(full, text)
}

beforeAll(() => {
  process.env.CONTENT_DIR = root
  process.env.MDX_CACHE_DIR = cache
  write('water-safety/course.yml', `title: { en: Water safety, fr: Sécurité aquatique }
summary: { en: Staying safe near water., fr: Rester en sécurité près de l'eau. }
audience: [parent_carer]
estimatedHours: 2
defaultLocale: en
modules: [basics]
`)
  write('water-safety/01-basics/module.yml', 'title: { en: Basics, fr: Les bases }\n')
  write('water-safety/01-basics/01-first.en.mdx', '---\ntitle: First steps\n---\n\n## Hello\n\nWelcome.\n')
  write('water-safety/01-basics/02-second.en.mdx', '---\ntitle: Second steps\n---\n\nMore.\n')
  write('water-safety/01-basics/02-second.fr.mdx', '---\ntitle: Deuxièmes pas\n---\n\nEncore.\n')
})

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true })
  fs.rmSync(cache, { recursive: true, force: true })
})

test('a new course folder appears in the catalogue, in the reader’s language where it exists', async () => {
  const { listCourses } = await import('./catalog.server.ts')
  const [course] = listCourses('fr')
  expect(course).toMatchObject({
    slug: 'water-safety',
    title: { text: 'Sécurité aquatique', lang: 'fr' },
    lessonCount: 2,
    completeLocales: ['en'],
    partialLocales: ['fr'],
  })
})

test('a lesson missing in the reader’s language falls back to the default, and says so', async () => {
  const { getLesson } = await import('./catalog.server.ts')
  const first = await getLesson('water-safety', 'basics', 'first', 'fr')
  expect(first).toMatchObject({ contentLocale: 'en', fallback: true, lesson: { title: 'First steps', position: 1, count: 2 } })
  expect(first?.next?.title).toEqual({ text: 'Deuxièmes pas', lang: 'fr' })
  const second = await getLesson('water-safety', 'basics', 'second', 'fr')
  expect(second).toMatchObject({ contentLocale: 'fr', fallback: false })
  expect(await getLesson('water-safety', 'basics', 'third', 'fr')).toBeNull()
})

test('lessons compiled ahead are read from the cache, never compiled again', async () => {
  const { compileAllLessons } = await import('./compiled.server.ts')
  const { loadContent } = await import('./load.server.ts')
  const { index } = loadContent(root)
  const before = compileSpy.calls
  const built = await compileAllLessons(index)
  expect(built.total).toBe(3)
  expect(fs.readdirSync(cache).filter((f) => f.endsWith('.js'))).toHaveLength(3)

  // A fresh server process: empty memory, the cache on disk.
  vi.resetModules()
  const fresh = await import('./compiled.server.ts')
  const callsAfterBuild = compileSpy.calls
  const source = index.courses[0]!.modules[0]!.lessons[0]!.sources.en!
  const code = await fresh.getCompiledLesson(source)
  expect(code).toContain('Welcome')
  expect(compileSpy.calls).toBe(callsAfterBuild)
  expect(callsAfterBuild - before).toBeLessThanOrEqual(3)
  expect(await fresh.compileAllLessons(index)).toEqual({ total: 3, compiled: 0 })
})

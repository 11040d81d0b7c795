// Reads content/courses/ into an index of courses, modules, lessons, quizzes
// and glossaries, with every problem found (file and line). The app serves the
// index; `content:check` reports the problems.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { SUPPORTED_LOCALES, type Locale } from '#app/i18n/config.ts'
import { COMPILER_VERSION } from './compile-mdx.server.ts'
import { countWords, readingMinutes } from './reading-time.ts'
import {
  courseFileSchema,
  glossarySchema,
  lessonFrontmatterSchema,
  moduleFileSchema,
  quizFileSchema,
  type CourseFile,
  type Glossary,
  type LessonFrontmatter,
  type ModuleFile,
  type QuizFile,
} from './schema.ts'
import { parseData, readDataFile, type Problem } from './yaml.server.ts'

export type { Problem }

export type LessonSource = {
  locale: Locale
  /** Path relative to the content root, for messages. */
  file: string
  absolutePath: string
  /** Identifies the compiled output: source text and compiler version. */
  hash: string
  frontmatter: LessonFrontmatter
  minutes: number
  /** The ids of the lesson's `<Reflection>` boxes: notes are kept only for these. */
  reflectionIds: string[]
}

export type LessonEntry = {
  /** Stable across reordering: `<module-slug>/<lesson-slug>`. */
  id: string
  slug: string
  moduleSlug: string
  sources: Partial<Record<Locale, LessonSource>>
}

export type QuizEntry = {
  id: string
  files: Partial<Record<Locale, { file: string; quiz: QuizFile }>>
}

export type ModuleEntry = {
  slug: string
  folder: string
  meta: ModuleFile
  lessons: LessonEntry[]
  quiz: QuizEntry | null
}

export type LocaleCoverage = {
  locale: Locale
  lessons: number
  quizzes: number
  /** Every lesson, quiz, title and glossary exists in this language. */
  complete: boolean
}

export type CourseEntry = {
  slug: string
  dir: string
  meta: CourseFile
  modules: ModuleEntry[]
  glossary: Partial<Record<Locale, Glossary>>
  lessonCount: number
  quizCount: number
  coverage: LocaleCoverage[]
}

export type ContentIndex = { root: string; courses: CourseEntry[] }

const MODULE_FOLDER = /^(\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)$/
const LESSON_FILE = /^(\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2})\.mdx$/
const QUIZ_FILE = /^quiz\.([a-z]{2})\.(ya?ml|json)$/
const GLOSSARY_FILE = /^glossary\.([a-z]{2})\.(ya?ml|json)$/
const COURSE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const isLocale = (value: string): value is Locale => (SUPPORTED_LOCALES as readonly string[]).includes(value)
const unsupportedLocale = (locale: string) => `"${locale}" is not a language Trellis supports (${SUPPORTED_LOCALES.join(', ')})`

export function loadContent(root: string): { index: ContentIndex; problems: Problem[] } {
  const problems: Problem[] = []
  const coursesDir = path.join(root, 'courses')
  const courses: CourseEntry[] = []
  if (!fs.existsSync(coursesDir)) return { index: { root, courses }, problems }
  for (const name of fs.readdirSync(coursesDir).sort()) {
    const dir = path.join(coursesDir, name)
    if (!fs.statSync(dir).isDirectory()) continue
    const course = loadCourse(root, dir, name, problems)
    if (course) courses.push(course)
  }
  return { index: { root, courses }, problems }
}

function rel(root: string, file: string) {
  return path.relative(root, file).split(path.sep).join('/')
}

function loadCourse(root: string, dir: string, slug: string, problems: Problem[]): CourseEntry | null {
  const problem = (file: string, message: string, line: number | null = null) =>
    problems.push({ file: rel(root, file), line, message })
  if (!COURSE_SLUG.test(slug)) {
    problem(dir, 'course folder names are lower-case letters, digits and hyphens')
    return null
  }
  const courseFile = ['course.yml', 'course.yaml', 'course.json'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f))
  if (!courseFile) {
    problem(dir, 'has no course.yml')
    return null
  }
  const courseRead = readDataFile(courseFile, rel(root, courseFile), courseFileSchema)
  problems.push(...courseRead.problems)
  const meta = courseRead.data
  if (!meta) return null

  const entries = fs.readdirSync(dir).sort()
  const folders = new Map<string, string>()
  const glossary: Partial<Record<Locale, Glossary>> = {}
  for (const entry of entries) {
    const full = path.join(dir, entry)
    if (fs.statSync(full).isDirectory()) {
      if (entry === 'assets') continue
      const match = entry.match(MODULE_FOLDER)
      if (!match) {
        problem(full, 'module folders are named <nn>-<slug>, e.g. 01-getting-started')
        continue
      }
      const moduleSlug = match[2]!
      if (folders.has(moduleSlug)) problem(full, `a second folder for module "${moduleSlug}"`)
      folders.set(moduleSlug, entry)
      if (!meta.modules.includes(moduleSlug)) problem(full, `module "${moduleSlug}" is not listed in course.yml's modules`)
      continue
    }
    const glossaryMatch = entry.match(GLOSSARY_FILE)
    if (glossaryMatch) {
      const locale = glossaryMatch[1]!
      if (!isLocale(locale)) {
        problem(full, unsupportedLocale(locale))
        continue
      }
      const read = readDataFile(full, rel(root, full), glossarySchema)
      problems.push(...read.problems)
      if (read.data) glossary[locale] = read.data
      continue
    }
    if (/^course\.(ya?ml|json)$/.test(entry) || entry === 'README.md') continue
    problem(full, 'is not a file Trellis knows (course.yml, glossary.<locale>.yml, module folders, assets/)')
  }

  const modules: ModuleEntry[] = []
  for (const moduleSlug of meta.modules) {
    const folder = folders.get(moduleSlug)
    if (!folder) {
      problem(courseFile, `lists module "${moduleSlug}", but there is no folder <nn>-${moduleSlug}`)
      continue
    }
    const loaded = loadModule(root, path.join(dir, folder), moduleSlug, folder, meta.defaultLocale, problems)
    if (loaded) modules.push(loaded)
  }

  const lessonCount = modules.reduce((n, m) => n + m.lessons.length, 0)
  const quizCount = modules.filter((m) => m.quiz).length
  const coverage = SUPPORTED_LOCALES.map((locale): LocaleCoverage => {
    const lessons = modules.reduce((n, m) => n + m.lessons.filter((l) => l.sources[locale]).length, 0)
    const quizzes = modules.filter((m) => m.quiz?.files[locale]).length
    const titles =
      Boolean(meta.title[locale] && meta.summary[locale]) && modules.every((m) => Boolean(m.meta.title[locale]))
    const hasGlossary = !glossary[meta.defaultLocale] || Boolean(glossary[locale])
    return { locale, lessons, quizzes, complete: titles && hasGlossary && lessons === lessonCount && quizzes === quizCount }
  })

  return { slug, dir, meta, modules, glossary, lessonCount, quizCount, coverage }
}

function loadModule(
  root: string,
  dir: string,
  slug: string,
  folder: string,
  defaultLocale: Locale,
  problems: Problem[],
): ModuleEntry | null {
  const problem = (file: string, message: string, line: number | null = null) =>
    problems.push({ file: rel(root, file), line, message })
  const moduleFile = ['module.yml', 'module.yaml', 'module.json'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f))
  if (!moduleFile) {
    problem(dir, 'has no module.yml (the module title in each language)')
    return null
  }
  const read = readDataFile(moduleFile, rel(root, moduleFile), moduleFileSchema)
  problems.push(...read.problems)
  if (!read.data) return null
  if (!read.data.title[defaultLocale]) problem(moduleFile, `needs a ${defaultLocale} title (the course's default locale)`)

  const lessons = new Map<string, LessonEntry & { order: string }>()
  const quizFiles: QuizEntry['files'] = {}
  for (const entry of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, entry)
    if (/^module\.(ya?ml|json)$/.test(entry)) continue
    const lessonMatch = entry.match(LESSON_FILE)
    if (lessonMatch) {
      const [, order, lessonSlug, locale] = lessonMatch as unknown as [string, string, string, string]
      if (!isLocale(locale)) {
        problem(full, unsupportedLocale(locale))
        continue
      }
      const source = loadLessonSource(root, full, locale, problems)
      if (!source) continue
      const lesson = lessons.get(lessonSlug) ?? { id: `${slug}/${lessonSlug}`, slug: lessonSlug, moduleSlug: slug, sources: {}, order }
      if (lesson.order !== order) problem(full, `lesson "${lessonSlug}" has number ${order} here and ${lesson.order} in another language`)
      lesson.sources[locale] = source
      lessons.set(lessonSlug, lesson)
      continue
    }
    const quizMatch = entry.match(QUIZ_FILE)
    if (quizMatch) {
      const locale = quizMatch[1]!
      if (!isLocale(locale)) {
        problem(full, unsupportedLocale(locale))
        continue
      }
      const quizRead = readDataFile(full, rel(root, full), quizFileSchema)
      problems.push(...quizRead.problems)
      if (quizRead.data) quizFiles[locale] = { file: rel(root, full), quiz: quizRead.data }
      continue
    }
    problem(full, 'is not a file Trellis knows (module.yml, <nn>-<slug>.<locale>.mdx, quiz.<locale>.yml)')
  }

  const ordered = [...lessons.values()].sort((a, b) => a.order.localeCompare(b.order))
  for (const lesson of ordered) {
    if (!lesson.sources[defaultLocale]) {
      const any = Object.values(lesson.sources)[0]
      problems.push({ file: any?.file ?? rel(root, dir), line: null, message: `lesson "${lesson.id}" has no ${defaultLocale} version (the course's default locale)` })
    }
  }
  const quiz = Object.keys(quizFiles).length > 0 ? { id: `${slug}/quiz`, files: quizFiles } : null
  if (quiz) checkQuizTranslations(quiz, defaultLocale, problems)
  return { slug, folder, meta: read.data, lessons: ordered.map(({ order: _order, ...lesson }) => lesson), quiz }
}

function loadLessonSource(root: string, file: string, locale: Locale, problems: Problem[]): LessonSource | null {
  const text = fs.readFileSync(file, 'utf8')
  const display = rel(root, file)
  if (!text.startsWith('---')) {
    problems.push({ file: display, line: 1, message: 'starts with front matter (--- title: … ---)' })
    return null
  }
  const end = text.indexOf('\n---', 3)
  if (end === -1) {
    problems.push({ file: display, line: 1, message: 'front matter is not closed with ---' })
    return null
  }
  // Line 1 is the opening ---, so the front matter's first line is line 2.
  const parsed = parseData(text.slice(3, end).replace(/^\r?\n/, ''), display, lessonFrontmatterSchema, 1)
  problems.push(...parsed.problems)
  // A lesson with broken front matter still exists (links to it are not
  // broken); it shows under its file name until fixed.
  const frontmatter = parsed.data ?? { title: path.basename(file), sensitive: false }
  const hash = crypto.createHash('sha256').update(COMPILER_VERSION).update('\0').update(text).digest('hex').slice(0, 32)
  return {
    locale,
    file: display,
    absolutePath: file,
    hash,
    frontmatter,
    minutes: frontmatter.minutes ?? readingMinutes(countWords(text)),
    reflectionIds: reflectionIdsIn(text),
  }
}

/** The `id`s of the `<Reflection id="…">` boxes in a lesson's MDX text (the checker makes sure they are plain strings). */
export function reflectionIdsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/<Reflection\b[^>]*?\bid="([^"]+)"/g)].map((match) => match[1]!))]
}

/** Every language of a quiz must ask the same questions with the same answers and rules. */
function checkQuizTranslations(quiz: QuizEntry, defaultLocale: Locale, problems: Problem[]) {
  const reference = quiz.files[defaultLocale]
  if (!reference) {
    const any = Object.values(quiz.files)[0]!
    problems.push({ file: any.file, line: null, message: `quiz has no ${defaultLocale} version (the course's default locale)` })
    return
  }
  const expected = quizShape(reference.quiz)
  for (const [locale, translated] of Object.entries(quiz.files)) {
    if (locale === defaultLocale || !translated) continue
    const shape = quizShape(translated.quiz)
    if (shape !== expected) {
      problems.push({
        file: translated.file,
        line: null,
        message: `differs from ${reference.file} in its settings, question ids, types, options or answers (only the wording may change)`,
      })
    }
  }
}

function quizShape(quiz: QuizFile): string {
  const { title: _title, questions, ...settings } = quiz
  return JSON.stringify({
    settings,
    questions: questions.map((q) => {
      switch (q.type) {
        case 'single':
        case 'multiple':
          return [q.id, q.type, q.options.map((o) => o.id), q.answer]
        case 'true-false':
          return [q.id, q.type, q.answer]
        case 'ordering':
          return [q.id, q.type, q.items.map((i) => i.id)]
        case 'matching':
          return [q.id, q.type, q.pairs.map((p) => p.id)]
      }
    }),
  })
}

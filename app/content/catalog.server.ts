// What the course pages show, as plain data in the reader's language.
import path from 'node:path'
import type { Locale } from '#app/i18n/config.ts'
import { getCompiledLesson } from './compiled.server.ts'
import { loadContent, type ContentIndex, type CourseEntry, type LessonEntry, type LessonSource } from './load.server.ts'
import { pickLocalized } from './localized.ts'

const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? 'content')
const production = process.env.NODE_ENV === 'production'
let cached: ContentIndex | null = null

/**
 * The content index: read once in production; read again on every request in
 * development, so edits show at once. Problems are logged, never fatal: the
 * checker (`npm run content:check`) is where they are reported in full.
 */
export function getContentIndex(): ContentIndex {
  if (cached && production) return cached
  const { index, problems } = loadContent(CONTENT_DIR)
  if (problems.length > 0 && (!cached || !production)) {
    console.warn(`Content has ${problems.length} problem(s); run npm run content:check. First: ${problems[0]!.file} ${problems[0]!.message}`)
  }
  cached = index
  return index
}

export function findCourse(slug: string): CourseEntry | null {
  return getContentIndex().courses.find((c) => c.slug === slug) ?? null
}

type Text = { text: string; lang: Locale }

function text(course: CourseEntry, texts: Partial<Record<Locale, string>> | undefined, locale: Locale): Text {
  const picked = pickLocalized(texts, locale, course.meta.defaultLocale)
  return { text: picked?.value ?? '', lang: picked?.locale ?? course.meta.defaultLocale }
}

export const lessonUrl = (courseSlug: string, lesson: Pick<LessonEntry, 'moduleSlug' | 'slug'>) =>
  `/courses/${courseSlug}/${lesson.moduleSlug}/${lesson.slug}`

export function listCourses(locale: Locale) {
  return getContentIndex().courses.map((course) => ({
    slug: course.slug,
    title: text(course, course.meta.title, locale),
    summary: text(course, course.meta.summary, locale),
    audience: course.meta.audience,
    estimatedHours: course.meta.estimatedHours,
    lessonCount: course.lessonCount,
    moduleCount: course.modules.length,
    certifiesTrainers: course.meta.certifiesTrainers,
    completeLocales: course.coverage.filter((c) => c.complete).map((c) => c.locale),
    partialLocales: course.coverage.filter((c) => !c.complete && c.lessons > 0).map((c) => c.locale),
  }))
}

export type CourseCard = ReturnType<typeof listCourses>[number]

function outline(course: CourseEntry, locale: Locale) {
  return course.modules.map((module) => ({
    slug: module.slug,
    title: text(course, module.meta.title, locale),
    summary: module.meta.summary ? text(course, module.meta.summary, locale) : null,
    lessons: module.lessons.map((lesson) => {
      const source = lesson.sources[locale] ?? lesson.sources[course.meta.defaultLocale]!
      return {
        id: lesson.id,
        url: lessonUrl(course.slug, lesson),
        title: { text: source.frontmatter.title, lang: source.locale },
        minutes: source.minutes,
        translated: Boolean(lesson.sources[locale]),
      }
    }),
    quiz: module.quiz
      ? (() => {
          const file = module.quiz.files[locale] ?? module.quiz.files[course.meta.defaultLocale]!
          return {
            id: module.quiz.id,
            url: `/courses/${course.slug}/${module.slug}/quiz`,
            title: { text: file.quiz.title, lang: file === module.quiz.files[locale] ? locale : course.meta.defaultLocale },
            questions: file.quiz.draw ?? file.quiz.questions.length,
          }
        })()
      : null,
  }))
}

export type CourseOutline = ReturnType<typeof outline>

export function getCourse(slug: string, locale: Locale) {
  const course = findCourse(slug)
  if (!course) return null
  const modules = outline(course, locale)
  const first = modules.flatMap((m) => m.lessons)[0]
  const objectives = pickLocalized(course.meta.objectives, locale, course.meta.defaultLocale)
  return {
    slug: course.slug,
    title: text(course, course.meta.title, locale),
    summary: text(course, course.meta.summary, locale),
    objectives: objectives ? { items: objectives.value, lang: objectives.locale } : null,
    audience: course.meta.audience,
    estimatedHours: course.meta.estimatedHours,
    certifiesTrainers: course.meta.certifiesTrainers,
    lessonCount: course.lessonCount,
    translatedLessons: course.coverage.find((c) => c.locale === locale)?.lessons ?? 0,
    hasGlossary: Object.keys(course.glossary).length > 0,
    firstLessonUrl: first?.url ?? null,
    modules,
  }
}

export type CourseView = NonNullable<ReturnType<typeof getCourse>>

export function getGlossary(slug: string, locale: Locale) {
  const course = findCourse(slug)
  if (!course) return null
  const picked = pickLocalized(course.glossary, locale, course.meta.defaultLocale)
  const entries = [...(picked?.value ?? [])].sort((a, b) => a.term.localeCompare(b.term, picked?.locale))
  return {
    course: { slug: course.slug, title: text(course, course.meta.title, locale) },
    lang: picked?.locale ?? course.meta.defaultLocale,
    entries,
  }
}

// Lesson pages' data, made once per lesson and language for a content index
// (in production, one for the server's life; in development the index, and so
// this, is made afresh as files change).
const lessonPages = new WeakMap<ContentIndex, Map<string, ReturnType<typeof buildLesson>>>()

/**
 * A lesson page's data. Its compiled code is loaded (for the server's render)
 * but not included: browsers load it as a module (see lesson-component.ts).
 * The result is shared: do not change it.
 */
export function getLesson(courseSlug: string, moduleSlug: string, lessonSlug: string, locale: Locale) {
  const index = getContentIndex()
  let pages = lessonPages.get(index)
  if (!pages) lessonPages.set(index, (pages = new Map()))
  const key = `${courseSlug}/${moduleSlug}/${lessonSlug}/${locale}`
  let page = pages.get(key)
  if (!page) {
    page = buildLesson(courseSlug, moduleSlug, lessonSlug, locale)
    // Only real lessons are kept, so made-up addresses cannot fill the memory.
    void page.then((made) => (made ? undefined : pages.delete(key)), () => pages.delete(key))
    pages.set(key, page)
  }
  return page
}

async function buildLesson(courseSlug: string, moduleSlug: string, lessonSlug: string, locale: Locale) {
  const course = findCourse(courseSlug)
  const module = course?.modules.find((m) => m.slug === moduleSlug)
  const lesson = module?.lessons.find((l) => l.slug === lessonSlug)
  if (!course || !module || !lesson) return null
  const source = lesson.sources[locale] ?? lesson.sources[course.meta.defaultLocale]
  if (!source) return null

  const all = course.modules.flatMap((m) => m.lessons)
  const position = all.findIndex((l) => l.id === lesson.id)
  const neighbour = (entry: LessonEntry | undefined) => {
    if (!entry) return null
    const s = entry.sources[locale] ?? entry.sources[course.meta.defaultLocale]!
    return { url: lessonUrl(course.slug, entry), title: { text: s.frontmatter.title, lang: s.locale } }
  }
  const glossary = pickLocalized(course.glossary, source.locale, course.meta.defaultLocale)
  await getCompiledLesson(source)
  return {
    course: { slug: course.slug, title: text(course, course.meta.title, locale) },
    module: { slug: module.slug, title: text(course, module.meta.title, locale) },
    lesson: {
      id: lesson.id,
      title: source.frontmatter.title,
      summary: source.frontmatter.summary ?? null,
      minutes: source.minutes,
      sensitive: source.frontmatter.sensitive,
      position: position + 1,
      count: all.length,
      /** Every reflection box of the lesson, in any of its languages. */
      reflectionIds: [...new Set(Object.values(lesson.sources).flatMap((s) => s.reflectionIds))],
    },
    /** The language the lesson is written in: the reader's, or the course default. */
    contentLocale: source.locale,
    fallback: source.locale !== locale,
    hash: source.hash,
    /** The module's quiz, when this is the module's last lesson. */
    quizAfter:
      module.quiz && module.lessons.at(-1)?.id === lesson.id
        ? { id: module.quiz.id, url: `/courses/${course.slug}/${module.slug}/quiz` }
        : null,
    glossary: (glossary?.value ?? []).map(({ id, term, definition }) => ({ id, term, definition })),
    previous: neighbour(all[position - 1]),
    next: neighbour(all[position + 1]),
    outline: outline(course, locale),
  }
}

export type LessonView = NonNullable<Awaited<ReturnType<typeof getLesson>>>

/** The lesson file whose compiled code has this hash (for /lesson-code/<hash>.js). */
export function findLessonSourceByHash(hash: string): LessonSource | null {
  for (const course of getContentIndex().courses) {
    for (const module of course.modules) {
      for (const lesson of module.lessons) {
        for (const source of Object.values(lesson.sources)) if (source.hash === hash) return source
      }
    }
  }
  return null
}

/** The absolute path of a file in a course's assets/ folder, or null. */
export function courseAssetPath(courseSlug: string, file: string): string | null {
  const course = findCourse(courseSlug)
  if (!course) return null
  const assets = path.join(course.dir, 'assets')
  const full = path.resolve(assets, file)
  return full.startsWith(assets + path.sep) ? full : null
}

// `npm run content:check`: everything loadContent finds wrong, plus what only
// compiling a lesson shows (MDX syntax, unknown components, missing alt text or
// captions, unknown glossary terms, links to lessons that do not exist).
import fs from 'node:fs'
import path from 'node:path'
import { SUPPORTED_LOCALES } from '#app/i18n/config.ts'
import { MDX_COMPONENT_RULES, isMdxComponentName, type ComponentRule } from '#app/mdx/registry.ts'
import { MdxCompileError, compileMdx, type CompiledMdx } from './compile-mdx.server.ts'
import { loadContent, type ContentIndex, type CourseEntry, type LessonSource, type Problem } from './load.server.ts'

export type CheckResult = { index: ContentIndex; problems: Problem[] }

export async function checkContent(root: string): Promise<CheckResult> {
  const { index, problems } = loadContent(root)
  for (const course of index.courses) {
    for (const module of course.modules) {
      for (const lesson of module.lessons) {
        for (const source of Object.values(lesson.sources)) {
          problems.push(...(await checkLesson(course, module.slug, lesson.slug, source)))
        }
      }
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0))
  return { index, problems }
}

async function checkLesson(course: CourseEntry, moduleSlug: string, lessonSlug: string, source: LessonSource): Promise<Problem[]> {
  const problems: Problem[] = []
  const at = (line: number | null, message: string) => problems.push({ file: source.file, line, message })
  let compiled: CompiledMdx
  try {
    compiled = await compileMdx(fs.readFileSync(source.absolutePath, 'utf8'))
  } catch (error) {
    if (error instanceof MdxCompileError) at(error.line, `MDX does not compile: ${error.message}`)
    else at(null, `MDX does not compile: ${String(error)}`)
    return problems
  }

  const glossary = course.glossary[source.locale] ?? course.glossary[course.meta.defaultLocale] ?? []
  const reflectionIds = new Set<string>()
  for (const use of compiled.components) {
    if (use.name === '(Markdown image)') {
      at(use.line, 'images go in <Figure src="…" alt="…" caption="…" />, which requires alt text and a caption')
      continue
    }
    if (!isMdxComponentName(use.name)) {
      const known = Object.keys(MDX_COMPONENT_RULES).join(', ')
      at(use.line, `<${use.name}> is not a component authors can use (use Markdown, or one of: ${known})`)
      continue
    }
    const rule: ComponentRule = MDX_COMPONENT_RULES[use.name]
    for (const prop of rule.required) {
      const value = use.props[prop]
      if (value === undefined || value === '') at(use.line, `<${use.name}> needs ${describeProp(use.name, prop)}`)
    }
    for (const [prop, value] of Object.entries(use.props)) {
      if (!rule.allowed.includes(prop)) at(use.line, `<${use.name}> has no prop "${prop}" (it takes ${rule.allowed.join(', ')})`)
      else if (value === null) at(use.line, `<${use.name}> ${prop} must be plain text in quotes, not an expression`)
      else if (rule.values?.[prop] && !rule.values[prop]!.includes(value)) {
        at(use.line, `<${use.name}> ${prop}="${value}" must be one of ${rule.values[prop]!.join(', ')}`)
      }
    }
    for (const prop of rule.assets ?? []) {
      const file = use.props[prop]
      if (file && !assetExists(course, file)) at(use.line, `<${use.name}> ${prop}="${file}": no such file in ${course.slug}/assets/`)
    }
    if (use.name === 'Term' && use.props.id && !glossary.some((entry) => entry.id === use.props.id)) {
      at(use.line, `<Term id="${use.props.id}">: no such term in the ${source.locale} glossary of ${course.slug}`)
    }
    if (use.name === 'Reflection' && use.props.id) {
      if (reflectionIds.has(use.props.id)) at(use.line, `<Reflection id="${use.props.id}"> is used twice in this lesson`)
      reflectionIds.add(use.props.id)
    }
  }

  const lessonUrl = `/courses/${course.slug}/${moduleSlug}/${lessonSlug}`
  for (const link of compiled.links) {
    const problem = linkProblem(course, lessonUrl, link.url)
    if (problem) at(link.line, problem)
  }
  return problems
}

function describeProp(component: string, prop: string) {
  if (component === 'Figure' && prop === 'alt') return 'alt text describing the image (alt="…")'
  if (component === 'Figure' && prop === 'caption') return 'a caption (caption="…")'
  if (component === 'Video' && prop === 'captions') return 'a captions track (captions="file.vtt")'
  return `a ${prop}="…"`
}

function assetExists(course: CourseEntry, file: string) {
  const assets = path.join(course.dir, 'assets')
  const full = path.resolve(assets, file)
  return full.startsWith(assets + path.sep) && fs.existsSync(full) && fs.statSync(full).isFile()
}

/** Why a link in a lesson goes nowhere, or null when it is fine. */
export function linkProblem(course: CourseEntry, lessonUrl: string, url: string): string | null {
  if (/^(https?:|mailto:|tel:)/i.test(url) || url.startsWith('#')) return null
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return `link "${url}": only http(s), mailto and tel links are allowed`
  const target = new URL(url, `http://trellis.invalid${lessonUrl}`).pathname.replace(/\/$/, '')
  const prefix = `/courses/${course.slug}`
  if (target === prefix || target === `${prefix}/glossary` || target === '/courses') return null
  if (target.startsWith(`${prefix}/`)) {
    const [moduleSlug, lessonSlug, ...rest] = target.slice(prefix.length + 1).split('/')
    const module = course.modules.find((m) => m.slug === moduleSlug)
    if (rest.length === 0 && module?.lessons.some((l) => l.slug === lessonSlug)) return null
  }
  return `link "${url}" goes to ${target}, which is not a lesson of this course (write ./lesson, ../module/lesson, without numbers or extension)`
}

export type CoverageRow = { course: string; locale: string; lessons: string; quizzes: string; status: string }

export function coverageTable(index: ContentIndex): CoverageRow[] {
  return index.courses.flatMap((course) =>
    SUPPORTED_LOCALES.map((locale) => {
      const row = course.coverage.find((c) => c.locale === locale)!
      const status = row.complete ? 'complete' : row.lessons === 0 ? 'missing' : 'partial (falls back to ' + course.meta.defaultLocale + ')'
      return {
        course: course.slug,
        locale: locale + (locale === course.meta.defaultLocale ? ' (default)' : ''),
        lessons: `${row.lessons}/${course.lessonCount}`,
        quizzes: `${row.quizzes}/${course.quizCount}`,
        status,
      }
    }),
  )
}

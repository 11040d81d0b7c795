import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { checkContent, coverageTable } from './check.server.ts'

// Each test writes a small valid course, breaks one thing, and expects the
// checker to name the file and line.
let root: string

function write(files: Record<string, string>) {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-content-'))
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, 'courses', 'demo', file)
    fs.mkdirSync(path.dirname(full), { recursive: true })
    fs.writeFileSync(full, text)
  }
  return root
}

afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

const course = `title:
  en: Demo course
  fr: Cours de démonstration
summary:
  en: A course for tests.
  fr: Un cours pour les tests.
audience: [educator]
estimatedHours: 1
defaultLocale: en
modules: [basics]
`
const moduleYml = `title:
  en: Basics
  fr: Les bases
`
const lesson = (title: string, body = 'Some text.') => `---\ntitle: ${title}\n---\n\n${body}\n`
const quiz = `title: Check
passMark: 70
questions:
  - id: q1
    type: single
    prompt: Which?
    options:
      - { id: a, text: A }
      - { id: b, text: B }
    answer: a
    explanation: Because.
`
const glossary = `- id: grooming\n  term: Grooming\n  definition: Building trust to abuse.\n`

function validCourse(extra: Record<string, string> = {}) {
  return write({
    'course.yml': course,
    'glossary.en.yml': glossary,
    'glossary.fr.yml': glossary,
    'assets/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    '01-basics/module.yml': moduleYml,
    '01-basics/01-intro.en.mdx': lesson('Intro', 'See [the next one](./next) and <Term id="grooming">grooming</Term>.'),
    '01-basics/01-intro.fr.mdx': lesson('Intro'),
    '01-basics/02-next.en.mdx': lesson('Next', '<Figure src="diagram.svg" alt="A diagram" caption="The diagram" />'),
    '01-basics/quiz.en.yml': quiz,
    ...extra,
  })
}

async function problems(dir: string) {
  return (await checkContent(dir)).problems.map((p) => `${p.file}:${p.line ?? '-'} ${p.message}`)
}

describe('a valid course', () => {
  test('has no problems, and its coverage says which languages are complete', async () => {
    const dir = validCourse()
    const result = await checkContent(dir)
    expect(result.problems).toEqual([])
    const rows = coverageTable(result.index)
    expect(rows.find((r) => r.locale.startsWith('en'))).toMatchObject({ lessons: '2/2', quizzes: '1/1', status: 'complete' })
    expect(rows.find((r) => r.locale === 'fr')).toMatchObject({ lessons: '1/2', quizzes: '0/1', status: 'partial (falls back to en)' })
    expect(rows.find((r) => r.locale === 'ar')).toMatchObject({ lessons: '0/2', status: 'missing' })
  })
})

describe('each kind of broken file is caught with its file and line', () => {
  test('course.yml missing a required field', async () => {
    const dir = validCourse({ 'course.yml': course.replace('estimatedHours: 1\n', '') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/^courses\/demo\/course.yml:1 estimatedHours: Required/)])
  })

  test('a value of the wrong kind points at its line', async () => {
    const dir = validCourse({ 'course.yml': course.replace('audience: [educator]', 'audience: [pirates]') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/^courses\/demo\/course.yml:7 audience.0: Invalid enum value/)])
  })

  test('invalid YAML', async () => {
    const dir = validCourse({ '01-basics/module.yml': 'title:\n  en: "Basics\n' })
    expect((await problems(dir))[0]).toMatch(/^courses\/demo\/01-basics\/module.yml:\d+ not valid YAML/)
  })

  test('lesson front matter without a title', async () => {
    const dir = validCourse({ '01-basics/02-next.en.mdx': '---\nsummary: No title\n---\n\nText.\n' })
    expect(await problems(dir)).toEqual([expect.stringMatching(/^courses\/demo\/01-basics\/02-next.en.mdx:2 title: Required/)])
  })

  test('MDX that does not compile', async () => {
    const dir = validCourse({ '01-basics/02-next.en.mdx': lesson('Next', 'Line one.\n\n<Callout type="note">\n\nNever closed.') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/02-next.en.mdx:7 MDX does not compile: Expected a closing tag for `<Callout>`/)])
  })

  test('an unknown MDX component', async () => {
    const dir = validCourse({ '01-basics/02-next.en.mdx': lesson('Next', 'Text.\n\n<Marquee>Hello</Marquee>') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/02-next.en.mdx:7 <Marquee> is not a component authors can use/)])
  })

  test('a figure without alt text, and a video without captions', async () => {
    const dir = validCourse({
      '01-basics/02-next.en.mdx': lesson('Next', '<Figure src="diagram.svg" caption="Diagram" />\n\n<Video src="diagram.svg" title="Film" />'),
    })
    expect(await problems(dir)).toEqual([
      expect.stringMatching(/02-next.en.mdx:5 <Figure> needs alt text/),
      expect.stringMatching(/02-next.en.mdx:7 <Video> needs a captions track/),
    ])
  })

  test('a Markdown image instead of a Figure', async () => {
    const dir = validCourse({ '01-basics/02-next.en.mdx': lesson('Next', 'Text.\n\n![](diagram.svg)') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/02-next.en.mdx:7 images go in <Figure/)])
  })

  test('a figure whose image is not in assets/', async () => {
    const dir = validCourse({ '01-basics/02-next.en.mdx': lesson('Next', '<Figure src="missing.png" alt="x" caption="y" />') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/02-next.en.mdx:5 <Figure> src="missing.png": no such file/)])
  })

  test('a glossary term that does not exist', async () => {
    const dir = validCourse({ '01-basics/01-intro.fr.mdx': lesson('Intro', 'Le <Term id="sextortion">chantage</Term>.') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/01-intro.fr.mdx:5 <Term id="sextortion">: no such term in the fr glossary/)])
  })

  test('a link to a lesson that does not exist', async () => {
    const dir = validCourse({ '01-basics/01-intro.en.mdx': lesson('Intro', 'See [nothing](./nowhere) and [fine](../basics/next).') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/01-intro.en.mdx:5 link "\.\/nowhere" goes to \/courses\/demo\/basics\/nowhere/)])
  })

  test('a quiz answer that is not one of the options', async () => {
    const dir = validCourse({ '01-basics/quiz.en.yml': quiz.replace('answer: a', 'answer: c') })
    expect(await problems(dir)).toEqual([
      'courses/demo/01-basics/quiz.en.yml:10 questions.0.answer: question "q1" gives the answer "c", which is not one of its options',
    ])
  })

  test('a quiz drawing more questions than its pool', async () => {
    const dir = validCourse({ '01-basics/quiz.en.yml': quiz.replace('passMark: 70', 'passMark: 70\ndraw: 5') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/quiz.en.yml:3 draw: draws 5 questions from a pool of 1/)])
  })

  test('a translated quiz whose answers differ', async () => {
    const dir = validCourse({ '01-basics/quiz.fr.yml': quiz.replace('answer: a', 'answer: b') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/quiz.fr.yml:- differs from courses\/demo\/01-basics\/quiz.en.yml/)])
  })

  test('a module folder not listed in course.yml, and a listed module without a folder', async () => {
    const dir = validCourse({
      'course.yml': course.replace('modules: [basics]', 'modules: [basics, advanced]'),
      '02-extra/module.yml': moduleYml,
    })
    expect(await problems(dir)).toEqual([
      expect.stringMatching(/^courses\/demo\/02-extra:- module "extra" is not listed/),
      expect.stringMatching(/^courses\/demo\/course.yml:- lists module "advanced", but there is no folder/),
    ])
  })

  test('a lesson with no version in the default language', async () => {
    const dir = validCourse({ '01-basics/03-later.fr.mdx': lesson('Plus tard') })
    expect(await problems(dir)).toEqual([expect.stringMatching(/03-later.fr.mdx:- lesson "basics\/later" has no en version/)])
  })
})

import './use-e2e-database.ts'
import fc from 'fast-check'
import { db } from '#app/utils/db.server.ts'
import { accessFixtures, type Caller } from './access-fixtures.ts'
import { ROUTES, expected } from './access-routes.ts'
import { expect, test } from './fixtures.ts'

// Every form of the app, filled in at random (fast-check) by a caller who is
// allowed to send it: the fields the page really has, given real values,
// wrong types, empty or 1 MB strings, NUL and bidi characters, combining
// marks, emoji, markup, dates at the edges and huge numbers, with fields left
// out and others added. Whatever arrives, the answer is a page or a 4xx,
// never a 5xx. Then strings that look like markup are stored in every kind
// of record and every page that shows them must show them as text.

const RUNS = Number(process.env.FUZZ_RUNS ?? 15)
const SEED = Number(process.env.FUZZ_SEED ?? 20261201)

const MARKUP = '<img src=x onerror=alert(1)>"\'&</textarea><script>alert(2)</script>'

const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    'Ali\u202efdp.exe\u202c',
    'e\u0301\u0301\u0301\u0301',
    '👩🏽‍🏫🇲🇼',
    MARKUP,
    '0001-01-01',
    '9999-12-31',
    '2024-02-30',
    '-1',
    '0',
    '1e309',
    'NaN',
    '99999999999999999999999',
    'null',
    '[object Object]',
    '../../etc/passwd',
    '%00',
    'x'.repeat(100_000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
)

type Field = { name: string; values: string[]; file: boolean }

/** The named fields of a page's forms, with the values the page itself offers. */
function fieldsOf(html: string): Field[] {
  const fields = new Map<string, Field>()
  for (const match of html.matchAll(/<(input|select|textarea|button|option)\b[^>]*>/g)) {
    const tag = match[0]
    const name = /\bname="([^"]+)"/.exec(tag)?.[1]
    if (!name) continue
    const value = /\bvalue="([^"]*)"/.exec(tag)?.[1]
    const field = fields.get(name) ?? { name, values: [], file: /type="file"/.test(tag) }
    if (value !== undefined && !field.values.includes(value)) field.values.push(value.replace(/&amp;/g, '&').replace(/&quot;/g, '"'))
    fields.set(name, field)
  }
  return [...fields.values()]
}

/** A form: each field left out, given one of the page's values, or something nasty; plus a stray field sometimes. */
function formArbitrary(fields: Field[]) {
  const entries = fields.map((field) =>
    fc.option(field.values.length > 0 ? fc.oneof(fc.constantFrom(...field.values), nasty) : nasty, { nil: undefined, freq: 5 }).map((value) => [field, value] as const),
  )
  return fc.tuple(fc.tuple(...entries), fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), nasty), { nil: undefined, freq: 3 }))
}

/** The first caller allowed to send a route's form. */
function allowedCaller(path: string): Caller | null {
  const row = ROUTES[path]!
  if (!row.post) return null
  for (const caller of ['learner', 'trainer', 'admin', 'anonymous'] as const) {
    if (!['login', 'forbidden', 'home'].includes(expected(row.post, caller))) return caller
  }
  return null
}

test.describe('fuzzing every form', () => {
  test.describe.configure({ timeout: 180_000 })
  for (const path of Object.keys(ROUTES).filter((p) => allowedCaller(p))) {
    test(`${path}: random forms get a page or a 4xx, never a 5xx`, async ({ baseURL }) => {
      const fixtures = await accessFixtures(baseURL!)
      const caller = allowedCaller(path)!
      const request = fixtures.contexts.get(caller)!
      const url = ROUTES[path]!.url({ ...fixtures.params, lessonHash: fixtures.lessonHash })
      const page = await request.get(url)
      const fields = fieldsOf(await page.text())
      const failures: string[] = []
      await fc.assert(
        fc.asyncProperty(formArbitrary(fields), async ([chosen, stray]) => {
          const form: Record<string, string> = {}
          const files: Record<string, { name: string; mimeType: string; buffer: Buffer }> = {}
          for (const [field, value] of chosen) {
            if (value === undefined) continue
            if (field.file) files[field.name] = { name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,email\n${value},${value}\n`) }
            else form[field.name] = value
          }
          if (stray) form[stray[0]] = stray[1]
          const response = Object.keys(files).length > 0
            ? await request.post(url, { multipart: { ...form, ...files }, maxRedirects: 0 })
            : await request.post(url, { form, maxRedirects: 0 })
          if (response.status() >= 500) failures.push(`${response.status()} for ${JSON.stringify(form).slice(0, 300)}`)
          return response.status() < 500
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
      expect(failures).toEqual([])
      for (const context of fixtures.contexts.values()) await context.dispose()
    })
  }
})

test('a report query given at random gets a page or a 4xx', async ({ baseURL }) => {
  const fixtures = await accessFixtures(baseURL!)
  const admin = fixtures.contexts.get('admin')!
  const params = fc.array(fc.tuple(fc.constantFrom('preset', 'from', 'to', 'group', 'country', 'kind', 'course', 'cohort', 'after', 'before', 'q', 'page'), nasty), { maxLength: 6 })
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('/admin/reports', '/admin/reports/programme', '/api/reports', '/admin/users', '/admin/audit', '/admin/reports/export/monthly.csv'), params, async (path, pairs) => {
      const query = new URLSearchParams(pairs.map(([k, v]) => [k, v.slice(0, 2_000)])).toString()
      const response = await admin.get(`${path}?${query}`, { maxRedirects: 0 })
      return response.status() < 500
    }),
    { numRuns: RUNS * 4, seed: SEED },
  )
  for (const context of fixtures.contexts.values()) await context.dispose()
})

test('text that looks like markup is shown as text wherever it is stored', async ({ baseURL, page, makeUser, signIn }) => {
  const fixtures = await accessFixtures(baseURL!)
  const person = await db.user.update({ where: { id: fixtures.ids.otherLearner }, data: { displayName: MARKUP, organisation: MARKUP } })
  await db.cohort.update({ where: { id: fixtures.params.cohort }, data: { name: MARKUP, facilitators: MARKUP } })
  await db.activity.update({ where: { id: fixtures.params.activity }, data: { title: MARKUP, city: MARKUP, organiser: MARKUP, notes: MARKUP } })
  await db.activityAttendee.create({ data: { activityId: fixtures.params.activity!, name: MARKUP, stakeholderGroup: 'educator', organisation: MARKUP } })
  await db.cascadeSession.update({ where: { id: fixtures.ids.othersSession }, data: { place: MARKUP, notes: MARKUP } })
  await db.certificate.updateMany({ where: { id: fixtures.params.id }, data: { recipientName: MARKUP } })
  await signIn(await makeUser({ role: 'admin' }))
  let alerted = false
  page.on('dialog', async (dialog) => {
    alerted = true
    await dialog.dismiss()
  })
  for (const path of [
    `/admin/users`,
    `/admin/users/${person.id}`,
    `/admin/cohorts`,
    `/admin/cohorts/${fixtures.params.cohort}`,
    `/admin/activities`,
    `/admin/activities/${fixtures.params.activity}`,
    `/admin/sessions`,
    `/verify/${fixtures.params.id}`,
    `/join/${fixtures.params.code}`,
    `/admin/audit`,
  ]) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBeLessThan(400)
    const html = await response!.text()
    expect(html, path).not.toContain('<img src=x')
    expect(html, path).not.toContain('<script>alert(2)')
  }
  await page.goto(`/admin/users/${person.id}`)
  await expect(page.getByText('<img src=x onerror=alert(1)>', { exact: false }).first()).toBeVisible()
  expect(alerted).toBe(false)
  for (const context of fixtures.contexts.values()) await context.dispose()
})

import './use-e2e-database.ts'
import fs from 'node:fs'
import { db } from '#app/utils/db.server.ts'
import { CALLERS, accessFixtures } from './access-fixtures.ts'
import { ROUTES, classify, expected, manifest } from './access-routes.ts'
import { expect, test } from './fixtures.ts'

// Every route of the app (from app/routes.ts), asked for by every kind of
// caller, reading (GET) and, where the route has an action, posting an empty
// form. Each row says what each caller must get. A route added without a row,
// or an action added to a route whose row says it has none, fails the first
// test. Objects that belong to someone else (another learner's attempt and
// certificate files, another trainer's session) are what the ids point to.
// The rows, and what each outcome means, are in access-routes.ts.

test('every route has a row in the access matrix, and every action is in it', () => {
  expect(Object.keys(ROUTES).sort()).toEqual(manifest.map((r) => r.path).sort())
  for (const { path, file } of manifest) {
    const source = fs.readFileSync(`app/${file}`, 'utf8')
    const hasAction = /export (async )?function action\b|export const action\b/.test(source)
    expect(Boolean(ROUTES[path]!.post), `${path}: ${hasAction ? 'has an action the matrix does not post to' : 'has no action'}`).toBe(hasAction)
  }
})

test.describe('the access matrix', () => {
  test.describe.configure({ timeout: 120_000 })
  for (const caller of CALLERS) {
    test(`as ${caller}, every route answers as its row says`, async ({ baseURL }) => {
      const fixtures = await accessFixtures(baseURL!)
      const params = { ...fixtures.params, lessonHash: fixtures.lessonHash }
      const request = fixtures.contexts.get(caller)!
      const got: string[] = []
      const want: string[] = []
      for (const [path, row] of Object.entries(ROUTES)) {
        const url = row.url(params)
        const read = await request.get(url, { maxRedirects: 0 })
        got.push(`GET ${path}: ${classify(read)}`)
        if (process.env.ACCESS_MATRIX_PRINT && read.headers().location) console.log(`GET ${path} → ${read.headers().location}`)
        want.push(`GET ${path}: ${expected(row.get, caller)}`)
        if (row.post) {
          const posted = await request.post(url, { form: {}, maxRedirects: 0 })
          got.push(`POST ${path}: ${classify(posted)}`)
          if (process.env.ACCESS_MATRIX_PRINT && posted.headers().location) console.log(`POST ${path} → ${posted.headers().location}`)
          want.push(`POST ${path}: ${expected(row.post, caller)}`)
        }
      }
      if (process.env.ACCESS_MATRIX_PRINT) console.log(got.join('\n'))
      expect(got).toEqual(want)
      for (const context of fixtures.contexts.values()) await context.dispose()
    })
  }
})

test('a trainer sees and deletes only their own cascade sessions', async ({ baseURL }) => {
  const fixtures = await accessFixtures(baseURL!)
  const trainer = fixtures.contexts.get('trainer')!
  expect(await (await trainer.get('/trainer/sessions')).text()).not.toContain('Zomba')
  const deleted = await trainer.post('/trainer/sessions', { form: { intent: 'delete', sessionId: fixtures.ids.othersSession }, maxRedirects: 0 })
  expect(deleted.status()).toBeLessThan(500)
  expect(await db.cascadeSession.count({ where: { id: fixtures.ids.othersSession } })).toBe(1)
  for (const context of fixtures.contexts.values()) await context.dispose()
})

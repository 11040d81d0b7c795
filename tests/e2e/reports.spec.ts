import { readFile } from 'node:fs/promises'
import { dayToDate } from '#app/reporting/dates.ts'
import { db } from '#app/utils/db.server.ts'
import { expect, test } from './fixtures.ts'

// A small programme in Fiji (a country no other test uses) in 2023, entered
// straight into the database; its figures are worked out by hand below.
async function seedFiji() {
  const stamp = Date.now().toString(36)
  const person = (email: string, group: string) =>
    db.user.create({ data: { email: `${stamp}-${email}`, displayName: email, passwordHash: 'x', country: 'FJ', stakeholderGroup: group, createdAt: new Date('2023-01-01T00:00:00Z') } })
  const lesson = (userId: string, at: string) => db.lessonProgress.create({ data: { userId, courseSlug: 'introduction', lessonId: `${stamp}-${at}`, completedAt: new Date(at) } })
  // Two parents online in the quarter (one with two lessons), one educator online before it.
  const p1 = await person('p1@example.org', 'parent_carer')
  await lesson(p1.id, '2023-10-03T08:00:00Z')
  await lesson(p1.id, '2023-11-03T08:00:00Z')
  const p2 = await person('p2@example.org', 'parent_carer')
  await lesson(p2.id, '2023-12-31T20:00:00Z')
  const e1 = await person('e1@example.org', 'educator')
  await lesson(e1.id, '2023-05-01T08:00:00Z')
  // A workshop in November: e1 on the list (already counted), 40 parents by headcount.
  const workshop = await db.activity.create({
    data: { title: 'Parents workshop', kind: 'workshop', startsOn: dayToDate('2023-11-15'), endsOn: dayToDate('2023-11-15'), country: 'FJ', audienceGroups: '["parent_carer","educator"]' },
  })
  await db.activityAttendee.create({ data: { activityId: workshop.id, name: 'E1', email: `${stamp}-e1@example.org`, stakeholderGroup: 'educator' } })
  await db.activityHeadcount.create({ data: { activityId: workshop.id, stakeholderGroup: 'parent_carer', count: 40 } })
  // Before the platform: 500 parents and educators.
  await db.baseline.create({ data: { asOf: dayToDate('2021-12-31'), activityKind: 'offline_activity', stakeholderGroup: 'parent_carer', country: 'FJ', participants: 500 } })
}

test('an admin reads a quarter’s figures on the dashboard, in the programme report and as CSV and JSON', async ({ page, request, makeUser, signIn }) => {
  await seedFiji()
  await signIn(await makeUser({ role: 'admin' }))
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Reports', exact: true }).click()
  await page.getByLabel('From', { exact: true }).fill('2023-10-01')
  await page.getByLabel('To', { exact: true }).fill('2023-12-31')
  await page.getByLabel('Country', { exact: true }).selectOption('FJ')
  await page.getByRole('button', { name: 'Show figures' }).click()
  await expect(page.getByText('1 October 2023 – 31 December 2023')).toBeVisible()

  // Additional: p1, p2 and the 40 = 42. Total: p1, p2, e1, 40, 500 = 543.
  const byGroup = page.getByRole('table', { name: 'Participants by stakeholder group' })
  await expect(byGroup.getByRole('row', { name: /Parent or carer/ })).toHaveText(/Parent or carer\s*42\s*0\s*542/)
  await expect(byGroup.getByRole('row', { name: /Educator/ })).toHaveText(/Educator\s*0\s*0\s*1/)
  await expect(byGroup.getByRole('row', { name: /^All/ })).toHaveText(/All\s*42\s*0\s*543/)
  const activities = page.getByRole('table', { name: 'Activities and trainers' })
  await expect(activities.getByRole('row', { name: /Offline activities held/ })).toHaveText(/1\s*1$/)

  // The same table as CSV.
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download “Participants by stakeholder group” as CSV' }).click()
  const csv = await readFile((await (await downloading).path())!, 'utf8')
  expect(csv).toContain('Parent or carer,42,0,542')
  expect(csv).toContain('All,42,0,543')

  // The programme report, for parents, carers and educators.
  await page.getByRole('link', { name: 'Programme report for this period' }).click()
  await page.getByLabel('Parent or carer').check()
  await page.getByLabel('Educator').check()
  await page.getByRole('button', { name: 'Show figures' }).click()
  await expect(page.getByText('Country: Fiji')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'participated in training' })).toHaveText(
    '42 additional parents, carers and educators participated in training and capacity building activities (total of 543 participants by 31 December 2023).',
  )
  // Offline: e1 is new to offline activities (41 with the 40 parents); with the 500 before, 541.
  await expect(page.getByRole('listitem').filter({ hasText: 'offline capacity-building' })).toHaveText(
    '1 offline capacity-building activity delivered to parents, carers and educators with a total of 41 participants (total of 541 participants by 31 December 2023).',
  )

  // Other tools read the same figures as JSON with the API token.
  const json = await request.get('/api/reports?preset=custom&from=2023-10-01&to=2023-12-31&country=FJ', {
    headers: { Authorization: 'Bearer e2e-reports-token-0123456789abcdef' },
  })
  expect(json.status()).toBe(200)
  expect((await json.json()).participants.overall).toEqual({ additional: 42, baseline: 0, total: 543 })
  expect((await request.get('/api/reports', { headers: { Authorization: 'Bearer wrong' } })).status()).toBe(401)
})

test('a bad period is explained next to the field', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'admin' }))
  await page.goto('/admin/reports?preset=custom&from=2023-12-31&to=2023-01-01')
  await expect(page.getByText('The last day must not be before the first.')).toBeVisible()
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true')
})

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
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Programme report/)
  await page.getByLabel('Parent or carer').check()
  await page.getByLabel('Educator').check()
  await page.getByRole('button', { name: 'Show figures' }).click()
  await expect(page.getByText('All figures are for Fiji only.')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'participated in training' })).toHaveText(
    '42 additional parents, carers and educators participated in training and capacity-building activities (total of 543 participants by 31 December 2023).',
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

// Tonga in the last quarter of 2023 (a country no other test uses): a parent
// and an educator online, both enrolled, the parent finished; a workshop for
// government officials with 25 people by headcount.
async function seedTonga() {
  const stamp = Date.now().toString(36)
  const person = async (email: string, group: string, finished: boolean) => {
    const user = await db.user.create({ data: { email: `${stamp}-${email}`, displayName: email, passwordHash: 'x', country: 'TO', stakeholderGroup: group, createdAt: new Date('2023-10-01T00:00:00Z') } })
    await db.lessonProgress.create({ data: { userId: user.id, courseSlug: 'introduction', lessonId: `${stamp}-l1`, completedAt: new Date('2023-10-05T08:00:00Z') } })
    await db.enrolment.create({ data: { userId: user.id, courseSlug: 'introduction', enrolledAt: new Date('2023-10-02T08:00:00Z'), completedAt: finished ? new Date('2023-10-20T08:00:00Z') : null } })
  }
  await person('parent@example.org', 'parent_carer', true)
  await person('educator@example.org', 'educator', false)
  const workshop = await db.activity.create({
    data: { title: 'Policy dialogue', kind: 'workshop', startsOn: dayToDate('2023-11-08'), endsOn: dayToDate('2023-11-08'), country: 'TO', audienceGroups: '["government"]' },
  })
  await db.activityHeadcount.create({ data: { activityId: workshop.id, stakeholderGroup: 'government', count: 25 } })
}

test('each sentence of the programme report keeps its own scope; the report downloads as CSV and PDF; the audit log reads in French', async ({ page, makeUser, signIn }) => {
  await seedTonga()
  await signIn(await makeUser({ role: 'admin' }))
  await page.goto('/admin/reports?preset=custom&from=2023-10-01&to=2023-12-31')
  // The programme's countries come first in the country filter.
  await expect(page.locator('#report-country optgroup[label="Programme countries"] option[value="TO"]')).toHaveCount(1)
  await page.getByLabel('Country', { exact: true }).selectOption('TO')
  // Any number of stakeholder groups on the dashboard.
  await page.getByRole('checkbox', { name: 'Parent or carer' }).check()
  await page.getByRole('checkbox', { name: 'Educator' }).check()
  await page.getByRole('button', { name: 'Show figures' }).click()
  const byGroup = page.getByRole('table', { name: 'Participants by stakeholder group' })
  await expect(byGroup.getByRole('row', { name: /^All/ })).toHaveText(/All\s*2\s*0\s*2/)
  await expect(byGroup.getByRole('row', { name: /Government/ })).toHaveCount(0)
  // A rate reads as a percentage: one of the two enrolments of the quarter completed.
  await page.getByText('Show “Online learning” as a table').click()
  const online = page.locator('details').filter({ hasText: 'Show “Online learning” as a table' })
  await expect(online.getByRole('row', { name: /Completion rate/ })).toHaveText(/50%/)

  // The programme report: the groups narrow the headline, not the offline sentence.
  await page.getByRole('link', { name: 'Programme report for this period' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Programme report/)
  await expect(page.getByRole('checkbox', { name: 'Educator' })).toBeChecked()
  const sentence = (text: string) => page.getByRole('listitem').filter({ hasText: text })
  await expect(sentence('participated in training')).toHaveText(
    '2 additional parents, carers and educators participated in training and capacity-building activities (total of 2 participants by 31 December 2023).',
  )
  await expect(sentence('offline capacity-building')).toHaveText(
    '1 offline capacity-building activity delivered to government officials with a total of 25 participants (total of 25 participants by 31 December 2023).',
  )
  await expect(page.getByText('All figures are for Tonga only.')).toBeVisible()

  const download = async (name: string) => {
    const downloading = page.waitForEvent('download')
    await page.getByRole('link', { name }).click()
    return readFile((await (await downloading).path())!)
  }
  const csv = (await download('Download its figures (CSV)')).toString('utf8')
  expect(csv).toContain('"Participants: parents, carers and educators",2,2,"2 additional parents, carers and educators participated')
  expect(csv).toContain('Offline activities held,1,1,1 offline capacity-building activity delivered to government officials')
  const pdf = await download('Download the report (PDF)')
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.byteLength).toBeGreaterThan(5000)

  // The exports are in the audit log, their details in the reader's language.
  await page.goto('/admin/audit?action=report.exported&lang=fr')
  const entry = page.getByRole('row').filter({ hasText: 'trellis-programme-report-2023-10-01-2023-12-31.pdf' })
  await expect(entry).toContainText(/Groupes de parties prenantes :\s*Parent ou aidant et Éducateur ou éducatrice/)
  await expect(entry).toContainText(/Pays :\s*Tonga/)
  await expect(entry).toContainText(/Dernier jour :\s*31 déc\. 2023/)
})

test('a period longer than two years is charted by quarter, and its table adds up to the headline', async ({ page, makeUser, signIn }) => {
  // Samoa: learners in March 2022 and November 2024, a workshop of 7 in May 2023.
  const stamp = Date.now().toString(36)
  for (const [n, at] of [[1, '2022-03-10T08:00:00Z'], [2, '2024-11-20T08:00:00Z']] as const) {
    const user = await db.user.create({ data: { email: `${stamp}-ws${n}@example.org`, displayName: 'S', passwordHash: 'x', country: 'WS', stakeholderGroup: 'educator' } })
    await db.lessonProgress.create({ data: { userId: user.id, courseSlug: 'introduction', lessonId: `${stamp}-l`, completedAt: new Date(at) } })
  }
  const workshop = await db.activity.create({
    data: { title: 'Samoa workshop', kind: 'workshop', startsOn: dayToDate('2023-05-04'), endsOn: dayToDate('2023-05-04'), country: 'WS', audienceGroups: '["educator"]' },
  })
  await db.activityHeadcount.create({ data: { activityId: workshop.id, stakeholderGroup: 'educator', count: 7 } })
  await signIn(await makeUser({ role: 'admin' }))
  await page.goto('/admin/reports?preset=custom&from=2022-01-01&to=2024-12-31&country=WS')
  await expect(page.getByRole('heading', { name: 'Quarter by quarter' })).toBeVisible()
  await expect(page.getByText('This period is longer than 24 months')).toBeVisible()
  await page.getByText('Show “Quarter by quarter” as a table').click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download “Quarter by quarter” as CSV' }).click()
  const rows = (await readFile((await (await downloading).path())!, 'utf8')).trim().split(/\r?\n/)
  expect(rows[0]).toMatch(/^\uFEFF?Quarter,Additional participants/)
  expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'])
  const sum = rows.slice(1).reduce((n, r) => n + Number(r.split(',')[1]), 0)
  const headline = await page.locator('.stat').filter({ hasText: 'Additional participants' }).locator('.stat__value').textContent()
  expect(rows.slice(1).map((r) => Number(r.split(',')[1]))).toEqual([1, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 1])
  expect(sum).toBe(9)
  expect(headline).toBe('9')
})

test('a bad period is explained next to the field', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'admin' }))
  await page.goto('/admin/reports?preset=custom&from=2023-12-31&to=2023-01-01')
  await expect(page.getByText('The last day must not be before the first.')).toBeVisible()
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true')
})

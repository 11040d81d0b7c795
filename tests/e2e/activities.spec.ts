import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { db } from '#app/utils/db.server.ts'
import { expect, test } from './fixtures.ts'

// Offline activities: an admin records a workshop, its headcount per group and
// its named attendance list from a CSV file, and sees the participants counted.

const BAD_CSV = [
  'name,email,group,country,gender',
  'Grace Banda,grace@example.org,educator,MW,F',
  ',john@example.org,educator,,',
  'Amina Yusuf,not-an-email,teachers of sorts,Atlantis,',
  'Chikondi Phiri,GRACE@example.org,government,,',
].join('\n')

// Fixed, and saved by a French Excel: semicolons, a byte order mark, French headers.
const GOOD_CSV = '\uFEFF' + [
  'Nom;Courriel;Groupe;Pays;Genre',
  'Grace Banda;Grace@Example.org;educator;MW;F',
  'John Mwale;;Parent ou aidant;Malawi;homme',
  'Amina Yusuf;amina@example.org;Government;NG;',
].join('\r\n')

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

async function uploadList(page: Page, name: string, text: string) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })
  await page.getByRole('button', { name: 'Check the file' }).click()
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a missing title and an end before the start are refused with 400 and shown by their fields', async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser({ role: 'admin' }))
    await page.goto('/admin/activities/new')
    await page.getByLabel('First day').fill('2024-03-12')
    await page.getByLabel('Last day (optional)').fill('2024-03-10')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/activities/new')),
      page.getByRole('button', { name: 'Save the activity' }).click(),
    ])
    expect(response.status()).toBe(400)
    await expect(page.getByRole('alert')).toContainText('There are 5 problems')
    await expect(page.getByLabel('Title')).toHaveAccessibleDescription(/Enter the activity’s title/)
    await expect(page.getByLabel('Last day (optional)')).toHaveAccessibleDescription(/The last day cannot be before the first day/)
    // What was typed is kept.
    await expect(page.getByLabel('First day')).toHaveValue('2024-03-12')
    expect(await db.activity.count({ where: { startsOn: new Date('2024-03-12T00:00:00Z') } })).toBe(0)
  })

  test('an attendance list is previewed and imported with plain forms', async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser({ role: 'admin' }))
    const activity = await db.activity.create({
      data: { title: 'Training without scripts', kind: 'training_session', startsOn: new Date('2024-04-09T00:00:00Z'), endsOn: new Date('2024-04-09T00:00:00Z'), country: 'MW', audienceGroups: '["educator"]' },
    })
    await db.activityAttendee.create({ data: { activityId: activity.id, name: 'Someone from an older list', stakeholderGroup: 'other' } })
    await page.goto(`/admin/activities/${activity.id}/attendance`)
    await expect(page.getByText('This activity already has an attendance list of 1 person. Importing a new list replaces it.')).toBeVisible()
    await uploadList(page, 'list.csv', GOOD_CSV)
    await expect(page.getByText('The list is ready to import: 3 participants.')).toBeVisible()
    await page.getByRole('button', { name: 'Import 3 participants' }).click()
    await expect(page.getByRole('status')).toHaveText('3 participants imported.')
    const names = await db.activityAttendee.findMany({ where: { activityId: activity.id }, orderBy: { name: 'asc' }, select: { name: true } })
    expect(names.map((a) => a.name)).toEqual(['Amina Yusuf', 'Grace Banda', 'John Mwale'])
  })
})

test('an admin records a workshop, counts its participants and imports its attendance list', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'admin' }))
  const title = `Child online protection for policymakers ${crypto.randomUUID().slice(0, 6)}`

  await page.goto('/admin/activities')
  await page.getByRole('link', { name: 'New activity' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New offline activity')

  // First without a title and with the end before the start.
  await page.getByLabel('Kind of activity').selectOption({ label: 'Workshop' })
  await page.getByLabel('First day').fill('2023-11-14')
  await page.getByLabel('Last day (optional)').fill('2023-11-13')
  await page.getByLabel('Country').selectOption('MW')
  await page.getByRole('checkbox', { name: 'Government' }).check()
  await page.getByRole('button', { name: 'Save the activity' }).click()
  await expect(page.getByRole('alert')).toContainText('There are 2 problems')
  await expect(page.getByLabel('Title')).toBeFocused()
  await expect(page.getByText('⚠ The last day cannot be before the first day.')).toBeVisible()

  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Last day (optional)').fill('2023-11-15')
  await page.getByLabel('City or town (optional)').fill('Lilongwe')
  await page.getByRole('checkbox', { name: 'Educator' }).check()
  await page.getByRole('button', { name: 'Save the activity' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('status')).toContainText('The activity is saved')
  await expect(page.getByText(/November 14\s–\s15, 2023/)).toBeVisible()
  await expect(page.getByText('Lilongwe, Malawi')).toBeVisible()

  // Headcount: 40 educators (25 of them female) and 12 government officials.
  await page.getByRole('spinbutton', { name: 'Educator Total' }).fill('40')
  await page.getByRole('spinbutton', { name: 'Educator Female' }).fill('25')
  await page.getByRole('spinbutton', { name: 'Government Total' }).fill('12')
  await page.getByRole('spinbutton', { name: 'Government Male' }).fill('13')
  await page.getByRole('button', { name: 'Save the headcount' }).click()
  await expect(page.getByRole('alert')).toContainText('Government – Total: The numbers by gender add up to more than the total.')
  await page.getByRole('spinbutton', { name: 'Government Male' }).fill('7')
  await page.getByRole('button', { name: 'Save the headcount' }).click()
  await expect(page.getByRole('status')).toContainText('The headcount is saved.')
  const stats = page.locator('.stat-grid')
  await expect(stats).toContainText('52in total')
  await expect(stats).toContainText('52counted without names')

  // An attendance list with mistakes: every row's problems, and nothing imported.
  await page.getByRole('link', { name: 'Import an attendance list' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import an attendance list')
  await uploadList(page, 'attendance.csv', BAD_CSV)
  await expect(page.getByRole('heading', { name: /Preview of .?attendance\.csv/ })).toBeVisible()
  await expect(page.getByText('3 rows of 4 have problems.')).toBeVisible()
  await expect(page.getByText('Nothing was imported.')).toBeVisible()
  const problems = page.getByRole('table', { name: /Rows with problems/ })
  await expect(problems.getByRole('row')).toHaveCount(4)
  await expect(problems.getByRole('row', { name: /^3 / })).toContainText('The name is missing.')
  const row4 = problems.getByRole('row', { name: /^4 / })
  await expect(row4).toContainText(/“.?not-an-email.?” is not an email address\./)
  await expect(row4).toContainText(/Unknown stakeholder group “.?teachers of sorts.?”\./)
  await expect(row4).toContainText(/Unknown country “.?Atlantis.?”\./)
  await expect(problems.getByRole('row', { name: /^5 / })).toContainText('This email address is already on row 2.')
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0)
  const activity = await db.activity.findFirstOrThrow({ where: { title } })
  expect(await db.activityAttendee.count({ where: { activityId: activity.id } })).toBe(0)

  // The corrected file: a preview, then the import.
  await uploadList(page, 'attendance-fixed.csv', GOOD_CSV)
  await expect(page.getByText('The list is ready to import: 3 participants.')).toBeVisible()
  const preview = page.getByRole('table', { name: 'Participants to import' })
  await expect(preview.getByRole('row', { name: /^3 / })).toContainText('John Mwale')
  await expect(preview.getByRole('row', { name: /^3 / })).toContainText('Parent or carer')
  await expect(preview.getByRole('row', { name: /^2 / })).toContainText('grace@example.org')
  expect(await db.activityAttendee.count({ where: { activityId: activity.id } })).toBe(0)
  await page.getByRole('button', { name: 'Import 3 participants' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('status')).toContainText('3 participants imported.')
  await expect(stats).toContainText('55in total')
  await expect(stats).toContainText('3on the attendance list')
  await expect(page.getByText('3 people are on the attendance list. 2 of them have an email address.')).toBeVisible()
  const stored = await db.activityAttendee.findMany({ where: { activityId: activity.id }, orderBy: { name: 'asc' } })
  expect(stored.map((a) => [a.name, a.email, a.stakeholderGroup, a.country, a.gender])).toEqual([
    ['Amina Yusuf', 'amina@example.org', 'government', 'NG', null],
    ['Grace Banda', 'grace@example.org', 'educator', 'MW', 'female'],
    ['John Mwale', null, 'parent_carer', 'MW', 'male'],
  ])

  // The list of activities shows it with its 55 participants.
  await page.locator('.breadcrumbs').getByRole('link', { name: 'Offline activities' }).click()
  const row = page.getByRole('row', { name: new RegExp(title) })
  await expect(row).toContainText(/November 14\s–\s15, 2023/)
  await expect(row).toContainText('Workshop')
  await expect(row.getByRole('cell').last()).toHaveText('55')
})

test('an activity that has not started yet cannot have participants', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'admin' }))
  const activity = await db.activity.create({
    data: { title: 'Planned webinar', kind: 'webinar', startsOn: new Date('2099-05-04T00:00:00Z'), endsOn: new Date('2099-05-04T00:00:00Z'), country: 'KE', audienceGroups: '["industry"]' },
  })
  await page.goto(`/admin/activities/${activity.id}`)
  await expect(page.getByRole('note')).toContainText('This activity starts on May 4, 2099')
  await expect(page.getByRole('button', { name: 'Save the headcount' })).toHaveCount(0)
  await page.goto(`/admin/activities/${activity.id}/attendance`)
  await expect(page.getByLabel('CSV file')).toHaveCount(0)
})

test('an activity with participants can be edited, but not moved to after today; deleting it asks for confirmation', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'admin' }))
  const activity = await db.activity.create({
    data: { title: 'Workshop to delete', kind: 'workshop', startsOn: new Date('2023-05-04T00:00:00Z'), endsOn: new Date('2023-05-04T00:00:00Z'), country: 'KE', audienceGroups: '["industry"]' },
  })
  await db.activityHeadcount.create({ data: { activityId: activity.id, stakeholderGroup: 'industry', count: 9 } })
  await page.goto(`/admin/activities/${activity.id}`)
  await page.getByText('Edit the activity’s details').click()
  await page.getByLabel('First day').fill('2099-01-01')
  await page.getByLabel('Last day (optional)').fill('')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByLabel('First day')).toHaveAccessibleDescription(/This activity already has participants, so it cannot start after today/)
  await page.getByLabel('First day').fill('2023-05-03')
  await page.getByLabel('Title').fill('Workshop to delete, renamed')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status')).toHaveText('Your changes are saved.')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop to delete, renamed')
  // The last day was left empty: a one-day activity.
  await expect(page.getByText('May 3, 2023', { exact: true })).toBeVisible()

  await expect(page.getByText('Deleting the activity also deletes its 9 participants.')).toBeVisible()
  await page.getByRole('button', { name: 'Delete the activity' }).click()
  await expect(page.getByText('Tick the box to confirm that you want to delete this activity.')).toBeVisible()
  await expect(page.getByRole('checkbox', { name: /I understand/ })).toBeFocused()
  await page.getByRole('checkbox', { name: /I understand/ }).check()
  await page.getByRole('button', { name: 'Delete the activity' }).click()
  await expect(page.getByRole('status')).toHaveText('The activity and its participants were deleted.')
  expect(await db.activity.count({ where: { id: activity.id } })).toBe(0)
  expect(await db.activityHeadcount.count({ where: { activityId: activity.id } })).toBe(0)
})

test('a non-admin cannot see offline activities', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'trainer' }))
  const response = await page.goto('/admin/activities')
  expect(response?.status()).toBe(403)
})

for (const lang of ['en', 'ar'] as const) {
  test(`the form, the activity page and the import preview are accessible (${lang})`, async ({ page, context, baseURL, makeUser, signIn }) => {
    // Each scan of a long form takes a few seconds.
    test.setTimeout(120_000)
    await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    await signIn(await makeUser({ role: 'admin' }))
    await page.goto('/admin/activities/new')
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await page.locator('#activity button[type=submit]').click()
    await expect(page.locator('#activity .error-summary')).toBeVisible()
    await expectNoAxeViolations(page)

    const activity = await db.activity.create({
      data: { title: `Axe workshop ${lang}`, kind: 'workshop', startsOn: new Date('2024-02-01T00:00:00Z'), endsOn: new Date('2024-02-02T00:00:00Z'), country: 'MW', city: 'Zomba', audienceGroups: '["educator"]' },
    })
    await page.goto(`/admin/activities/${activity.id}`)
    await page.locator('#headcounts-total_educator').fill('3')
    await page.locator('#headcounts-female_educator').fill('5')
    await page.locator('#headcounts button[type=submit]').click()
    await expect(page.locator('#headcounts .error-summary')).toBeVisible()
    await page.locator('.activity-edit > summary').click()
    await expectNoAxeViolations(page)

    await page.goto(`/admin/activities/${activity.id}/attendance`)
    await expectNoAxeViolations(page)
    await page.locator('#attendance-file').setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) })
    await page.locator('#attendance-file').locator('xpath=ancestor::form').locator('button[type=submit]').click()
    await expect(page.locator('.attendance-table')).toBeVisible()
    await expectNoAxeViolations(page)
    await page.locator('#attendance-file').setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) })
    await page.locator('#attendance-file').locator('xpath=ancestor::form').locator('button[type=submit]').click()
    await expect(page.locator('input[name=csv]')).toHaveCount(1)
    await expectNoAxeViolations(page)
  })
}

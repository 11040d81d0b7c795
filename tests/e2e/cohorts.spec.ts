import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { generateCertificateId } from '#app/certificates/certificate.ts'
import { db } from '#app/utils/db.server.ts'
import { expect, test } from './fixtures.ts'

const TOT = 'tot-educators'

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** For pages opened outside the fixture: wait until the app is interactive, as a person would. */
async function gotoAndSettle(page: Page, url: string) {
  const response = await page.goto(url)
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
  return response
}

/** Submits the page's form with `button` and returns the POST's response. */
async function submit(page: Page, button: string) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
  return response
}

test('a ToT cohort: created by an admin, joined by invite link or added by email, attendance makes a certified trainer', async ({
  page,
  browser,
  baseURL,
  makeUser,
  signIn,
}) => {
  test.slow() // a whole programme journey, three people
  await signIn(await makeUser({ role: 'admin', displayName: 'Programme Admin' }))
  await page.goto('/admin/cohorts')
  await page.getByRole('link', { name: 'New cohort' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New cohort')

  // A first try with problems: told next to each field, with a 400.
  const name = `Lilongwe educators ${crypto.randomUUID().slice(0, 6)}`
  await page.getByLabel('Cohort name').fill(name)
  await page.getByLabel('First day').fill('2026-03-06')
  await page.getByLabel('Last day').fill('2026-03-02')
  expect((await submit(page, 'Create the cohort')).status()).toBe(400)
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('There are 2 problems')
  await expect(page.getByLabel('Country')).toHaveAccessibleDescription('Choose the cohort’s country.')
  await expect(page.getByLabel('Last day')).toHaveAccessibleDescription('The last day cannot be before the first day.')
  await expect(page.getByLabel('Cohort name')).toHaveValue(name)

  await page.getByLabel('Country').selectOption('MW')
  await page.getByLabel('First day').fill('2026-03-02')
  await page.getByLabel('Last day').fill('2026-03-06')
  await page.getByLabel('Facilitators').fill('Chikondi Phiri, Ana Souza')
  await page.getByRole('button', { name: 'Create the cohort' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByRole('status').first()).toContainText('Cohort created')
  await expect(page.getByText('March 2 – 6, 2026')).toBeVisible()
  const inviteUrl = await page.getByLabel('Invite link for this cohort').inputValue()
  expect(inviteUrl).toMatch(new RegExp(`^${baseURL}/join/[a-z2-7]{24}$`))

  // A new educator follows the link, creates an account, comes back and joins.
  const amina = await browser.newPage()
  await gotoAndSettle(amina, inviteUrl)
  await expect(amina.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(amina.getByRole('button', { name: `Join ${name}` })).toHaveCount(0)
  await amina.getByRole('link', { name: 'Create an account' }).click()
  const aminaEmail = `amina-${crypto.randomUUID().slice(0, 8)}@example.org`
  await amina.getByLabel('Full name').fill('Amina Banda')
  await amina.getByLabel('Email address').fill(aminaEmail)
  await amina.getByLabel('Password').fill('evening light over lake malawi')
  await amina.getByLabel('Country').selectOption('MW')
  await amina.getByLabel('Which group describes you best?').selectOption('educator')
  await amina.getByRole('button', { name: 'Create account' }).click()
  await expect(amina).toHaveURL(new URL(inviteUrl).pathname)
  await amina.getByRole('button', { name: `Join ${name}` }).click()
  await expect(amina.getByRole('status')).toContainText(`You have joined ${name}.`)
  // Joining twice (a second tab, a reload) changes nothing.
  await gotoAndSettle(amina, inviteUrl)
  await expect(amina.getByRole('status')).toContainText('You are a member of this cohort.')
  await amina.getByRole('link', { name: 'Go to the Training of Trainers course' }).click()
  await expect(amina).toHaveURL(`/courses/${TOT}`)
  await amina.close()

  // An educator with an account signs in from the link.
  const farida = await makeUser({ displayName: 'Farida Mwale' })
  const faridaPage = await browser.newPage()
  await gotoAndSettle(faridaPage, inviteUrl)
  await faridaPage.locator('#main').getByRole('link', { name: 'Sign in' }).click()
  await faridaPage.getByLabel('Email address').fill(farida.email)
  await faridaPage.getByLabel('Password').fill(farida.password)
  await faridaPage.locator('#main').getByRole('button', { name: 'Sign in' }).click()
  await faridaPage.getByRole('button', { name: `Join ${name}` }).click()
  await expect(faridaPage.getByRole('status')).toContainText(`You have joined ${name}.`)
  await faridaPage.close()

  // Another is added by email; an address without an account is refused, with a 400.
  const tiago = await makeUser({ displayName: 'Tiago Mendes' })
  await page.reload()
  await page.getByLabel('Educator’s email address').fill('nobody-here@example.org')
  expect((await submit(page, 'Add to the cohort')).status()).toBe(400)
  await expect(page.getByLabel('Educator’s email address')).toHaveAccessibleDescription(
    /No account uses this email address\. Ask them to register, or send them the invite link\./,
  )
  await page.getByLabel('Educator’s email address').fill(tiago.email.toUpperCase())
  await page.getByRole('button', { name: 'Add to the cohort' }).click()
  await expect(page.getByRole('status').first()).toContainText('Tiago Mendes was added to the cohort.')
  await expect(page.getByLabel('Educator’s email address')).toHaveValue('')
  const rows = page.getByRole('table', { name: 'Educators in this cohort' }).getByRole('row')
  await expect(rows).toHaveCount(4)
  await expect(rows.nth(1)).toContainText('Amina Banda')
  await expect(rows.nth(1)).toContainText(aminaEmail)
  await expect(rows.nth(2)).toContainText('Farida Mwale')
  await expect(rows.nth(3)).toContainText('Tiago Mendes')

  // Amina completes the online course.
  const aminaUser = await db.user.findUniqueOrThrow({ where: { email: aminaEmail } })
  await db.courseCompletion.create({ data: { userId: aminaUser.id, courseSlug: TOT, completedAt: new Date('2026-02-27T10:00:00Z') } })
  await page.reload()
  const aminaRow = page.getByRole('row', { name: /Amina Banda/ })
  await expect(aminaRow).toContainText('Completed Feb 27, 2026')
  await expect(aminaRow).toContainText('Not marked')

  // Nobody ticked: said next to the table.
  expect((await submit(page, 'Mark selected as attended')).status()).toBe(400)
  await expect(page.getByRole('checkbox', { name: 'Select Amina Banda' })).toHaveAccessibleDescription('Tick at least one educator.')

  // Amina and Tiago attended, on the cohort's last day (suggested).
  await expect(page.getByLabel('Workshop date')).toHaveValue('2026-03-06')
  await page.getByRole('checkbox', { name: 'Select Amina Banda' }).check()
  await page.getByRole('checkbox', { name: 'Select Tiago Mendes' }).check()
  await page.getByRole('button', { name: 'Mark selected as attended' }).click()
  const status = page.getByRole('status').first()
  await expect(status).toContainText('Workshop attendance marked for 2 educators.')
  await expect(status).toContainText('1 educator is now a certified trainer.')
  await expect(aminaRow).toContainText('Attended Mar 6, 2026')
  await expect(aminaRow.getByRole('link', { name: 'Certified trainer' })).toHaveAttribute('href', /^\/verify\/[a-z2-7]{24}$/)
  const tiagoRow = page.getByRole('row', { name: /Tiago Mendes/ })
  await expect(tiagoRow).toContainText('Attended Mar 6, 2026')
  await expect(tiagoRow).toContainText('Not completed yet')
  await expect(tiagoRow.getByRole('link', { name: 'Certified trainer' })).toHaveCount(0)
  await expect(page.getByRole('checkbox', { name: 'Select Amina Banda' })).not.toBeChecked()
  expect((await db.user.findUniqueOrThrow({ where: { id: aminaUser.id } })).role).toBe('trainer')
  expect((await db.user.findUniqueOrThrow({ where: { id: tiago.id } })).role).toBe('learner')

  // Clearing Amina's attendance keeps her certificate, and says so.
  await page.getByRole('checkbox', { name: 'Select Amina Banda' }).check()
  await page.getByRole('button', { name: 'Clear attendance of selected' }).click()
  await expect(status).toContainText('Attendance cleared for 1 educator.')
  await expect(status).toContainText('1 of them keeps their trainer certificate.')
  await expect(aminaRow).toContainText('Not marked')
  await expect(aminaRow.getByRole('link', { name: 'Certified trainer' })).toBeVisible()

  // The list counts them.
  await page.goto('/admin/cohorts')
  const listed = page.getByRole('row', { name: new RegExp(name) })
  await expect(listed.getByRole('cell')).toHaveText(['Malawi', 'Mar 2 – 6, 2026', '3', '1', '1'])
})

test('an admin edits a cohort and removes a member', async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser({ role: 'admin' }))
  const educator = await makeUser({ displayName: 'Grace Banda' })
  const cohort = await db.cohort.create({
    data: { name: 'Zomba teachers', country: 'MW', courseSlug: TOT, startsOn: new Date('2026-05-04'), endsOn: new Date('2026-05-08'), inviteCode: generateCertificateId() },
  })
  await db.cohortMember.create({ data: { cohortId: cohort.id, userId: educator.id } })
  await page.goto(`/admin/cohorts/${cohort.id}`)
  await page.getByText('Edit the cohort’s details').click()
  await page.getByLabel('Cohort name').fill('')
  expect((await submit(page, 'Save changes')).status()).toBe(400)
  await expect(page.getByLabel('Cohort name')).toHaveAccessibleDescription(/Enter the cohort’s name\./)
  await page.getByLabel('Cohort name').fill('Zomba teachers, May')
  await page.getByLabel('Last day').fill('2026-05-09')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').first()).toContainText('The cohort’s details were saved.')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zomba teachers, May')
  await expect(page.getByText('May 4 – 9, 2026')).toBeVisible()

  await page.getByRole('button', { name: 'Remove Grace Banda from the cohort' }).click()
  await expect(page.getByRole('status').first()).toContainText('Grace Banda was removed from the cohort.')
  await expect(page.getByText('No educators in this cohort yet.')).toBeVisible()
})

test('an unknown invite link is a 404; the cohort pages are for admins', async ({ page, makeUser, signIn }) => {
  const response = await page.goto('/join/aaaaaaaaaaaaaaaaaaaaaaaa')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await signIn(await makeUser({ role: 'trainer' }))
  expect((await page.goto('/admin/cohorts'))?.status()).toBe(403)
  expect((await page.goto('/admin/cohorts/new'))?.status()).toBe(403)
})

test('the cohort and invite pages pass an accessibility scan, in Arabic too', async ({ page, browser, context, baseURL, makeUser, signIn }) => {
  test.setTimeout(150_000) // seven scans of long pages
  await signIn(await makeUser({ role: 'admin' }))
  const cohort = await db.cohort.create({
    data: {
      name: 'مربّو الدار البيضاء',
      country: 'MA',
      courseSlug: TOT,
      startsOn: new Date('2026-04-13'),
      endsOn: new Date('2026-04-17'),
      facilitators: 'سلمى بنعلي',
      inviteCode: generateCertificateId(),
    },
  })
  const done = await makeUser({ displayName: 'يوسف العلمي' })
  const waiting = await makeUser({ displayName: 'Nadia Haddad' })
  await db.courseCompletion.create({ data: { userId: done.id, courseSlug: TOT } })
  await db.cohortMember.create({ data: { cohortId: cohort.id, userId: done.id, attendedOn: new Date('2026-04-17') } })
  await db.cohortMember.create({ data: { cohortId: cohort.id, userId: waiting.id } })
  for (const lang of ['en', 'ar']) {
    await context.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify(lang))), url: baseURL! }])
    await page.goto(`/admin/cohorts/${cohort.id}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('مربّو الدار البيضاء')
    await expectNoAxeViolations(page)
    // With the problems of an empty submission shown, and the edit form open.
    await page.locator('#attendance button[value=attend]').click()
    await expect(page.locator('#attendance .error-summary')).toBeVisible()
    await page.locator('.cohort-edit summary').click()
    await expectNoAxeViolations(page)
    await page.goto('/admin/cohorts')
    await expectNoAxeViolations(page)
  }
  // The invite page, signed out.
  const visitor = await browser.newContext()
  await visitor.addCookies([{ name: 'trellis_lang', value: encodeURIComponent(btoa(JSON.stringify('ar'))), url: baseURL! }])
  const stranger = await visitor.newPage()
  await gotoAndSettle(stranger, `/join/${cohort.inviteCode}`)
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('مربّو الدار البيضاء')
  await expectNoAxeViolations(stranger)
  await visitor.close()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('an educator joins by the link and an admin marks attendance of several at once', async ({ page, makeUser, signIn }) => {
    const cohort = await db.cohort.create({
      data: { name: 'Mzuzu teachers', country: 'MW', courseSlug: TOT, startsOn: new Date('2026-06-01'), endsOn: new Date('2026-06-03'), inviteCode: generateCertificateId() },
    })
    const chisomo = await makeUser({ displayName: 'Chisomo Tembo' })
    const other = await makeUser({ displayName: 'Kondwani Zulu' })
    await db.cohortMember.create({ data: { cohortId: cohort.id, userId: other.id } })
    await db.courseCompletion.create({ data: { userId: chisomo.id, courseSlug: TOT } })
    await signIn(chisomo)
    await page.goto(`/join/${cohort.inviteCode}`)
    await page.getByRole('button', { name: 'Join Mzuzu teachers' }).click()
    await expect(page.getByRole('status')).toContainText('You have joined Mzuzu teachers.')

    await signIn(await makeUser({ role: 'admin' }))
    await page.goto(`/admin/cohorts/${cohort.id}`)
    await page.getByRole('checkbox', { name: 'Select Chisomo Tembo' }).check()
    await page.getByRole('checkbox', { name: 'Select Kondwani Zulu' }).check()
    await page.getByLabel('Workshop date').fill('2026-06-02')
    await page.getByRole('button', { name: 'Mark selected as attended' }).click()
    await expect(page.getByRole('status').first()).toContainText('Workshop attendance marked for 2 educators.')
    await expect(page.getByRole('row', { name: /Chisomo Tembo/ }).getByRole('link', { name: 'Certified trainer' })).toBeVisible()
    await expect(page.getByRole('row', { name: /Kondwani Zulu/ })).toContainText('Attended Jun 2, 2026')
  })
})

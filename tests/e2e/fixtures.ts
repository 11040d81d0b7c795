import './use-e2e-database.ts'
import { test as base, expect, type Page } from '@playwright/test'
import { hashPassword } from '#app/auth/password.server.ts'
import { SESSION_COOKIE, createSession } from '#app/auth/session.server.ts'
import type { Role } from '#app/auth/roles.ts'
import { db } from '#app/utils/db.server.ts'

export { expect }

export type TestUser = { id: string; email: string; displayName: string; password: string; role: Role }

type Fixtures = {
  /** Fails the test on any console error or uncaught page error. */
  noConsoleErrors: void
  /** Creates an account directly in the database. */
  makeUser: (options?: { role?: Role; displayName?: string; preferredLocale?: string }) => Promise<TestUser>
  /** Signs a user in by giving the browser a session cookie. */
  signIn: (user: TestUser) => Promise<void>
}

export const test = base.extend<Fixtures>({
  // With JavaScript on, page loads wait until the app is interactive, as a
  // person would before typing: otherwise a click can race the scripts.
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      const settle = async () => {
        await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', undefined, { timeout: 10_000 })
      }
      const goto = page.goto.bind(page)
      const reload = page.reload.bind(page)
      page.goto = async (...args) => {
        const response = await goto(...args)
        await settle()
        return response
      }
      page.reload = async (...args) => {
        const response = await reload(...args)
        await settle()
        return response
      }
    }
    await use(page)
  },

  noConsoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      await use()
      // Error pages (403, 404, 410 for a spent link) are answered with their status on purpose.
      const unexpected = errors.filter((e) => !/status of (403|404|400|410|429)/.test(e))
      expect(unexpected, 'console errors').toEqual([])
    },
    { auto: true },
  ],

  makeUser: async ({}, use) => {
    await use(async ({ role = 'learner', displayName, preferredLocale = 'en' } = {}) => {
      const password = `test-pass-${crypto.randomUUID()}`
      const email = `${role}-${crypto.randomUUID().slice(0, 8)}@example.org`
      const user = await db.user.create({
        data: {
          email,
          displayName: displayName ?? `Test ${role}`,
          passwordHash: await hashPassword(password),
          country: 'MW',
          stakeholderGroup: 'educator',
          preferredLocale,
          role,
        },
      })
      return { id: user.id, email, displayName: user.displayName, password, role }
    })
  },

  signIn: async ({ context, baseURL }, use) => {
    await use(async (user) => {
      const { token, expiresAt } = await createSession(user.id)
      await context.addCookies([
        {
          name: SESSION_COOKIE,
          value: token,
          url: baseURL!,
          httpOnly: true,
          sameSite: 'Lax',
          expires: Math.floor(expiresAt.getTime() / 1000),
        },
      ])
    })
  },
})

/** Opens the account menu and signs out, as a person would, and waits until they are signed out. */
export async function signOutThroughMenu(page: Page, displayName: string) {
  await page.getByLabel(`Account menu for ${displayName}`).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  // A navigation started before the sign-out's answer arrives would cancel it.
  await expect(page.getByLabel(`Account menu for ${displayName}`)).toHaveCount(0)
}

/** Picks a language in the header's language menu. */
export async function chooseLanguage(page: Page, languageName: string) {
  await page.locator('.language-switcher > summary').click()
  await page.getByRole('button', { name: languageName, exact: true }).click()
}

import type { APIResponse } from '@playwright/test'
import routes from '#app/routes.ts'
import type { accessFixtures, Caller } from './access-fixtures.ts'

// The access matrix's rows: every route of the app, what each caller gets
// reading it and posting an empty form to it. Used by access-matrix.spec.ts
// (which checks them) and fuzz.spec.ts (which posts to every action as a
// caller allowed to use it).
//
// What a caller gets:
//   ok         2xx
//   login      sent to /login (and back afterwards)
//   home       sent to /me (sign-in pages, for the signed-in) or / (elsewhere)
//   moved      sent on to another page of this site (a form that did its work)
//   forbidden  403
//   missing    404 (includes "not yours": nothing says it exists)
//   refused    another 4xx: the form is empty, the link is spent, and so on
// Never a 5xx.

export type Outcome = 'ok' | 'login' | 'home' | 'moved' | 'forbidden' | 'missing' | 'refused'
export type Expect = Outcome | Partial<Record<Caller, Outcome>> & { others: Outcome }
export type Row = { url: (p: Params) => string; get: Expect; post?: Expect }
export type Params = Awaited<ReturnType<typeof accessFixtures>>['params'] & { lessonHash: string }

const signedIn = (outcome: Outcome, anonymous: Outcome = 'login'): Expect => ({ anonymous, deactivated: anonymous, others: outcome })
const admins = (outcome: Outcome = 'ok'): Expect => ({ anonymous: 'login', deactivated: 'login', learner: 'forbidden', trainer: 'forbidden', others: outcome })
const trainers = (outcome: Outcome = 'ok'): Expect => ({ anonymous: 'login', deactivated: 'login', learner: 'forbidden', others: outcome })
const anonymousOnly = (outcome: Outcome = 'ok'): Expect => ({ anonymous: outcome, deactivated: outcome, others: 'home' })

export const ROUTES: Record<string, Row> = {
  '/': { url: () => '/', get: 'ok' },
  login: { url: () => '/login', get: anonymousOnly(), post: anonymousOnly('refused') },
  register: { url: () => '/register', get: anonymousOnly(), post: anonymousOnly('refused') },
  'forgot-password': { url: () => '/forgot-password', get: anonymousOnly(), post: anonymousOnly('refused') },
  // A reset link works whoever is signed in on the device.
  'reset-password/:token': { url: (p) => `/reset-password/${p.token}`, get: 'ok', post: 'refused' },
  privacy: { url: () => '/privacy', get: 'ok' },
  healthz: { url: () => '/healthz', get: 'ok' },
  language: { url: () => '/language', get: 'home', post: 'home' },
  courses: { url: () => '/courses', get: 'ok' },
  // Posting to a course starts it (and goes to its first lesson).
  'courses/:course': { url: (p) => `/courses/${p.course}`, get: 'ok', post: signedIn('moved') },
  'courses/:course/glossary': { url: (p) => `/courses/${p.course}/glossary`, get: 'ok' },
  'courses/:course/assets/*': { url: (p) => `/courses/${p.course}/assets/four-risks.svg`, get: 'ok' },
  'courses/:course/:module/quiz': { url: (p) => `/courses/${p.course}/${p.module}/quiz`, get: signedIn('ok'), post: signedIn('refused') },
  // Another learner's attempt: not found, for admins too (results are the learner's own).
  'courses/:course/:module/quiz/:attempt': { url: (p) => `/courses/${p.course}/${p.module}/quiz/${p.attempt}`, get: signedIn('missing') },
  'courses/:course/:module/:lesson': { url: (p) => `/courses/${p.course}/${p.module}/${p.lesson}`, get: 'ok', post: signedIn('refused') },
  'lesson-code/:file': { url: (p) => `/lesson-code/${p.lessonHash}.js`, get: 'ok' },
  me: { url: () => '/me', get: signedIn('ok') },
  'me/profile': { url: () => '/me/profile', get: signedIn('ok'), post: signedIn('refused') },
  'me/security': { url: () => '/me/security', get: signedIn('ok'), post: signedIn('refused') },
  'me/data': { url: () => '/me/data', get: signedIn('ok'), post: signedIn('refused') },
  'me/data/:file': { url: () => '/me/data/trellis-my-data.json', get: signedIn('ok') },
  verify: { url: () => '/verify', get: 'ok', post: 'refused' },
  // Public, as printed on the certificate; only admins can revoke.
  'verify/:id': { url: (p) => `/verify/${p.id}`, get: 'ok', post: { anonymous: 'login', deactivated: 'login', learner: 'forbidden', trainer: 'forbidden', admin: 'refused', others: 'refused' } },
  'v/:id': { url: (p) => `/v/${p.id}`, get: 'home' },
  'certificates/:id/certificate.pdf': { url: (p) => `/certificates/${p.id}/certificate.pdf`, get: 'ok' },
  // The credential carries the holder's hashed email: the holder's and admins' only.
  'certificates/:id/credential.json': { url: (p) => `/certificates/${p.id}/credential.json`, get: { anonymous: 'login', deactivated: 'login', admin: 'ok', others: 'missing' } },
  issuer: { url: () => '/issuer', get: 'ok' },
  // The revocation list: public, as every verifier must read it.
  'credentials/status/revocation': { url: () => '/credentials/status/revocation', get: 'ok' },
  admin: { url: () => '/admin', get: admins() },
  'admin/users': { url: () => '/admin/users', get: admins() },
  'admin/users/:user': { url: (p) => `/admin/users/${p.user}`, get: admins(), post: admins('refused') },
  'admin/users/:user/data.json': { url: (p) => `/admin/users/${p.user}/data.json`, get: admins() },
  'admin/audit': { url: () => '/admin/audit', get: admins() },
  'admin/trainers': { url: () => '/admin/trainers', get: admins(), post: admins('refused') },
  'admin/activities': { url: () => '/admin/activities', get: admins() },
  'admin/activities/new': { url: () => '/admin/activities/new', get: admins(), post: admins('refused') },
  'admin/activities/:activity': { url: (p) => `/admin/activities/${p.activity}`, get: admins(), post: admins('refused') },
  'admin/activities/:activity/attendance': { url: (p) => `/admin/activities/${p.activity}/attendance`, get: admins(), post: admins('refused') },
  'admin/sessions': { url: () => '/admin/sessions', get: admins(), post: admins('refused') },
  'trainer/sessions': { url: () => '/trainer/sessions', get: trainers(), post: trainers('refused') },
  'trainer/sessions/new': { url: () => '/trainer/sessions/new', get: trainers(), post: trainers('refused') },
  'admin/cohorts': { url: () => '/admin/cohorts', get: admins() },
  'admin/cohorts/new': { url: () => '/admin/cohorts/new', get: admins(), post: admins('refused') },
  'admin/cohorts/:cohort': { url: (p) => `/admin/cohorts/${p.cohort}`, get: admins(), post: admins('refused') },
  'join/:code': { url: (p) => `/join/${p.code}`, get: 'ok', post: signedIn('moved') },
  'admin/baselines': { url: () => '/admin/baselines', get: admins(), post: admins('refused') },
  'admin/reports': { url: () => '/admin/reports', get: admins() },
  'admin/reports/programme': { url: () => '/admin/reports/programme', get: admins() },
  'admin/reports/programme/:file': { url: () => '/admin/reports/programme/report.csv', get: admins() },
  'admin/reports/export/:file': { url: () => '/admin/reports/export/participants-by-group.csv', get: admins() },
  'api/reports': { url: () => '/api/reports', get: admins() },
  '*': { url: () => '/no-such-page', get: 'missing' },
  // Last: signing out ends the caller's session.
  logout: { url: () => '/logout', get: 'home', post: 'home' },
}

type ManifestEntry = { path?: string; index?: boolean; file: string; children?: ManifestEntry[] }
export const manifest = (routes as ManifestEntry[]).map((entry) => ({ path: entry.index ? '/' : entry.path!, file: entry.file }))

export function classify(response: APIResponse): Outcome | `unexpected ${number}` {
  const status = response.status()
  const location = response.headers().location ?? ''
  if (status >= 500) return `unexpected ${status}`
  if (status >= 300 && status < 400) {
    if (location.startsWith('/login')) return 'login'
    if (location === '/me' || location === '/' || location.startsWith('/me?') || location.startsWith('/verify/')) return 'home'
    return location.startsWith('/') && !location.startsWith('//') ? 'moved' : `unexpected ${status}`
  }
  if (status === 403) return 'forbidden'
  if (status === 404) return 'missing'
  if (status >= 400) return 'refused'
  return 'ok'
}

export const expected = (rule: Expect, caller: Caller): Outcome => (typeof rule === 'string' ? rule : (rule[caller] ?? rule.others))


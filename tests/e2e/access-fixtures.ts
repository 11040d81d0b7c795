import './use-e2e-database.ts'
import { type APIRequestContext, request as playwrightRequest } from '@playwright/test'
import { resetLinkExpiry } from '#app/auth/password-reset.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { SESSION_COOKIE, createSession } from '#app/auth/session.server.ts'
import type { Role } from '#app/auth/roles.ts'
import { generateSessionToken, sessionIdFromToken } from '#app/auth/session.ts'
import { issueCertificate } from '#app/certificates/certificates.server.ts'
import { loadContent } from '#app/content/load.server.ts'
import { generateInviteCode } from '#app/reporting/cohorts.ts'
import { db } from '#app/utils/db.server.ts'

// Who asks, and what there is to ask for, in the access matrix
// (access-matrix.spec.ts): one account per role, and objects that belong to
// someone else (another learner's quiz attempt and certificate, another
// trainer's session), made straight in the database.

export const CALLERS = ['anonymous', 'learner', 'trainer', 'admin', 'deactivated'] as const
export type Caller = (typeof CALLERS)[number]

async function account(role: Role, label: string, deactivated = false) {
  return db.user.create({
    data: {
      email: `matrix-${label}-${crypto.randomUUID().slice(0, 8)}@example.org`,
      displayName: `Matrix ${label}`,
      passwordHash: await hashPassword(crypto.randomUUID()),
      country: 'MW',
      stakeholderGroup: 'educator',
      preferredLocale: 'en',
      role,
      deactivatedAt: deactivated ? new Date() : null,
    },
  })
}

/** The values of every route parameter, and the callers' request contexts. */
export async function accessFixtures(baseURL: string) {
  const [learner, otherLearner, trainer, otherTrainer, admin, deactivated] = await Promise.all([
    account('learner', 'learner'),
    account('learner', 'other'),
    account('trainer', 'trainer'),
    account('trainer', 'other-trainer'),
    account('admin', 'admin'),
    account('learner', 'deactivated', true),
  ])
  const othersCertificate = await issueCertificate(otherLearner.id, 'introduction', 'course', new Date())
  const othersAttempt = await db.quizAttempt.create({
    data: { userId: otherLearner.id, courseSlug: 'introduction', quizId: 'children-online', questions: '[]', total: 0 },
  })
  const cohort = await db.cohort.create({
    data: { name: 'Matrix cohort', country: 'MW', courseSlug: 'tot-educators', startsOn: new Date('2026-01-10'), endsOn: new Date('2026-01-12'), inviteCode: generateInviteCode() },
  })
  const activity = await db.activity.create({
    data: { title: 'Matrix workshop', kind: 'workshop', startsOn: new Date('2026-01-10'), endsOn: new Date('2026-01-10'), country: 'MW' },
  })
  const othersSession = await db.cascadeSession.create({
    data: { trainerId: otherTrainer.id, deliveredOn: new Date('2026-01-15'), place: 'Zomba', country: 'MW', audienceGroup: 'parent_carer', headcount: 12 },
  })
  const resetToken = generateSessionToken()
  await db.passwordResetToken.create({ data: { id: sessionIdFromToken(resetToken), userId: learner.id, expiresAt: resetLinkExpiry(new Date()) } })
  const { index } = loadContent('content')
  const lessonHash = index.courses.find((c) => c.slug === 'introduction')!.modules[0]!.lessons[0]!.sources.en!.hash

  const contexts = new Map<Caller, APIRequestContext>()
  const signedIn = async (userId: string | null) => {
    const cookies = userId
      ? [{ name: SESSION_COOKIE, value: (await createSession(userId)).token, domain: new URL(baseURL).hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const }]
      : []
    return playwrightRequest.newContext({ baseURL, storageState: { cookies, origins: [] } })
  }
  contexts.set('anonymous', await signedIn(null))
  contexts.set('learner', await signedIn(learner.id))
  contexts.set('trainer', await signedIn(trainer.id))
  contexts.set('admin', await signedIn(admin.id))
  contexts.set('deactivated', await signedIn(deactivated.id))

  const params: Record<string, string> = {
    course: 'introduction',
    module: 'children-online',
    lesson: 'how-children-use-the-internet',
    attempt: othersAttempt.id,
    file: '',
    id: othersCertificate.id,
    user: otherLearner.id,
    activity: activity.id,
    cohort: cohort.id,
    code: cohort.inviteCode,
    token: resetToken,
    '*': 'missing.png',
  }
  return { params, contexts, lessonHash, ids: { learner: learner.id, otherLearner: otherLearner.id, othersSession: othersSession.id } }
}

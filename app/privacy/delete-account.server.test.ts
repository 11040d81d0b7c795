import { describe, expect, test } from 'vitest'
import { listAuditEvents, recordAudit } from '#app/admin/audit.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { createSession, validateSessionToken } from '#app/auth/session.server.ts'
import { getCertificate, issueCertificate } from '#app/certificates/certificates.server.ts'
import { getDashboard } from '#app/reporting/dashboard.server.ts'
import { dayToDate } from '#app/reporting/dates.ts'
import { db, transaction } from '#app/utils/db.server.ts'
import { anonymiseAccount, deleteMyAccount, deletedEmail } from './delete-account.server.ts'
import { collectMyData } from './my-data.server.ts'

/** An audit entry on its own, as the tests need them (the app writes each with its change). */
const audit = (...args: Parameters<typeof recordAudit>) => transaction(() => recordAudit(...args))

const PASSWORD = 'river stones at dawn'

async function learnerWithHistory(role = 'learner') {
  const email = `${crypto.randomUUID()}@example.org`
  const user = await db.user.create({
    data: { email, displayName: 'Amina Yusuf', passwordHash: await hashPassword(PASSWORD), country: 'KE', stakeholderGroup: 'educator', organisation: 'Hill School', role },
  })
  await db.lessonProgress.create({ data: { userId: user.id, courseSlug: 'introduction', lessonId: '01-welcome/01-why', completedAt: new Date('2025-03-02T10:00:00Z'), secondsSpent: 300 } })
  await db.courseCompletion.create({ data: { userId: user.id, courseSlug: 'introduction', completedAt: new Date('2025-03-03T10:00:00Z') } })
  await db.reflectionNote.create({ data: { userId: user.id, courseSlug: 'introduction', lessonId: '01-welcome/01-why', reflectionId: 'r1', text: 'My class talks about phones a lot.' } })
  await db.quizAttempt.create({
    data: { userId: user.id, courseSlug: 'introduction', quizId: '01-welcome/quiz', questions: '[]', total: 1, answers: '{"q1":["a"]}', correct: 1, percent: 100, passed: true, submittedAt: new Date('2025-03-03T09:00:00Z') },
  })
  const certificate = await issueCertificate(user.id, 'introduction', 'course', new Date('2025-03-03T10:00:00Z'))
  const activity = await db.activity.create({ data: { title: 'Nairobi workshop', kind: 'workshop', startsOn: dayToDate('2025-03-10'), endsOn: dayToDate('2025-03-10'), country: 'KE' } })
  await db.activityAttendee.create({ data: { activityId: activity.id, name: 'Amina Yusuf', email, stakeholderGroup: 'educator', country: 'KE', organisation: 'Hill School' } })
  await db.cascadeSession.create({
    data: { trainerId: user.id, deliveredOn: dayToDate('2025-03-20'), place: 'Community hall', country: 'KE', audienceGroup: 'parent_carer', headcount: 25, status: 'verified', notes: 'Met Mr Otieno after.' },
  })
  return { user, certificate }
}

describe('deleting an account', () => {
  test('removes what names the person, keeps the report figures and the certificate number', async () => {
    const { user, certificate } = await learnerWithHistory()
    const session = await createSession(user.id)
    const period = { from: '2025-01-01', to: '2025-12-31' }
    const before = await getDashboard(period, {}, { timeZone: 'UTC' })

    expect(await deleteMyAccount(user.id, PASSWORD)).toEqual({ ok: true })

    const after = await getDashboard(period, {}, { timeZone: 'UTC' })
    expect(after).toEqual(before)

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(row).toMatchObject({ email: deletedEmail(user.id), displayName: '', passwordHash: '', organisation: null, country: 'KE', stakeholderGroup: 'educator' })
    expect(row.deletedAt).not.toBeNull()
    expect(await validateSessionToken(session.token)).toBeNull()
    expect(await db.reflectionNote.count({ where: { userId: user.id } })).toBe(0)
    expect((await db.quizAttempt.findFirstOrThrow({ where: { userId: user.id } })).answers).toBeNull()
    expect((await db.cascadeSession.findFirstOrThrow({ where: { trainerId: user.id } })).notes).toBe('')
    expect(await db.activityAttendee.count({ where: { email: user.email } })).toBe(0)
    expect(await db.activityAttendee.count({ where: { name: 'Amina Yusuf' } })).toBe(0)

    const kept = await getCertificate(certificate.id)
    expect(kept).toMatchObject({ id: certificate.id, recipientName: '', revokedAt: null })
    // Nothing of the person is left anywhere in their data.
    const leftovers = JSON.stringify(await collectMyData(user.id, 'https://x.example'))
    for (const personal of ['Amina', 'Yusuf', user.email, 'Hill School', 'phones', 'Otieno']) expect(leftovers).not.toContain(personal)
  })

  test('needs the right password; a wrong one changes nothing', async () => {
    const { user } = await learnerWithHistory()
    expect(await deleteMyAccount(user.id, 'not my password at all')).toEqual({ ok: false, reason: 'password' })
    expect(await deleteMyAccount(user.id, '')).toEqual({ ok: false, reason: 'password' })
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull()
  })

  test('the last admin cannot delete their account', async () => {
    await db.user.updateMany({ where: { role: 'admin' }, data: { role: 'learner' } })
    const { user } = await learnerWithHistory('admin')
    expect(await deleteMyAccount(user.id, PASSWORD)).toEqual({ ok: false, reason: 'lastAdmin' })
    const { user: second } = await learnerWithHistory('admin')
    expect(await deleteMyAccount(user.id, PASSWORD)).toEqual({ ok: true })
    expect(await deleteMyAccount(second.id, PASSWORD)).toEqual({ ok: false, reason: 'lastAdmin' })
  })

  test('is done once: a second anonymisation changes nothing', async () => {
    const { user } = await learnerWithHistory()
    await anonymiseAccount(user.id, new Date('2026-01-01T00:00:00Z'))
    await anonymiseAccount(user.id, new Date('2026-06-01T00:00:00Z'))
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toEqual(new Date('2026-01-01T00:00:00Z'))
  })
})

describe('downloading one’s data', () => {
  test('holds the profile, learning, notes, certificates and attendance, without secrets', async () => {
    const { user, certificate } = await learnerWithHistory()
    await createSession(user.id)
    const data = await collectMyData(user.id, 'https://learn.example.org')
    expect(data).toMatchObject({ email: user.email, displayName: 'Amina Yusuf', organisation: 'Hill School', country: 'KE' })
    expect(data.lessonProgress).toHaveLength(1)
    expect(data.completions).toHaveLength(1)
    expect(data.reflectionNotes[0]).toMatchObject({ text: 'My class talks about phones a lot.' })
    expect(data.quizAttempts[0]).toMatchObject({ answers: { q1: ['a'] }, passed: true })
    expect(data.certificates[0]).toMatchObject({ id: certificate.id, verificationUrl: `https://learn.example.org/verify/${certificate.id}` })
    expect(data.offlineAttendance[0]).toMatchObject({ activity: { title: 'Nairobi workshop' } })
    expect(data.activeSessions).toHaveLength(1)
    const text = JSON.stringify(data)
    expect(text).not.toContain(user.passwordHash)
    expect(text).not.toContain('argon2')
  })

  test('made by an admin, leaves out the reflection notes that only the person can see', async () => {
    const { user } = await learnerWithHistory()
    const data = await collectMyData(user.id, 'https://learn.example.org', { audience: 'admin' })
    expect(data).toMatchObject({ email: user.email, displayName: 'Amina Yusuf' })
    expect(data.lessonProgress).toHaveLength(1)
    expect(data).not.toHaveProperty('reflectionNotes')
    expect(JSON.stringify(data)).not.toContain('My class talks about phones a lot.')
  })
})

describe('the audit log after a deletion', () => {
  test('keeps what admins did, without the person’s name or email', async () => {
    const { user, certificate } = await learnerWithHistory()
    const admin = { id: 'admin-1', email: 'staff@example.org' }
    await audit(admin, 'user.role_changed', { type: 'user', id: user.id, label: `Amina Yusuf <${user.email}>` }, { from: 'learner', to: 'trainer' })
    await audit(admin, 'certificate.revoked', { type: 'certificate', id: certificate.id, label: `${certificate.id} · Amina Yusuf` }, { reason: 'other' })
    await audit(admin, 'cohort.member_added', { type: 'cohort', id: 'c1', label: 'Nairobi 2025' }, { name: 'Amina Yusuf', email: user.email })
    await audit(admin, 'cohort.member_added', { type: 'cohort', id: 'c1', label: 'Nairobi 2025' }, { name: 'Someone Else', email: 'else@example.org' })

    await anonymiseAccount(user.id)

    const events = (await listAuditEvents({ actor: 'staff@example.org' })).events.filter((e) => e.targetId === user.id || e.targetId === certificate.id || e.targetId === 'c1')
    expect(events).toHaveLength(4)
    const text = JSON.stringify(events)
    expect(text).not.toContain('Amina')
    expect(text).not.toContain(user.email)
    expect(text).toContain('Someone Else')
    expect(text).toContain('Nairobi 2025')
    expect(events.map((e) => e.action).sort()).toEqual(['certificate.revoked', 'cohort.member_added', 'cohort.member_added', 'user.role_changed'])
  })
})

import { describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import {
  addMemberByEmail,
  createCohort,
  getCohort,
  joinCohortByCode,
  listCohorts,
  markAttendance,
  removeMember,
  unmarkAttendance,
  updateCohort,
} from './cohorts.server.ts'
import { isInviteCode, type CohortInput } from './cohorts.ts'

const TOT = 'tot-educators'

const lilongwe: CohortInput = {
  name: 'Lilongwe educators, spring',
  country: 'MW',
  courseSlug: TOT,
  startsOn: '2026-03-02',
  endsOn: '2026-03-06',
  facilitators: 'Chikondi Phiri, Ana Souza',
}

async function educator(name: string, role = 'learner') {
  return db.user.create({
    data: { email: `${crypto.randomUUID()}@example.org`, displayName: name, passwordHash: 'x', country: 'MW', stakeholderGroup: 'educator', role },
  })
}

async function completeCourse(userId: string, completedAt = new Date('2026-02-20T09:00:00Z')) {
  await db.courseCompletion.create({ data: { userId, courseSlug: TOT, completedAt } })
}

async function memberId(cohortId: string, userId: string) {
  return (await db.cohortMember.findUniqueOrThrow({ where: { cohortId_userId: { cohortId, userId } } })).id
}

// Certifying reads the course catalogue from disk on each call outside production: slow on a busy machine.
describe('cohorts', { timeout: 30_000 }, () => {
  test('a cohort is created with a random invite code and its days, and can be edited', async () => {
    const created = await createCohort(lilongwe)
    expect(isInviteCode(created.inviteCode)).toBe(true)
    const other = await createCohort(lilongwe)
    expect(other.inviteCode).not.toBe(created.inviteCode)

    const stored = await db.cohort.findUniqueOrThrow({ where: { id: created.id } })
    expect(stored.startsOn.toISOString()).toBe('2026-03-02T00:00:00.000Z')
    expect(stored.endsOn.toISOString()).toBe('2026-03-06T00:00:00.000Z')

    await updateCohort(created.id, { ...lilongwe, name: 'Lilongwe educators', endsOn: '2026-03-07', facilitators: '' })
    const cohort = await getCohort(created.id)
    expect(cohort).toMatchObject({ name: 'Lilongwe educators', country: 'MW', startsOn: '2026-03-02', endsOn: '2026-03-07', facilitators: '', inviteCode: created.inviteCode, members: [] })
    expect(await getCohort('no-such-cohort')).toBeNull()
  })

  test('educators join by the invite link (twice is once) or are added by email if they have an account', async () => {
    const cohort = await createCohort(lilongwe)
    const grace = await educator('Grace Banda')
    const first = await joinCohortByCode(cohort.inviteCode, grace.id)
    expect(first).toMatchObject({ ok: true, alreadyMember: false, cohort: { id: cohort.id, name: lilongwe.name } })
    expect(await joinCohortByCode(cohort.inviteCode, grace.id)).toMatchObject({ ok: true, alreadyMember: true })
    expect(await joinCohortByCode('aaaaaaaaaaaaaaaaaaaaaaaa', grace.id)).toEqual({ ok: false })

    const tiago = await educator('Tiago Mendes')
    expect(await addMemberByEmail(cohort.id, `  ${tiago.email.toUpperCase()} `)).toEqual({ ok: true, displayName: 'Tiago Mendes', alreadyMember: false })
    expect(await addMemberByEmail(cohort.id, tiago.email)).toMatchObject({ ok: true, alreadyMember: true })
    expect(await addMemberByEmail(cohort.id, 'nobody@example.org')).toEqual({ ok: false, reason: 'no-account' })

    const detail = await getCohort(cohort.id)
    expect(detail?.members.map((m) => m.displayName)).toEqual(['Grace Banda', 'Tiago Mendes'])
    expect(detail?.members[0]).toMatchObject({ email: grace.email, completedOn: null, attendedOn: null, certificateId: null })

    // Removing takes them out of this cohort only.
    const other = await createCohort({ ...lilongwe, name: 'Other' })
    await joinCohortByCode(other.inviteCode, tiago.id)
    expect(await removeMember(other.id, await memberId(cohort.id, tiago.id))).toBeNull()
    expect(await removeMember(cohort.id, await memberId(cohort.id, tiago.id))).toEqual({ displayName: 'Tiago Mendes' })
    expect((await getCohort(cohort.id))?.members.map((m) => m.displayName)).toEqual(['Grace Banda'])
    expect((await getCohort(other.id))?.members).toHaveLength(1)
  })

  test('marking attendance certifies those who completed the online course; the others wait for it', async () => {
    const cohort = await createCohort(lilongwe)
    const grace = await educator('Grace Banda')
    const tiago = await educator('Tiago Mendes')
    await completeCourse(grace.id)
    for (const user of [grace, tiago]) await joinCohortByCode(cohort.inviteCode, user.id)
    const ids = [await memberId(cohort.id, grace.id), await memberId(cohort.id, tiago.id)]

    expect(await markAttendance({ cohortId: cohort.id, memberIds: ids, attendedOn: '2026-03-06', recordedById: 'admin' })).toEqual({ marked: 2, certified: 1 })
    const detail = await getCohort(cohort.id)
    const [g, t] = detail!.members
    expect(g).toMatchObject({ attendedOn: '2026-03-06', completedOn: new Date('2026-02-20T09:00:00Z') })
    expect(g!.certificateId).toMatch(/^[a-z2-7]{24}$/)
    expect(t).toMatchObject({ attendedOn: '2026-03-06', completedOn: null, certificateId: null })
    expect((await db.user.findUniqueOrThrow({ where: { id: grace.id } })).role).toBe('trainer')
    expect((await db.user.findUniqueOrThrow({ where: { id: tiago.id } })).role).toBe('learner')
    const attendance = await db.workshopAttendance.findUniqueOrThrow({ where: { userId_courseSlug: { userId: tiago.id, courseSlug: TOT } } })
    expect(attendance.attendedOn.toISOString()).toBe('2026-03-06T00:00:00.000Z')
    expect(attendance.recordedById).toBe('admin')

    // Members of another cohort cannot be marked through this one.
    const other = await createCohort({ ...lilongwe, name: 'Other' })
    const outsider = await educator('Outsider')
    await joinCohortByCode(other.inviteCode, outsider.id)
    expect(await markAttendance({ cohortId: cohort.id, memberIds: [await memberId(other.id, outsider.id)], attendedOn: '2026-03-06', recordedById: 'admin' })).toEqual({
      marked: 0,
      certified: 0,
    })
  })

  test('unmarking clears attendance but keeps a certificate; the uncertified are not certified later on it', async () => {
    const cohort = await createCohort(lilongwe)
    const grace = await educator('Grace Banda')
    const tiago = await educator('Tiago Mendes')
    await completeCourse(grace.id)
    for (const user of [grace, tiago]) await joinCohortByCode(cohort.inviteCode, user.id)
    const ids = [await memberId(cohort.id, grace.id), await memberId(cohort.id, tiago.id)]
    await markAttendance({ cohortId: cohort.id, memberIds: ids, attendedOn: '2026-03-05', recordedById: 'admin' })

    expect(await unmarkAttendance({ cohortId: cohort.id, memberIds: ids })).toEqual({ unmarked: 2, keptCertificates: 1 })
    const [g, t] = (await getCohort(cohort.id))!.members
    expect(g).toMatchObject({ attendedOn: null })
    expect(g!.certificateId).not.toBeNull()
    expect(t).toMatchObject({ attendedOn: null, certificateId: null })
    expect(await db.workshopAttendance.count({ where: { userId: tiago.id } })).toBe(0)

    // Tiago completes the course afterwards: no attendance stands, so no certificate.
    await completeCourse(tiago.id)
    const { certifyTrainerIfEligible } = await import('#app/certificates/trainer.server.ts')
    expect(await certifyTrainerIfEligible(tiago.id, TOT)).toEqual({ certified: false, waitingFor: 'attendance' })
  })

  test('the list counts members, attendance and certified trainers per cohort, in SQL', async () => {
    await db.cohortMember.deleteMany()
    await db.cohort.deleteMany()
    const older = await createCohort({ ...lilongwe, name: 'Blantyre', startsOn: '2025-10-01', endsOn: '2025-10-03' })
    const newer = await createCohort({ ...lilongwe, name: 'Zomba', country: 'ZM', startsOn: '2026-05-01', endsOn: '2026-05-02' })
    const empty = await createCohort({ ...lilongwe, name: 'Empty', startsOn: '2024-01-01', endsOn: '2024-01-02' })
    const people = await Promise.all(['A', 'B', 'C', 'D'].map((n) => educator(n)))
    const [a, b, c, d] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number], (typeof people)[number]]
    for (const user of [a, b, c]) await joinCohortByCode(older.inviteCode, user.id)
    await joinCohortByCode(newer.inviteCode, d.id)
    await completeCourse(a.id)
    await completeCourse(d.id)
    // A attended and completed: certified. B attended only. C neither.
    await markAttendance({ cohortId: older.id, memberIds: [await memberId(older.id, a.id), await memberId(older.id, b.id)], attendedOn: '2025-10-03', recordedById: 'admin' })
    // D is certified through the other cohort but their certificate was revoked: not counted.
    await markAttendance({ cohortId: newer.id, memberIds: [await memberId(newer.id, d.id)], attendedOn: '2026-05-02', recordedById: 'admin' })
    await db.certificate.updateMany({ where: { userId: d.id }, data: { revokedAt: new Date(), revokedReason: 'issued_in_error' } })

    expect(await listCohorts()).toEqual([
      { id: newer.id, name: 'Zomba', country: 'ZM', courseSlug: TOT, startsOn: '2026-05-01', endsOn: '2026-05-02', members: 1, attended: 1, certified: 0 },
      { id: older.id, name: 'Blantyre', country: 'MW', courseSlug: TOT, startsOn: '2025-10-01', endsOn: '2025-10-03', members: 3, attended: 2, certified: 1 },
      { id: empty.id, name: 'Empty', country: 'MW', courseSlug: TOT, startsOn: '2024-01-01', endsOn: '2024-01-02', members: 0, attended: 0, certified: 0 },
    ])
  })
})

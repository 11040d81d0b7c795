import { describe, expect, test } from 'vitest'
import { db } from '#app/utils/db.server.ts'
import { certificatesWithOldName, reissueCertificate, revokeCertificate } from './certificates.server.ts'
import { recordWorkshopAttendance } from './trainer.server.ts'

async function educator(role = 'learner') {
  return db.user.create({
    data: { email: `${crypto.randomUUID()}@example.org`, displayName: 'Grace Banda', passwordHash: 'x', country: 'MW', stakeholderGroup: 'educator', role },
  })
}

async function complete(userId: string, courseSlug: string, completedAt: Date) {
  await db.courseCompletion.create({ data: { userId, courseSlug, completedAt } })
}

describe('trainer certification', () => {
  test('completing the ToT course and then attending its workshop makes a certified trainer', async () => {
    const user = await educator()
    await complete(user.id, 'tot-educators', new Date('2026-04-01T10:00:00Z'))
    const outcome = await recordWorkshopAttendance({ userId: user.id, courseSlug: 'tot-educators', attendedOn: new Date('2026-04-20T00:00:00Z'), recordedById: 'admin' })
    expect(outcome.certified).toBe(true)
    const certificate = await db.certificate.findFirstOrThrow({ where: { userId: user.id, kind: 'trainer' } })
    // Certified on the later of the two dates, under the name at that time.
    expect(certificate).toMatchObject({ courseSlug: 'tot-educators', recipientName: 'Grace Banda', completedAt: new Date('2026-04-20T00:00:00Z') })
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('trainer')
    // Recording it again changes nothing.
    await recordWorkshopAttendance({ userId: user.id, courseSlug: 'tot-educators', attendedOn: new Date('2026-04-20T00:00:00Z'), recordedById: 'admin' })
    expect(await db.certificate.count({ where: { userId: user.id, kind: 'trainer' } })).toBe(1)
  })

  test('attendance alone waits for the online course; an admin stays an admin', async () => {
    const user = await educator('admin')
    const outcome = await recordWorkshopAttendance({ userId: user.id, courseSlug: 'tot-educators', attendedOn: new Date('2026-04-20T00:00:00Z'), recordedById: 'admin' })
    expect(outcome).toEqual({ certified: false, waitingFor: 'completion' })
    expect(await db.certificate.count({ where: { userId: user.id } })).toBe(0)
    await complete(user.id, 'tot-educators', new Date('2026-05-01T10:00:00Z'))
    const { certifyTrainerIfEligible } = await import('./trainer.server.ts')
    expect((await certifyTrainerIfEligible(user.id, 'tot-educators')).certified).toBe(true)
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('admin')
  })

  test('a course that does not certify trainers never makes one', async () => {
    const user = await educator()
    await complete(user.id, 'introduction', new Date('2026-04-01T10:00:00Z'))
    const outcome = await recordWorkshopAttendance({ userId: user.id, courseSlug: 'introduction', attendedOn: new Date('2026-04-20T00:00:00Z'), recordedById: 'admin' })
    expect(outcome.certified).toBe(false)
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('learner')
  })
})

describe('reissue after a name change', () => {
  test('the new certificate carries the new name; the old one points to it', async () => {
    const user = await educator()
    const old = await db.certificate.create({
      data: { id: 'aaaaaaaaaaaaaaaaaaaaaaa2', userId: user.id, courseSlug: 'introduction', recipientName: 'Grace Banda', completedAt: new Date('2026-03-01T00:00:00Z') },
    })
    expect(await reissueCertificate(old.id, user.id)).toEqual({ ok: false, reason: 'same-name' })
    await db.user.update({ where: { id: user.id }, data: { displayName: 'Grace Phiri' } })
    expect((await certificatesWithOldName(user.id, 'Grace Phiri')).map((c) => c.id)).toEqual([old.id])

    const result = await reissueCertificate(old.id, user.id)
    if (!result.ok) throw new Error(result.reason)
    const renewed = await db.certificate.findUniqueOrThrow({ where: { id: result.id } })
    expect(renewed).toMatchObject({ recipientName: 'Grace Phiri', courseSlug: 'introduction', kind: 'course', completedAt: old.completedAt, supersededBy: null })
    expect(renewed.id).not.toBe(old.id)
    expect((await db.certificate.findUniqueOrThrow({ where: { id: old.id } })).supersededBy).toBe(renewed.id)
    expect(await certificatesWithOldName(user.id, 'Grace Phiri')).toEqual([])
    // The old one cannot be reissued twice.
    expect(await reissueCertificate(old.id, user.id)).toEqual({ ok: false, reason: 'not-valid' })
  })

  test('nobody else can reissue it, and a revoked certificate stays revoked', async () => {
    const owner = await educator()
    const other = await educator()
    const certificate = await db.certificate.create({
      data: { id: 'aaaaaaaaaaaaaaaaaaaaaaa3', userId: owner.id, courseSlug: 'introduction', recipientName: 'Old name', completedAt: new Date() },
    })
    expect(await reissueCertificate(certificate.id, other.id)).toEqual({ ok: false, reason: 'not-found' })
    await revokeCertificate(certificate.id, 'misconduct')
    expect(await reissueCertificate(certificate.id, owner.id)).toEqual({ ok: false, reason: 'not-valid' })
  })
})

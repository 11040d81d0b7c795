import { describe, expect, test } from 'vitest'
import { attendanceSchema } from './attendance.ts'

const schema = attendanceSchema(['tot-educators'], '2026-11-28')
const ok = { email: ' Educator@Example.org ', courseSlug: 'tot-educators', attendedOn: '2026-11-20' }

describe('the workshop attendance form', () => {
  test('accepts an email, a trainer course and a past or present date', () => {
    expect(schema.parse(ok)).toEqual({ email: 'educator@example.org', courseSlug: 'tot-educators', attendedOn: new Date('2026-11-20T00:00:00Z') })
    expect(schema.safeParse({ ...ok, attendedOn: '2026-11-28' }).success).toBe(true)
  })

  test.each([
    ['a date in the future', { attendedOn: '2026-11-29' }, 'attendedOn', 'trainers.errors.dateInFuture'],
    ['no date', { attendedOn: '' }, 'attendedOn', 'trainers.errors.dateRequired'],
    ['an impossible date', { attendedOn: '2026-02-31' }, 'attendedOn', 'trainers.errors.dateRequired'],
    ['a course that does not certify trainers', { courseSlug: 'introduction' }, 'courseSlug', 'trainers.errors.courseRequired'],
    ['a malformed email', { email: 'educator' }, 'email', 'errors.emailInvalid'],
  ])('refuses %s with a message for its field', (_, change, field, message) => {
    const result = schema.safeParse({ ...ok, ...change })
    expect(result.success).toBe(false)
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message)
  })
})

import { describe, expect, test } from 'vitest'
import { addMemberSchema, cohortSchema, defaultAttendanceDay, formatDayRange as formatRange, generateInviteCode, isInviteCode, parseAttendanceForm } from './cohorts.ts'
import { parseForm } from '#app/utils/forms.ts'

function form(entries: [string, string][]) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}

const valid = {
  name: ' Lilongwe educators ',
  country: 'mw',
  courseSlug: 'tot-educators',
  startsOn: '2026-03-02',
  endsOn: '2026-03-06',
  facilitators: ' Chikondi Phiri ',
}

describe('the cohort form', () => {
  const schema = cohortSchema(['tot-educators'])

  test('valid input is trimmed and the country upper-cased', () => {
    expect(parseForm(schema, form(Object.entries(valid)))).toEqual({
      ok: true,
      data: { name: 'Lilongwe educators', country: 'MW', courseSlug: 'tot-educators', startsOn: '2026-03-02', endsOn: '2026-03-06', facilitators: 'Chikondi Phiri' },
    })
    // Facilitators may be left out; a one-day cohort is fine.
    const { facilitators: _, ...rest } = valid
    const oneDay = parseForm(schema, form(Object.entries({ ...rest, endsOn: '2026-03-02' })))
    expect(oneDay.ok && oneDay.data.facilitators).toBe('')
  })

  test('each field says what is wrong with it', () => {
    const result = parseForm(
      schema,
      form(Object.entries({ name: '  ', country: 'XX', courseSlug: 'introduction', startsOn: '2026-02-30', endsOn: '', facilitators: 'x'.repeat(501) })),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual({
      name: 'cohorts.errors.nameRequired',
      country: 'cohorts.errors.countryRequired',
      courseSlug: 'cohorts.errors.courseRequired',
      startsOn: 'cohorts.errors.startRequired',
      endsOn: 'cohorts.errors.endRequired',
      facilitators: 'cohorts.errors.facilitatorsTooLong',
    })
    const long = parseForm(schema, form(Object.entries({ ...valid, name: 'n'.repeat(121) })))
    expect(!long.ok && long.errors).toEqual({ name: 'cohorts.errors.nameTooLong' })
    expect(parseForm(schema, form(Object.entries({ ...valid, name: 'n'.repeat(120) }))).ok).toBe(true)
  })

  test('the end cannot come before the start', () => {
    const result = parseForm(schema, form(Object.entries({ ...valid, endsOn: '2026-03-01' })))
    expect(!result.ok && result.errors).toEqual({ endsOn: 'cohorts.errors.endBeforeStart' })
  })

  test('an educator is added by a valid email address, compared in lower case', () => {
    expect(parseForm(addMemberSchema, form([['email', ' Grace@Example.ORG ']]))).toEqual({ ok: true, data: { email: 'grace@example.org' } })
    const empty = parseForm(addMemberSchema, form([['email', '']]))
    expect(!empty.ok && empty.errors).toEqual({ email: 'cohorts.errors.emailRequired' })
    const bad = parseForm(addMemberSchema, form([['email', 'grace']]))
    expect(!bad.ok && bad.errors).toEqual({ email: 'cohorts.errors.emailInvalid' })
  })
})

describe('the attendance form', () => {
  test('reads every ticked member once, and the workshop day', () => {
    const result = parseAttendanceForm(
      form([
        ['member', 'm1'],
        ['member', 'm2'],
        ['member', 'm1'],
        ['attendedOn', '2026-03-06'],
      ]),
      { today: '2026-03-10', needsDay: true },
    )
    expect(result).toEqual({ ok: true, data: { memberIds: ['m1', 'm2'], attendedOn: '2026-03-06' } })
  })

  test('needs someone ticked and a day that has come', () => {
    expect(parseAttendanceForm(form([['attendedOn', '2026-03-11']]), { today: '2026-03-10', needsDay: true })).toEqual({
      ok: false,
      errors: { member: 'cohorts.errors.noneSelected', attendedOn: 'cohorts.errors.attendedOnFuture' },
      values: { attendedOn: '2026-03-11' },
    })
    const noDay = parseAttendanceForm(form([['member', 'm1'], ['attendedOn', '']]), { today: '2026-03-10', needsDay: true })
    expect(!noDay.ok && noDay.errors).toEqual({ attendedOn: 'cohorts.errors.attendedOnRequired' })
    const today = parseAttendanceForm(form([['member', 'm1'], ['attendedOn', '2026-03-10']]), { today: '2026-03-10', needsDay: true })
    expect(today.ok).toBe(true)
  })

  test('unmarking needs no day', () => {
    expect(parseAttendanceForm(form([['member', 'm1']]), { today: '2026-03-10', needsDay: false })).toEqual({ ok: true, data: { memberIds: ['m1'], attendedOn: null } })
  })

  test('suggests the last day of the cohort, or today while it runs', () => {
    expect(defaultAttendanceDay('2026-03-06', '2026-04-01')).toBe('2026-03-06')
    expect(defaultAttendanceDay('2026-03-06', '2026-03-06')).toBe('2026-03-06')
    expect(defaultAttendanceDay('2026-03-06', '2026-03-04')).toBe('2026-03-04')
  })
})

test('invite codes are random and recognisable', () => {
  const code = generateInviteCode()
  expect(isInviteCode(code)).toBe(true)
  expect(generateInviteCode()).not.toBe(code)
  expect(isInviteCode('not-a-code')).toBe(false)
  expect(isInviteCode(code.toUpperCase())).toBe(false)
})

test("a cohort's days read as one range", () => {
  // Intl puts thin spaces around the dash.
  const formatDayRange = (...args: Parameters<typeof formatRange>) => formatRange(...args).replace(/\s/g, ' ')
  expect(formatDayRange('2026-03-02', '2026-03-06', 'en')).toBe('March 2 – 6, 2026')
  expect(formatDayRange('2026-03-02', '2026-03-02', 'fr')).toBe('2 mars 2026')
  expect(formatDayRange('2025-12-30', '2026-01-02', 'en', 'medium')).toBe('Dec 30, 2025 – Jan 2, 2026')
})

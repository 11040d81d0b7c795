import { describe, expect, test } from 'vitest'
import { baselineSchema, parseCount, totalsByKind } from './baselines.ts'

const valid = { asOf: '2021-12-31', activityKind: 'offline_activity', stakeholderGroup: 'parent_carer', country: 'mw', participants: '1,500', note: ' Annual report 2021 ' }
const today = '2024-06-30'

function errors(values: Record<string, string>) {
  const result = baselineSchema(today).safeParse(values)
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message]))
}

describe('the baseline form', () => {
  test('a complete entry is read as stored: upper-case country, whole number, trimmed note', () => {
    expect(baselineSchema(today).parse(valid)).toEqual({
      asOf: '2021-12-31',
      activityKind: 'offline_activity',
      stakeholderGroup: 'parent_carer',
      country: 'MW',
      participants: 1500,
      note: 'Annual report 2021',
    })
  })

  test('the note is optional', () => {
    const { note: _, ...withoutNote } = valid
    expect(baselineSchema(today).parse(withoutNote).note).toBe('')
  })

  test('the date must be a real day, not after today and not a typing slip centuries ago', () => {
    expect(errors({ ...valid, asOf: '2023-02-29' })).toEqual({ asOf: 'baselines.errors.asOfInvalid' })
    expect(errors({ ...valid, asOf: '' })).toEqual({ asOf: 'baselines.errors.asOfInvalid' })
    expect(errors({ ...valid, asOf: '0202-12-31' })).toEqual({ asOf: 'baselines.errors.asOfInvalid' })
    expect(errors({ ...valid, asOf: '2024-07-01' })).toEqual({ asOf: 'baselines.errors.asOfFuture' })
    expect(errors({ ...valid, asOf: today })).toEqual({})
    expect(errors({ ...valid, asOf: '2024-02-29' })).toEqual({})
  })

  test('kind, group and country must be ones the programme knows', () => {
    expect(errors({ ...valid, activityKind: 'party', stakeholderGroup: '', country: 'XX' })).toEqual({
      activityKind: 'baselines.errors.kindRequired',
      stakeholderGroup: 'baselines.errors.groupRequired',
      country: 'baselines.errors.countryRequired',
    })
  })

  test('participants: a whole number from 1 to 10,000,000', () => {
    for (const [text, message] of [
      ['0', 'baselines.errors.participantsRange'],
      ['10000001', 'baselines.errors.participantsRange'],
      ['-5', 'baselines.errors.participantsInvalid'],
      ['12.5', 'baselines.errors.participantsInvalid'],
      ['many', 'baselines.errors.participantsInvalid'],
      ['', 'baselines.errors.participantsInvalid'],
    ] as const) {
      expect(errors({ ...valid, participants: text }), text).toEqual({ participants: message })
    }
    expect(baselineSchema(today).parse({ ...valid, participants: '1' }).participants).toBe(1)
    expect(baselineSchema(today).parse({ ...valid, participants: '10 000 000' }).participants).toBe(10_000_000)
  })

  test('a note of more than 500 characters is refused', () => {
    expect(errors({ ...valid, note: 'x'.repeat(501) })).toEqual({ note: 'baselines.errors.noteTooLong' })
    expect(errors({ ...valid, note: 'x'.repeat(500) })).toEqual({})
  })
})

describe('reading a count as people type it', () => {
  test.each([
    ['1500', 1500],
    ['1,500', 1500],
    ['1 500', 1500],
    ['1\u202f500', 1500],
    ['1.500', 1500],
    ['12,345,678', 12_345_678],
    ['١٥٠٠', 1500],
    ['١٬٥٠٠', 1500],
    ['۲۵', 25],
    [' 42 ', 42],
  ])('%s is %d', (text, value) => {
    expect(parseCount(text)).toBe(value)
  })

  test.each(['1.5', '1,50', '1,5000', '12.', '', 'ten', '-3', '3e4', '99999999999999999999'])('%s is not a count', (text) => {
    expect(parseCount(text)).toBeNull()
  })
})

test('totals list every activity kind, in order, with zeros where there are no baselines', () => {
  expect(totalsByKind([{ activityKind: 'tot', participants: 75, baselines: 3 }])).toEqual([
    { activityKind: 'online_course', participants: 0, baselines: 0 },
    { activityKind: 'tot', participants: 75, baselines: 3 },
    { activityKind: 'offline_activity', participants: 0, baselines: 0 },
    { activityKind: 'cascade_session', participants: 0, baselines: 0 },
  ])
})

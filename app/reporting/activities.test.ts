import { describe, expect, test } from 'vitest'
import {
  activityFormSchema,
  activityFormValues,
  canRecordParticipants,
  formatDayRange,
  headcountFormValues,
  headcountRowsSchema,
  parseAudienceGroups,
  parseHeadcountForm,
} from './activities.ts'

const valid = {
  title: '  Child online protection for policymakers ',
  kind: 'workshop',
  startsOn: '2023-11-14',
  endsOn: '2023-11-15',
  country: 'mw',
  city: 'Lilongwe',
  organiser: 'Ministry of ICT',
  audience_government: 'on',
  audience_civil_society: 'on',
  notes: '',
}

function errorsOf(values: Record<string, string>) {
  const parsed = activityFormSchema.safeParse(values)
  if (parsed.success) return {}
  // As parseForm does: each field's first problem.
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
  return errors
}

describe('the activity form', () => {
  test('a complete form gives a trimmed activity with its audience in the usual order', () => {
    expect(activityFormSchema.parse(valid)).toEqual({
      title: 'Child online protection for policymakers',
      kind: 'workshop',
      startsOn: '2023-11-14',
      endsOn: '2023-11-15',
      country: 'MW',
      city: 'Lilongwe',
      organiser: 'Ministry of ICT',
      audienceGroups: ['government', 'civil_society'],
      notes: '',
    })
  })

  test('without an end date, the activity lasts one day', () => {
    expect(activityFormSchema.parse({ ...valid, endsOn: '' })).toMatchObject({ startsOn: '2023-11-14', endsOn: '2023-11-14' })
  })

  test('a missing title, an unknown kind, a missing start and no audience are each named', () => {
    expect(errorsOf({ ...valid, title: '   ', kind: 'party', startsOn: '', audience_government: '', audience_civil_society: '' })).toEqual({
      title: 'activities.errors.titleRequired',
      kind: 'activities.errors.kindRequired',
      startsOn: 'activities.errors.startsOnRequired',
      audienceGroups: 'activities.errors.audienceRequired',
    })
  })

  test('the end cannot come before the start; the same day is fine', () => {
    expect(errorsOf({ ...valid, endsOn: '2023-11-13' })).toEqual({ endsOn: 'activities.errors.endsBeforeStart' })
    expect(errorsOf({ ...valid, endsOn: '2023-11-14' })).toEqual({})
  })

  test('impossible and implausible days are refused; future days are allowed (planning)', () => {
    expect(errorsOf({ ...valid, startsOn: '2023-02-30' })).toMatchObject({ startsOn: 'activities.errors.startsOnRequired' })
    expect(errorsOf({ ...valid, startsOn: '0023-11-14', endsOn: '' })).toEqual({ startsOn: 'activities.errors.dateOutOfRange' })
    expect(errorsOf({ ...valid, endsOn: 'soon' })).toEqual({ endsOn: 'activities.errors.endsOnInvalid' })
    expect(errorsOf({ ...valid, startsOn: '2099-01-01', endsOn: '' })).toEqual({})
  })

  test('the country must be an ISO code; texts have limits', () => {
    expect(errorsOf({ ...valid, country: 'XX' })).toEqual({ country: 'activities.errors.countryRequired' })
    expect(errorsOf({ ...valid, title: 'x'.repeat(201), notes: 'y'.repeat(2001) })).toEqual({ title: 'errors.tooLong', notes: 'errors.tooLong' })
  })

  test('an activity fills the form in again as it was entered', () => {
    const input = activityFormSchema.parse(valid)
    const values = activityFormValues({
      ...input,
      startsOn: new Date('2023-11-14T00:00:00Z'),
      endsOn: new Date('2023-11-15T00:00:00Z'),
    })
    expect(activityFormSchema.parse(values)).toEqual(input)
  })

  test('stored audience groups survive odd JSON', () => {
    expect(parseAudienceGroups('["educator","nobody","parent_carer"]')).toEqual(['parent_carer', 'educator'])
    expect(parseAudienceGroups('not json')).toEqual([])
    expect(parseAudienceGroups('{"a":1}')).toEqual([])
  })

  test('participants are recorded from the first day of an activity', () => {
    expect(canRecordParticipants('2024-05-01', '2024-04-30')).toBe(false)
    expect(canRecordParticipants('2024-05-01', '2024-05-01')).toBe(true)
  })
})

describe('the headcount table', () => {
  test('a total alone is stored without a gender split', () => {
    expect(parseHeadcountForm({ total_educator: '40', total_government: ' 12 ' })).toEqual({
      ok: true,
      rows: [
        { stakeholderGroup: 'educator', gender: null, count: 40 },
        { stakeholderGroup: 'government', gender: null, count: 12 },
      ],
    })
  })

  test('a partial gender split keeps the rest of the total as not broken down', () => {
    expect(parseHeadcountForm({ total_educator: '50', female_educator: '20', male_educator: '25' })).toEqual({
      ok: true,
      rows: [
        { stakeholderGroup: 'educator', gender: 'female', count: 20 },
        { stakeholderGroup: 'educator', gender: 'male', count: 25 },
        { stakeholderGroup: 'educator', gender: null, count: 5 },
      ],
    })
  })

  test('a full split, with or without the total, stores only the gendered rows', () => {
    const rows = [
      { stakeholderGroup: 'parent_carer', gender: 'female', count: 30 },
      { stakeholderGroup: 'parent_carer', gender: 'male', count: 10 },
    ]
    expect(parseHeadcountForm({ total_parent_carer: '40', female_parent_carer: '30', male_parent_carer: '10' })).toEqual({ ok: true, rows })
    expect(parseHeadcountForm({ female_parent_carer: '30', male_parent_carer: '10', other_parent_carer: '0' })).toEqual({ ok: true, rows })
  })

  test('an empty table (or all zeros) stores nothing', () => {
    expect(parseHeadcountForm({})).toEqual({ ok: true, rows: [] })
    expect(parseHeadcountForm({ total_other: '0', female_other: '' })).toEqual({ ok: true, rows: [] })
  })

  test('bad numbers and a split above the total are named per box', () => {
    expect(
      parseHeadcountForm({
        total_educator: '-3',
        total_industry: '2.5',
        total_government: '100001',
        total_civil_society: '10',
        female_civil_society: '8',
        male_civil_society: '4',
        female_child_youth: 'many',
      }),
    ).toEqual({
      ok: false,
      errors: {
        total_educator: 'activities.errors.countInvalid',
        total_industry: 'activities.errors.countInvalid',
        total_government: 'activities.errors.countTooLarge',
        total_civil_society: 'activities.errors.splitAboveTotal',
        female_child_youth: 'activities.errors.countInvalid',
      },
    })
  })

  test('a split adding up to more than the limit is too large', () => {
    expect(parseHeadcountForm({ female_educator: '60000', male_educator: '60000' })).toEqual({
      ok: false,
      errors: { total_educator: 'activities.errors.countTooLarge' },
    })
  })

  test('stored rows fill the table in again', () => {
    const rows = [
      { stakeholderGroup: 'educator', gender: 'female', count: 20 },
      { stakeholderGroup: 'educator', gender: 'male', count: 25 },
      { stakeholderGroup: 'educator', gender: null, count: 5 },
      { stakeholderGroup: 'government', gender: null, count: 12 },
    ]
    const values = headcountFormValues(rows)
    expect(values).toEqual({ total_educator: '50', female_educator: '20', male_educator: '25', total_government: '12' })
    expect(parseHeadcountForm(values)).toEqual({ ok: true, rows })
  })

  test('stored rows: a group at most once per gender, counts whole and within limits', () => {
    expect(
      headcountRowsSchema.safeParse([
        { stakeholderGroup: 'educator', gender: null, count: 5 },
        { stakeholderGroup: 'educator', gender: 'female', count: 5 },
      ]).success,
    ).toBe(true)
    const duplicate = headcountRowsSchema.safeParse([
      { stakeholderGroup: 'educator', gender: 'female', count: 5 },
      { stakeholderGroup: 'educator', gender: 'female', count: 6 },
    ])
    expect(duplicate.success ? null : duplicate.error.issues[0]?.message).toBe('activities.errors.headcountDuplicate')
    expect(headcountRowsSchema.safeParse([{ stakeholderGroup: 'educator', gender: null, count: 1.5 }]).success).toBe(false)
    expect(headcountRowsSchema.safeParse([{ stakeholderGroup: 'educator', gender: null, count: -1 }]).success).toBe(false)
    expect(headcountRowsSchema.safeParse([{ stakeholderGroup: 'educator', gender: null, count: 100_001 }]).success).toBe(false)
    expect(headcountRowsSchema.safeParse([{ stakeholderGroup: 'aliens', gender: null, count: 1 }]).success).toBe(false)
  })
})

describe('activity dates for people', () => {
  test('one day, or a range written once', () => {
    expect(formatDayRange('2023-11-14', '2023-11-14', 'en-GB')).toBe('14 November 2023')
    expect(formatDayRange('2023-11-14', '2023-11-15', 'en-GB')).toMatch(/^14\s*[–-]\s*15 November 2023$/)
    expect(formatDayRange('2023-11-30', '2023-12-01', 'fr')).toMatch(/30 nov.*1.*déc.*2023/)
  })
})

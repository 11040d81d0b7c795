import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/forms.ts'
import { cascadeSessionSchema, parseAgeBands, parseCount, reviewSchema, sessionFormValues } from './cascade.ts'

const TODAY = '2026-05-10'

function submit(fields: Record<string, string>) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return parseForm(cascadeSessionSchema(TODAY), form)
}

const valid = {
  deliveredOn: '2026-05-02',
  place: '  Chilinde Primary School ',
  country: 'mw',
  audienceGroup: 'parent_carer',
  headcount: '28',
  female: '',
  male: '',
  age_under_13: '',
  age_13_17: '',
  age_18_plus: '',
  notes: '',
}

describe('the session form', () => {
  test('a complete session, breakdowns left empty', () => {
    const result = submit(valid)
    expect(result).toEqual({
      ok: true,
      data: {
        deliveredOn: '2026-05-02',
        place: 'Chilinde Primary School',
        country: 'MW',
        audienceGroup: 'parent_carer',
        headcount: 28,
        female: null,
        male: null,
        ageBands: null,
        notes: '',
      },
    })
  })

  test('breakdowns by gender and age are kept, only the bands given', () => {
    const result = submit({ ...valid, female: '16', male: '12', age_under_13: '20', age_18_plus: '8', notes: ' Sessions on cyberbullying. ' })
    expect(result.ok && result.data).toMatchObject({ female: 16, male: 12, ageBands: { under_13: 20, '18_plus': 8 }, notes: 'Sessions on cyberbullying.' })
  })

  test('fields left out of the form count as empty', () => {
    const result = submit({ deliveredOn: '2026-05-02', place: 'Zomba', country: 'MW', audienceGroup: 'educator', headcount: '5' })
    expect(result.ok && result.data).toMatchObject({ headcount: 5, female: null, male: null, ageBands: null, notes: '' })
  })

  test('today is allowed, tomorrow is not; impossible and very old dates are refused', () => {
    expect(submit({ ...valid, deliveredOn: TODAY }).ok).toBe(true)
    expect(submit({ ...valid, deliveredOn: '2026-05-11' })).toMatchObject({ ok: false, errors: { deliveredOn: 'cascade.errors.dateInFuture' } })
    expect(submit({ ...valid, deliveredOn: '2026-02-30' })).toMatchObject({ ok: false, errors: { deliveredOn: 'cascade.errors.dateRequired' } })
    expect(submit({ ...valid, deliveredOn: '' })).toMatchObject({ ok: false, errors: { deliveredOn: 'cascade.errors.dateRequired' } })
    expect(submit({ ...valid, deliveredOn: '0224-05-02' })).toMatchObject({ ok: false, errors: { deliveredOn: 'cascade.errors.dateTooEarly' } })
  })

  test('place, country and audience are required and checked', () => {
    const result = submit({ ...valid, place: '   ', country: 'XX', audienceGroup: 'pupils' })
    expect(result).toMatchObject({
      ok: false,
      errors: { place: 'cascade.errors.placeRequired', country: 'cascade.errors.countryRequired', audienceGroup: 'cascade.errors.groupRequired' },
    })
    expect(submit({ ...valid, place: 'x'.repeat(201) })).toMatchObject({ ok: false, errors: { place: 'cascade.errors.placeTooLong' } })
    expect(submit({ ...valid, place: 'x'.repeat(200) }).ok).toBe(true)
    expect(submit({ ...valid, notes: 'x'.repeat(1001) })).toMatchObject({ ok: false, errors: { notes: 'cascade.errors.notesTooLong' } })
  })

  test('the headcount is a whole number from 1 to 10,000', () => {
    for (const headcount of ['', '0', '-3', '2.5', '1e3', 'twelve', '10001']) {
      expect(submit({ ...valid, headcount }), headcount).toMatchObject({ ok: false, errors: { headcount: 'cascade.errors.headcountInvalid' } })
    }
    expect(submit({ ...valid, headcount: '1' }).ok).toBe(true)
    expect(submit({ ...valid, headcount: '10000' }).ok).toBe(true)
    // Eastern Arabic digits, as some phones type them.
    expect(submit({ ...valid, headcount: '٢٨' })).toMatchObject({ ok: true, data: { headcount: 28 } })
  })

  test('women and men together cannot outnumber the participants', () => {
    expect(submit({ ...valid, female: '16', male: '12' }).ok).toBe(true) // 28 of 28
    expect(submit({ ...valid, female: '10' }).ok).toBe(true) // the rest unknown
    expect(submit({ ...valid, female: '16', male: '13' })).toMatchObject({ ok: false, errors: { female: 'cascade.errors.genderOverHeadcount' } })
    expect(submit({ ...valid, male: '29' })).toMatchObject({ ok: false, errors: { male: 'cascade.errors.genderOverHeadcount' } })
    expect(submit({ ...valid, female: 'many' })).toMatchObject({ ok: false, errors: { female: 'cascade.errors.countInvalid' } })
    expect(submit({ ...valid, female: '-1' })).toMatchObject({ ok: false, errors: { female: 'cascade.errors.countInvalid' } })
  })

  test('age bands together cannot outnumber the participants', () => {
    expect(submit({ ...valid, age_under_13: '20', age_13_17: '5', age_18_plus: '3' }).ok).toBe(true) // 28 of 28
    expect(submit({ ...valid, age_13_17: '20', age_18_plus: '9' })).toMatchObject({ ok: false, errors: { age_13_17: 'cascade.errors.agesOverHeadcount' } })
    expect(submit({ ...valid, age_18_plus: '1.5' })).toMatchObject({ ok: false, errors: { age_18_plus: 'cascade.errors.countInvalid' } })
  })

  test('every problem shows at once, in the order of the form', () => {
    const result = submit({ ...valid, deliveredOn: '2026-06-01', audienceGroup: '', female: '20', male: '20' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors).toEqual({
        deliveredOn: 'cascade.errors.dateInFuture',
        audienceGroup: 'cascade.errors.groupRequired',
        female: 'cascade.errors.genderOverHeadcount',
      })
      // The submitted text comes back to fill the form in again.
      expect(result.values.female).toBe('20')
    }
  })
})

describe('counts and age bands', () => {
  test('a typed count is a whole number, empty, or not a count', () => {
    expect(parseCount('12')).toBe(12)
    expect(parseCount(' 0 ')).toBe(0)
    expect(parseCount('')).toBeNull()
    expect(parseCount(undefined)).toBeNull()
    expect(parseCount('1,000')).toBeUndefined()
    expect(parseCount('۱۲')).toBe(12) // Persian digits
  })

  test('stored age bands are read defensively', () => {
    expect(parseAgeBands('{"under_13": 20, "13_17": 5, "18_plus": 3}')).toEqual({ under_13: 20, '13_17': 5, '18_plus': 3 })
    expect(parseAgeBands('{"under_13": 20, "elderly": 4, "18_plus": -1}')).toEqual({ under_13: 20 })
    expect(parseAgeBands('{}')).toBeNull()
    expect(parseAgeBands('not json')).toBeNull()
    expect(parseAgeBands(null)).toBeNull()
  })

  test('a stored session fills the form in again', () => {
    const values = sessionFormValues({
      deliveredOn: new Date('2026-05-02T00:00:00Z'),
      place: 'Zomba',
      country: 'MW',
      audienceGroup: 'educator',
      headcount: 12,
      female: 7,
      male: null,
      ageBands: '{"18_plus": 12}',
      notes: 'Staff meeting',
    })
    expect(values).toEqual({
      deliveredOn: '2026-05-02',
      place: 'Zomba',
      country: 'MW',
      audienceGroup: 'educator',
      headcount: '12',
      female: '7',
      male: '',
      age_under_13: '',
      age_13_17: '',
      age_18_plus: '12',
      notes: 'Staff meeting',
    })
    const form = new FormData()
    for (const [name, value] of Object.entries(values)) form.set(name, value)
    expect(parseForm(cascadeSessionSchema(TODAY), form)).toMatchObject({ ok: true, data: { female: 7, male: null, ageBands: { '18_plus': 12 } } })
  })
})

describe('the review form', () => {
  const review = (fields: Record<string, string>) => {
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) form.set(name, value)
    return parseForm(reviewSchema, form)
  }

  test('verifying needs only the session', () => {
    expect(review({ intent: 'verify', sessionId: 's1', reason: '' })).toEqual({ ok: true, data: { intent: 'verify', sessionId: 's1' } })
  })

  test('rejecting needs a reason the trainer can read', () => {
    expect(review({ intent: 'reject', sessionId: 's1', reason: '  Duplicate of the 2 May session. ' })).toEqual({
      ok: true,
      data: { intent: 'reject', sessionId: 's1', reason: 'Duplicate of the 2 May session.' },
    })
    expect(review({ intent: 'reject', sessionId: 's1', reason: '   ' })).toMatchObject({ ok: false, errors: { reason: 'cascade.errors.reasonRequired' } })
    expect(review({ intent: 'reject', sessionId: 's1' })).toMatchObject({ ok: false, errors: { reason: 'cascade.errors.reasonRequired' } })
    expect(review({ intent: 'reject', sessionId: 's1', reason: 'x'.repeat(501) })).toMatchObject({ ok: false, errors: { reason: 'cascade.errors.reasonTooLong' } })
  })

  test('an unknown intent is refused', () => {
    expect(review({ intent: 'approve', sessionId: 's1' }).ok).toBe(false)
  })
})

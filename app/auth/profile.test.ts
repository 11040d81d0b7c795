import { describe, expect, test } from 'vitest'
import { countryOptions } from './countries.server.ts'
import { isCountryCode, registrationSchema } from './profile.ts'

const valid = {
  displayName: '  Amina Banda ',
  email: ' Amina@Example.ORG ',
  password: 'quiet river morning',
  country: 'mw',
  stakeholderGroup: 'educator',
  organisation: '',
  preferredLocale: 'fr',
}

describe('registration', () => {
  test('valid input is normalised', () => {
    const result = registrationSchema.parse(valid)
    expect(result).toMatchObject({
      displayName: 'Amina Banda',
      email: 'amina@example.org',
      country: 'MW',
      stakeholderGroup: 'educator',
      organisation: null,
      preferredLocale: 'fr',
    })
  })

  test('each problem is reported on its field as a translation key', () => {
    const result = registrationSchema.safeParse({
      ...valid,
      displayName: ' ',
      email: 'amina',
      password: 'password123',
      country: 'XX',
      stakeholderGroup: 'pirates',
    })
    expect(result.success).toBe(false)
    const byField = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]),
    )
    expect(byField).toMatchObject({
      displayName: 'errors.displayNameRequired',
      email: 'errors.emailInvalid',
      password: 'errors.passwordTooCommon',
      country: 'errors.countryRequired',
      stakeholderGroup: 'errors.groupRequired',
    })
  })

  test('a common password is refused on the password field', () => {
    const result = registrationSchema.safeParse({ ...valid, password: 'Password123' })
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['password'], message: 'errors.passwordTooCommon' }),
    ])
  })

  test('an unknown language falls back to English rather than failing', () => {
    expect(registrationSchema.parse({ ...valid, preferredLocale: 'xx' }).preferredLocale).toBe('en')
  })
})

describe('countries', () => {
  test('ISO 3166 codes are recognised', () => {
    expect(isCountryCode('MW')).toBe(true)
    expect(isCountryCode('MA')).toBe(true)
    expect(isCountryCode('ZZ')).toBe(false)
    expect(isCountryCode('mw')).toBe(false)
  })

  test('names come in the reader’s language, sorted for it', () => {
    const fr = countryOptions('fr')
    expect(fr.find((c) => c.code === 'MA')?.name).toBe('Maroc')
    expect(countryOptions('ar').find((c) => c.code === 'MW')?.name).toMatch(/مالاوي|ملاوي/)
    expect(fr.length).toBeGreaterThan(240)
    const names = fr.map((c) => c.name)
    expect([...names].sort(new Intl.Collator('fr').compare)).toEqual(names)
  })
})

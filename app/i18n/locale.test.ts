import { describe, expect, test } from 'vitest'
import { createLocaleDetector, localeCookie } from './i18n.server.ts'
import { localeDirection } from './config.ts'

async function detect({
  url = 'http://localhost/',
  cookie,
  acceptLanguage,
  userLocale = null,
}: {
  url?: string
  cookie?: string
  acceptLanguage?: string
  userLocale?: string | null
}) {
  const headers = new Headers()
  if (cookie) headers.set('Cookie', await localeCookie.serialize(cookie))
  if (acceptLanguage) headers.set('Accept-Language', acceptLanguage)
  const detector = createLocaleDetector(async () => userLocale)
  return detector.getLocale(new Request(url, { headers }))
}

describe('choosing the language of a page', () => {
  test('with nothing to go on, English', async () => {
    expect(await detect({})).toBe('en')
  })

  test('the browser’s Accept-Language, best supported match by quality', async () => {
    expect(await detect({ acceptLanguage: 'fr-FR,fr;q=0.9,en;q=0.5' })).toBe('fr')
    expect(await detect({ acceptLanguage: 'de-DE,de;q=0.9,es;q=0.8,en;q=0.7' })).toBe('es')
    expect(await detect({ acceptLanguage: 'ar-MA' })).toBe('ar')
  })

  test('a supported language further down the browser’s list wins over English', async () => {
    expect(await detect({ acceptLanguage: 'pt-BR,pt;q=0.9,es;q=0.8' })).toBe('es')
    expect(await detect({ acceptLanguage: 'sw;q=0.9, ar;q=0.4, fr;q=0.7' })).toBe('fr')
  })

  test('an unsupported browser language falls back to English', async () => {
    expect(await detect({ acceptLanguage: 'sw-KE,sw;q=0.9' })).toBe('en')
  })

  test('a signed-in user’s profile beats the browser', async () => {
    expect(await detect({ acceptLanguage: 'fr', userLocale: 'ar' })).toBe('ar')
  })

  test('the switcher’s cookie beats the profile and the browser', async () => {
    expect(await detect({ cookie: 'es', acceptLanguage: 'fr', userLocale: 'ar' })).toBe('es')
  })

  test('?lang= in the address beats everything', async () => {
    expect(await detect({ url: 'http://localhost/courses?lang=fr', cookie: 'es', userLocale: 'ar' })).toBe('fr')
  })

  test('an unsupported value anywhere is ignored', async () => {
    expect(await detect({ url: 'http://localhost/?lang=xx', cookie: 'zz', acceptLanguage: 'es' })).toBe('es')
  })
})

test('Arabic is written right to left, the others left to right', () => {
  expect(localeDirection('ar')).toBe('rtl')
  expect(localeDirection('en')).toBe('ltr')
  expect(localeDirection('fr')).toBe('ltr')
  expect(localeDirection('es')).toBe('ltr')
})

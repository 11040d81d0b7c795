import { describe, expect, test } from 'vitest'
import { countryName } from '#app/auth/countries.server.ts'
import type { Locale } from '#app/i18n/config.ts'
import { i18nServer } from '#app/i18n/i18n.server.ts'
import type { Dashboard } from './dashboard.server.ts'
import { reportSentences } from './sentences.ts'

// The seed report's three sentences for 2023, with the figures of its text.
const figures = (additional: number, total: number) => ({ additional, baseline: 0, total })
const dashboard = {
  period: { from: '2023-01-01', to: '2023-12-31' },
  participants: { overall: figures(260, 1900) },
  countries: {
    tot: { ...figures(2, 5), additionalCountries: ['MW', 'KE'], totalCountries: [] },
    reached: { ...figures(1, 9), additionalCountries: [], totalCountries: [] },
  },
  offline: { activities: figures(2, 7), participants: figures(180, 405), audienceGroups: ['industry', 'government'] },
  online: { completions: figures(50, 300), certificates: figures(48, 290) },
  trainers: figures(12, 40),
  cascade: { reach: figures(600, 2000), sessions: figures(20, 70) },
} as unknown as Dashboard

async function sentences(locale: Locale, headlineGroups: string[]) {
  const t = await i18nServer.getFixedT(locale, 'common')
  const list = reportSentences({ dashboard, headline: figures(200, 1700), headlineGroups }, { t, locale, countryName: (c) => countryName(c, locale) })
  return Object.fromEntries(list.map((s) => [s.key, s]))
}

describe('the programme report’s sentences', () => {
  test('each states its own scope: groups narrow the headline only', async () => {
    const en = await sentences('en', ['educator', 'parent_carer'])
    expect(en.participants!.text).toBe(
      '200 additional parents, carers and educators participated in training and capacity-building activities (total of 1,700 participants by 31 December 2023).',
    )
    // The offline sentence names the audiences of the activities held, whatever the headline's groups.
    expect(en.offline!.text).toBe(
      '2 offline capacity-building activities delivered to industry staff and government officials with a total of 180 participants (total of 405 participants by 31 December 2023).',
    )
    // With no group ticked the headline speaks of everyone.
    expect((await sentences('en', [])).participants!.text).toMatch(/^200 additional people participated /)
  })

  test('new ToT countries are named by name, in the reader’s language, with one bracket only', async () => {
    const en = await sentences('en', [])
    expect(en.totCountries!.text).toBe(
      '2 additional countries, Kenya and Malawi, benefited from Training of Trainers for educators (total of 5 countries by 31 December 2023).',
    )
    expect(en.totCountries!.text.match(/\(/g)).toHaveLength(1)
    for (const locale of ['fr', 'es', 'ar'] as const) {
      const text = (await sentences(locale, [])).totCountries!.text
      expect(text).toContain(countryName('KE', locale))
      expect(text.match(/\(/g), `${locale}: ${text}`).toHaveLength(1)
    }
  })

  test('a figure of zero reads as a sentence, not as "0 additional countries"', async () => {
    const none = { ...dashboard, countries: { ...dashboard.countries, tot: { additional: 0, baseline: 0, total: 5, additionalCountries: [], totalCountries: [] } } } as Dashboard
    const t = async (locale: Locale) => {
      const tr = await i18nServer.getFixedT(locale, 'common')
      return reportSentences({ dashboard: none, headline: figures(0, 1700), headlineGroups: [] }, { t: tr, locale, countryName: (c) => c }).map((s) => s.text)
    }
    expect((await t('en')).slice(0, 2)).toEqual([
      'No additional people participated in training and capacity-building activities (total of 1,700 participants by 31 December 2023).',
      'No additional country benefited from Training of Trainers for educators (total of 5 countries by 31 December 2023).',
    ])
    expect((await t('fr'))[1]).toMatch(/^Aucun pays supplémentaire n’a bénéficié/)
    expect((await t('es'))[1]).toMatch(/^Ningún país adicional se benefició/)
    expect((await t('ar'))[1]).toMatch(/^لم يستفد أي بلد إضافي/)
  })

  test('each sentence carries the figures it states, for the report’s CSV', async () => {
    const en = await sentences('en', ['parent_carer'])
    expect(en.participants!.figures).toEqual([{ label: 'Participants: parents and carers', additional: 200, total: 1700 }])
    expect(en.offline!.figures.map((f) => [f.additional, f.total])).toEqual([
      [2, 7],
      [180, 405],
    ])
  })
})

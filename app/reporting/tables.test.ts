import { describe, expect, test } from 'vitest'
import type { Dashboard } from './dashboard.server.ts'
import { csvRows, reportTables } from './tables.ts'

const figure = (additional: number, total: number) => ({ additional, baseline: 0, total })
const dashboard = {
  period: { from: '2023-01-01', to: '2023-12-31' },
  participants: { overall: figure(3, 3), byGroup: [], byCountry: [{ key: 'MW', ...figure(1, 1) }, { key: 'AL', ...figure(1, 1) }, { key: 'KE', ...figure(2, 2) }] },
  online: {
    registered: figure(4, 4),
    enrolments: figure(4, 4),
    completions: figure(1, 1),
    certificates: figure(1, 1),
    completionRate: 0.125,
    medianDaysToComplete: 3.26,
    firstAttemptPassRate: null,
  },
  countries: {
    reached: { ...figure(3, 3), additionalCountries: ['MW', 'DE', 'ES'], totalCountries: ['MW', 'DE', 'ES'] },
    tot: { ...figure(0, 0), additionalCountries: [], totalCountries: [] },
    withTrainers: { ...figure(0, 0), additionalCountries: [], totalCountries: [] },
  },
  offline: { activities: figure(0, 0), participants: figure(0, 0), audienceGroups: [] },
  cascade: { sessions: figure(0, 0), reach: figure(0, 0), pending: 0 },
  trainers: figure(0, 0),
  chart: { unit: 'quarter', bars: [{ label: '2023-Q1', from: '2023-01-01', to: '2023-03-31', participants: 3, byGroup: { educator: 3 }, completions: 1 }] },
} as unknown as Dashboard

const names = { de: { DE: 'Deutschland', ES: 'Spanien', MW: 'Malawi', AL: 'Albanien', KE: 'Kenia' } } as const
const tables = reportTables(dashboard, (key) => key, { group: (g) => g, country: (c) => names.de[c as keyof typeof names.de], locale: 'de' })
const table = (name: string) => tables.find((t) => t.name === name)!

describe('report tables', () => {
  test('a rate is a share the page shows with a percent sign, and CSV as a number in a row marked (%)', () => {
    const online = table('online')
    expect(online.rows.find((r) => r[0] === 'reports.measures.completionRate')).toEqual(['reports.measures.completionRate', { share: 0.125 }, null])
    const csv = csvRows(online)
    expect(csv).toContainEqual(['reports.measures.completionRate (%)', 12.5, ''])
    expect(csv).toContainEqual(['reports.measures.medianDays', 3.3, ''])
    // No attempts: no rate, and nothing to mark.
    expect(csv).toContainEqual(['reports.measures.firstAttemptPassRate', '', ''])
  })

  test('countries are listed by name in the reader’s language, not by code', () => {
    expect(table('countries').rows[0]![4]).toBe('Deutschland; Malawi; Spanien')
    // Equal figures: by name too (Albanien before Malawi; Kenia, with more, first).
    expect(table('participants-by-country').rows.map((r) => r[0])).toEqual(['Kenia', 'Albanien', 'Malawi'])
  })

  test('a long period’s table says it is by quarter', () => {
    expect(table('monthly')).toMatchObject({ title: 'reports.tables.quarterly', columns: ['reports.columns.quarter', 'reports.columns.participants', 'reports.columns.completions', 'educator'] })
    expect(table('monthly').rows).toEqual([['2023-Q1', 3, 1, 3]])
  })
})

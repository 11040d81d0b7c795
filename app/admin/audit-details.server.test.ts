import { describe, expect, test } from 'vitest'
import { i18nServer } from '#app/i18n/i18n.server.ts'
import type { Locale } from '#app/i18n/config.ts'
import { describeAuditDetails } from './audit-details.server.ts'

const exported = JSON.stringify({ format: 'csv', table: 'monthly', from: '2023-01-01', to: '2023-12-31', groups: ['educator', 'parent_carer'], countries: ['MW'], kinds: ['tot'], cohort: 'c1' })

async function describe_(locale: Locale, action: string, json: string) {
  const t = await i18nServer.getFixedT(locale, 'common')
  return describeAuditDetails(action, json, { t, locale, cohortName: (id) => (id === 'c1' ? 'Lilongwe 2023' : undefined) })
}

describe('audit entry details', () => {
  test('read in the reader’s language: labels, groups, countries, kinds, tables, dates, cohorts', async () => {
    expect(await describe_('fr', 'report.exported', exported)).toEqual([
      ['Format', 'CSV'],
      ['Tableau', 'Mois par mois'],
      ['Premier jour', '1 janv. 2023'],
      ['Dernier jour', '31 déc. 2023'],
      ['Groupes de parties prenantes', 'Éducateur ou éducatrice et Parent ou aidant'],
      ['Pays', 'Malawi'],
      ['Types d’activité', 'Formation de formateurs'],
      ['Cohorte', 'Lilongwe 2023'],
    ])
  })

  test('a role change names the roles; a revocation its reason; numbers and yes/no in the language', async () => {
    expect(await describe_('es', 'user.role_changed', '{"from":"learner","to":"trainer"}')).toEqual([
      ['Rol anterior', 'Participante'],
      ['Nuevo rol', 'Formador'],
    ])
    const ar = await describe_('ar', 'cohort.attendance_marked', '{"count":12,"attendedOn":"2023-11-15","certified":true}')
    expect(ar.map(([label]) => label)).toEqual(['العدد', 'تاريخ الحضور', 'معتمد'])
    expect(ar[2]![1]).toBe('نعم')
    expect(await describe_('en', 'certificate.revoked', '{"reason":"issued_in_error","course":"no-such-course"}')).toEqual([
      ['Reason', 'Issued in error'],
      ['Course', 'no-such-course'],
    ])
  })

  test('free text and unknown keys are shown as they are', async () => {
    expect(await describe_('en', 'cascade_session.rejected', '{"reason":"Wrong date","unknownKey":"x"}')).toEqual([
      ['Reason', 'Wrong date'],
      ['unknownKey', 'x'],
    ])
  })
})

import { countryName } from '#app/auth/countries.server.ts'
import { findCourse } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import type { Locale } from '#app/i18n/config.ts'
import { formatDay, isDay } from '#app/reporting/dates.ts'
import { auditDetailPairs } from './audit.ts'

// An audit entry's details in the reader's language: each stored key (`groups`)
// gets its label ("Stakeholder groups"), and each coded value its name: groups,
// countries, activity kinds, roles, tables, courses, cohorts, dates, yes/no.
// Entries store codes, never translated text, so they read in any language.

type T = (key: string, options?: Record<string, unknown>) => string

/** Which name a coded value takes, by the key it is stored under. */
const VALUE_KINDS: Record<string, 'group' | 'country' | 'kind' | 'day' | 'course' | 'cohort' | 'table' | 'format' | 'number' | 'boolean'> = {
  groups: 'group',
  stakeholderGroup: 'group',
  countries: 'country',
  country: 'country',
  kinds: 'kind',
  activityKind: 'kind',
  attendedOn: 'day',
  asOf: 'day',
  course: 'course',
  courseSlug: 'course',
  cohort: 'cohort',
  table: 'table',
  format: 'format',
  count: 'number',
  headcount: 'number',
  participants: 'number',
  sessionsEnded: 'number',
  keptCertificates: 'number',
  certified: 'boolean',
}

const TABLE_TITLES: Record<string, string> = {
  'participants-by-group': 'reports.tables.byGroup',
  'participants-by-country': 'reports.tables.byCountry',
  online: 'reports.tables.online',
  countries: 'reports.tables.countries',
  activities: 'reports.tables.activities',
  monthly: 'reports.tables.monthly',
  'programme-report': 'reports.reportTitle',
}

export function describeAuditDetails(action: string, json: string, o: { t: T; locale: Locale; cohortName: (id: string) => string | undefined }): Array<[string, string]> {
  const { t, locale } = o
  const number = new Intl.NumberFormat(locale)
  const list = new Intl.ListFormat(locale, { type: 'conjunction' })
  const one = (key: string, value: string): string => {
    // "from" and "to" are roles in a role change, days in a report export.
    if ((key === 'from' || key === 'to') && action === 'user.role_changed') return t(`roles.${value}`, { defaultValue: value })
    if ((key === 'from' || key === 'to') && isDay(value)) return formatDay(value, locale, 'medium')
    if (key === 'reason' && action === 'certificate.revoked') return t(`certificate.reasons.${value}`, { defaultValue: value })
    if (key === 'kind' && action === 'quiz.exception_granted') return t(value === 'attempt' ? 'users.quizzes.grantAttempt' : 'users.quizzes.endCooldown')
    switch (VALUE_KINDS[key]) {
      case 'group':
        return t(`groups.${value}`, { defaultValue: value })
      case 'country':
        return countryName(value, locale)
      case 'kind':
        return t(`reports.kinds.${value}`, { defaultValue: value })
      case 'day':
        return isDay(value) ? formatDay(value, locale, 'medium') : value
      case 'course': {
        const course = findCourse(value)
        return (course && pickLocalized(course.meta.title, locale, course.meta.defaultLocale)?.value) || value
      }
      case 'cohort':
        return o.cohortName(value) ?? value
      case 'table':
        return TABLE_TITLES[value] ? t(TABLE_TITLES[value]) : value
      case 'format':
        return value.toUpperCase()
      case 'number':
        return /^\d+$/.test(value) ? number.format(Number(value)) : value
      case 'boolean':
        return value === 'true' ? t('audit.yes') : value === 'false' ? t('audit.no') : value
      default:
        return value
    }
  }
  // "from" and "to": a role change's roles, or a report's first and last days.
  const labelKey = (key: string, value: string | string[]) => {
    if (key !== 'from' && key !== 'to') return key
    if (action === 'user.role_changed') return `${key}Role`
    return typeof value === 'string' && isDay(value) ? `${key}Day` : key
  }
  return auditDetailPairs(json).map(([key, value]) => {
    const label = t(`audit.detailKeys.${labelKey(key, value)}`, { defaultValue: key })
    const values = Array.isArray(value) ? value : [value]
    return [label, list.format(values.map((v) => one(key, v)))]
  })
}

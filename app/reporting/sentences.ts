import type { Dashboard } from './dashboard.server.ts'
import { formatDay, reportLocale } from './dates.ts'
import type { Filters } from './figures.ts'

// The programme report's sentences, in the form period reports use:
// "N additional … (total of M … by DATE)". Numbers are formatted for the
// language; plural forms come from the translations (keys with `count`).

type T = (key: string, options?: Record<string, unknown>) => string

export type Sentence = { key: string; text: string }

export function reportSentences(dashboard: Dashboard, filters: Filters, o: { t: T; locale: string; countryName: (code: string) => string }): Sentence[] {
  const { t, locale } = o
  const number = new Intl.NumberFormat(locale)
  const date = formatDay(dashboard.period.to, reportLocale(locale))
  const and = new Intl.ListFormat(reportLocale(locale), { style: 'long', type: 'conjunction' })
  // Group names inside a sentence, in the plural. A name made of several
  // ("parents|carers") joins the list as its parts, so that two groups read
  // "parents, carers and educators", not "parents and carers and educators".
  const groupList = (groups: readonly string[]) => and.format(groups.flatMap((g) => t(`reports.groupsPlural.${g}`).split('|')))
  const say = (key: string, count: number, values: Record<string, unknown>) => ({ key, text: t(`reports.sentences.${key}`, { count, n: number.format(count), date, ...values }) })

  const sentences: Sentence[] = []
  const { participants, countries, offline, cascade, online, trainers } = dashboard
  const groups = filters.groups ?? []
  sentences.push(
    groups.length
      ? say('participantsGroups', participants.overall.additional, { who: groupList(groups), total: number.format(participants.overall.total) })
      : say('participantsAll', participants.overall.additional, { total: number.format(participants.overall.total) }),
  )
  const newTot = countries.tot.additionalCountries.map(o.countryName)
  sentences.push(
    say('totCountries', countries.tot.additional, {
      total: number.format(countries.tot.total),
      which: newTot.length ? ` (${and.format(newTot)})` : '',
    }),
  )
  sentences.push(
    offline.audienceGroups.length
      ? say('offlineGroups', offline.activities.additional, {
          who: groupList(offline.audienceGroups),
          participants: number.format(offline.participants.additional),
          total: number.format(offline.participants.total),
        })
      : say('offlineAll', offline.activities.additional, { participants: number.format(offline.participants.additional), total: number.format(offline.participants.total) }),
  )
  sentences.push(say('online', online.completions.additional, { certificates: number.format(online.certificates.additional), total: number.format(online.completions.total) }))
  sentences.push(say('trainers', trainers.additional, { total: number.format(trainers.total) }))
  sentences.push(say('cascade', cascade.reach.additional, { sessions: number.format(cascade.sessions.additional), total: number.format(cascade.reach.total) }))
  sentences.push(say('countriesReached', countries.reached.additional, { total: number.format(countries.reached.total) }))
  return sentences
}

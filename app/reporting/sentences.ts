import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import type { Dashboard } from './dashboard.server.ts'
import { formatDay, reportLocale } from './dates.ts'
import type { Figure } from './figures.ts'

// The programme report's sentences, in the form period reports use:
// "N additional … (total of M … by DATE)". Numbers are formatted for the
// language; plural forms come from the translations (keys with `count`).
//
// Each sentence has its own scope: the stakeholder groups chosen for the
// headline narrow the headline only; every other sentence counts every group
// (the offline sentence names the audiences of the activities held). A country
// filter applies to all of them, and the report says so above them.

type T = (key: string, options?: Record<string, unknown>) => string

/** A figure a sentence states, for the report's CSV: what it counts, new in the period, and in total by its end. */
export type SentenceFigure = { label: string; additional: number; total: number }
export type Sentence = { key: string; text: string; figures: SentenceFigure[] }

export type SentenceInput = {
  dashboard: Dashboard
  /** The headline's participants: those of `headlineGroups` (all participants when none is chosen). */
  headline: Figure
  headlineGroups: readonly string[]
}

export function reportSentences({ dashboard, headline, headlineGroups }: SentenceInput, o: { t: T; locale: string; countryName: (code: string) => string }): Sentence[] {
  const { t, locale } = o
  const number = new Intl.NumberFormat(locale)
  const date = formatDay(dashboard.period.to, reportLocale(locale))
  const and = new Intl.ListFormat(reportLocale(locale), { style: 'long', type: 'conjunction' })
  const collator = new Intl.Collator(locale)
  // Group names inside a sentence, in the plural. A name made of several
  // ("parents|carers") joins the list as its parts, so that two groups read
  // "parents, carers and educators", not "parents and carers and educators".
  const groupList = (groups: readonly string[]) => and.format(groups.flatMap((g) => t(`reports.groupsPlural.${g}`).split('|')))
  const text = (key: string, count: number, values: Record<string, unknown>) => t(`reports.sentences.${key}`, { count, n: number.format(count), date, ...values })
  const measure = (key: string, figure: { additional: number; total: number }, scope?: string): SentenceFigure => ({
    label: scope ? t('reports.measureScope', { measure: t(`reports.measures.${key}`), scope }) : t(`reports.measures.${key}`),
    additional: figure.additional,
    total: figure.total,
  })

  const { countries, offline, cascade, online, trainers } = dashboard
  const sentences: Sentence[] = []

  // Groups in the order the forms list them, whatever order they were asked in.
  const who = headlineGroups.length ? groupList(STAKEHOLDER_GROUPS.filter((g) => headlineGroups.includes(g))) : null
  sentences.push({
    key: 'participants',
    text: who
      ? text('participantsGroups', headline.additional, { who, total: number.format(headline.total) })
      : text('participantsAll', headline.additional, { total: number.format(headline.total) }),
    figures: [measure('participants', headline, who ?? undefined)],
  })

  const newTot = countries.tot.additionalCountries.map(o.countryName).sort(collator.compare)
  sentences.push({
    key: 'totCountries',
    text: text('totCountries', countries.tot.additional, {
      total: number.format(countries.tot.total),
      // "2 additional countries, Kenya and Malawi, benefited …": one bracket only, the total's.
      which: newTot.length ? t('reports.sentences.namedCountries', { names: and.format(newTot) }) : '',
    }),
    figures: [measure('countriesTot', countries.tot)],
  })

  const offlineValues = { participants: number.format(offline.participants.additional), total: number.format(offline.participants.total) }
  const audiences = STAKEHOLDER_GROUPS.filter((g) => offline.audienceGroups.includes(g))
  sentences.push({
    key: 'offline',
    text: audiences.length
      ? text('offlineGroups', offline.activities.additional, { who: groupList(audiences), ...offlineValues })
      : text('offlineAll', offline.activities.additional, offlineValues),
    figures: [measure('offlineActivities', offline.activities), measure('offlineParticipants', offline.participants)],
  })

  sentences.push({
    key: 'online',
    text: text('online', online.completions.additional, { certificates: number.format(online.certificates.additional), total: number.format(online.completions.total) }),
    figures: [measure('completions', online.completions), measure('certificates', online.certificates)],
  })
  sentences.push({
    key: 'trainers',
    text: text('trainers', trainers.additional, { total: number.format(trainers.total) }),
    figures: [measure('trainers', trainers)],
  })
  sentences.push({
    key: 'cascade',
    text: text('cascade', cascade.reach.additional, { sessions: number.format(cascade.sessions.additional), total: number.format(cascade.reach.total) }),
    figures: [measure('cascadeReach', cascade.reach), measure('cascadeSessions', cascade.sessions)],
  })
  sentences.push({
    key: 'countriesReached',
    text: text('countriesReached', countries.reached.additional, { total: number.format(countries.reached.total) }),
    figures: [measure('countriesReached', countries.reached)],
  })
  return sentences
}

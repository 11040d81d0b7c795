import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { PeriodFields } from '#app/components/period-fields.tsx'
import { PrintButton } from '#app/components/print-button.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { formatDay, reportLocale } from '#app/reporting/dates.ts'
import { reportQueryParams } from '#app/reporting/query.ts'
import { reportForRequest } from '#app/reporting/report-request.server.ts'
import { reportSentences } from '#app/reporting/sentences.ts'
import { env } from '#app/utils/env.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

// The programme report: a period's figures in the sentences period reports
// use ("200 additional parents, carers and educators participated … (total of
// 1,700 participants by 31 December 2023)"), in the admin's language, to print
// or paste into a report.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const report = await reportForRequest(request, locale, { withChart: false })
  const { query, dashboard } = report
  return data(
    {
      title: t('reports.reportTitle'),
      query,
      params: reportQueryParams(query).toString(),
      problems: report.problems,
      heading: t('reports.reportHeading', { from: formatDay(query.period.from, reportLocale(locale)), to: formatDay(query.period.to, reportLocale(locale)) }),
      issuer: env.ISSUER_NAME,
      sentences: reportSentences(dashboard, query.filters, { t, locale, countryName: (c) => countryName(c, locale) }),
      groupNames: Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, t(`groups.${g}`)])),
      generatedOn: formatDay(report.today, reportLocale(locale)),
      // What the figures are limited to, said on the report itself.
      scope: [
        ...(query.filters.countries?.length ? [`${t('fields.country')}: ${query.filters.countries.map((c) => countryName(c, locale)).join(', ')}`] : []),
        ...(query.filters.kinds?.length ? [`${t('reports.kind')}: ${query.filters.kinds.map((k) => t(`reports.kinds.${k}`)).join(', ')}`] : []),
        ...(query.filters.course ? [`${t('reports.course')}: ${report.choices.courses.find((c) => c.slug === query.filters.course)?.title.text ?? query.filters.course}`] : []),
        ...(query.filters.cohort ? [`${t('reports.cohort')}: ${report.choices.cohorts.find((c) => c.id === query.filters.cohort)?.name ?? ''}`] : []),
      ],
      timeZone: report.timeZone,
    },
    // A refused period is shown next to its field, with a 4xx like any bad input.
    { status: Object.keys(report.problems).length > 0 ? 400 : 200 },
  )
}

export const meta = titleMeta

export default function ProgrammeReport() {
  const { t } = useTranslation()
  const { query, params, problems, heading, issuer, sentences, groupNames, generatedOn, timeZone, scope } = useLoaderData<typeof loader>()
  const chosen = new Set(query.filters.groups ?? [])
  return (
    <div className="page page--reading programme-report">
      <Breadcrumbs
        items={[
          { label: t('admin.title'), to: '/admin' },
          { label: t('reports.title'), to: `/admin/reports?${params}` },
          { label: t('reports.reportTitle'), current: true },
        ]}
      />
      <Form method="get" className="report-filters no-print" aria-label={t('reports.filters')}>
        <PeriodFields preset={query.preset} period={query.period} problems={problems} />
        {/* The dashboard's other filters carry over. */}
        {(query.filters.countries ?? []).map((country) => (
          <input key={country} type="hidden" name="country" value={country} />
        ))}
        {(query.filters.kinds ?? []).map((kind) => (
          <input key={kind} type="hidden" name="kind" value={kind} />
        ))}
        {query.filters.course ? <input type="hidden" name="course" value={query.filters.course} /> : null}
        {query.filters.cohort ? <input type="hidden" name="cohort" value={query.filters.cohort} /> : null}
        <fieldset className="report-groups">
          <legend>{t('reports.groupsForHeadline')}</legend>
          {Object.entries(groupNames).map(([group, name]) => (
            <label key={group} className="checkbox">
              <input type="checkbox" name="group" value={group} defaultChecked={chosen.has(group)} /> {name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t('reports.show')}
        </button>
      </Form>

      <article className="report-sheet">
        <p className="report-sheet__issuer">{issuer}</p>
        <h1>{heading}</h1>
        {scope.length > 0 ? <p className="report-sheet__scope">{scope.join(' · ')}</p> : null}
        <h2>{t('reports.results')}</h2>
        <ul className="report-sentences">
          {sentences.map((sentence) => (
            <li key={sentence.key}>{sentence.text}</li>
          ))}
        </ul>
        <p className="report-sheet__footer">{t('reports.generated', { date: generatedOn, timeZone })}</p>
      </article>

      <p className="no-print actions-list">
        <PrintButton />
        <Link to={`/admin/reports?${params}`}>{t('reports.backToDashboard')}</Link>
      </p>
    </div>
  )
}

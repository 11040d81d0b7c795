import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireRole } from '#app/auth/guards.server.ts'
import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { GroupCheckboxes } from '#app/components/group-checkboxes.tsx'
import { PeriodFields } from '#app/components/period-fields.tsx'
import { PrintButton } from '#app/components/print-button.tsx'
import { FilterSelect } from '#app/components/ui/filter-select.tsx'
import { programmeReportForRequest } from '#app/reporting/programme-report.server.ts'
import { reportQueryParams } from '#app/reporting/query.ts'
import { countryFilterOptions } from '#app/reporting/report-request.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

// The programme report: a period's figures in the sentences period reports
// use ("200 additional parents, carers and educators participated … (total of
// 1,700 participants by 31 December 2023)"), in the admin's language, to print
// or paste into a report, or download as CSV or PDF.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const report = await programmeReportForRequest(request)
  const { t, locale, query } = report
  const countries = await countryFilterOptions(locale, t)
  const params = reportQueryParams(query)
  // The report's own filters, for its download links.
  const own = new URLSearchParams([...params].filter(([key]) => ['preset', 'from', 'to', 'group', 'country'].includes(key)))
  return data(
    {
      title: report.title,
      query,
      params: params.toString(),
      own: own.toString(),
      problems: report.problems,
      heading: report.heading,
      issuer: report.issuer,
      scope: report.scope,
      ignoredFilters: report.ignoredFilters,
      sentences: report.sentences.map(({ key, text }) => ({ key, text })),
      generated: report.generated,
      groupNames: Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, t(`groups.${g}`)])),
      countries,
    },
    // A refused period is shown next to its field, with a 4xx like any bad input.
    { status: Object.keys(report.problems).length > 0 ? 400 : 200 },
  )
}

export const meta = titleMeta

export default function ProgrammeReport() {
  const { t } = useTranslation()
  const { query, params, own, problems, heading, issuer, scope, ignoredFilters, sentences, generated, groupNames, countries } = useLoaderData<typeof loader>()
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
        <FilterSelect id="report-country" label={t('reports.countryAllSentences')} name="country" value={query.filters.countries?.[0]} options={countries} />
        <GroupCheckboxes legend={t('reports.groupsForHeadline')} hint={t('reports.groupsForHeadlineHint')} groupNames={groupNames} chosen={query.filters.groups ?? []} />
        <button type="submit" className="button">
          {t('reports.show')}
        </button>
      </Form>
      {ignoredFilters ? <p className="notice no-print">{t('reports.reportIgnoresFilters')}</p> : null}

      <article className="report-sheet">
        <p className="report-sheet__issuer">{issuer}</p>
        <h1>{heading}</h1>
        {scope ? <p className="report-sheet__scope">{scope}</p> : null}
        <h2>{t('reports.results')}</h2>
        <ul className="report-sentences">
          {sentences.map((sentence) => (
            <li key={sentence.key}>{sentence.text}</li>
          ))}
        </ul>
        <p className="report-sheet__footer">{generated}</p>
      </article>

      <p className="no-print actions-list">
        <PrintButton />
        <a href={`/admin/reports/programme/report.pdf?${own}`} download>
          {t('reports.downloadPdf')}
        </a>
        <a href={`/admin/reports/programme/report.csv?${own}`} download>
          {t('reports.downloadReportCsv')}
        </a>
        <Link to={`/admin/reports?${params}`}>{t('reports.backToDashboard')}</Link>
      </p>
    </div>
  )
}

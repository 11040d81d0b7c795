import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { FilterSelect } from '#app/components/ui/filter-select.tsx'
import { GroupCheckboxes } from '#app/components/group-checkboxes.tsx'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { PeriodFields } from '#app/components/period-fields.tsx'
import { MonthlyChart } from '#app/components/monthly-chart.tsx'
import { ReportTable } from '#app/components/report-table.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { formatDay, reportLocale } from '#app/reporting/dates.ts'
import { ACTIVITY_KINDS } from '#app/reporting/figures.ts'
import { reportQueryParams } from '#app/reporting/query.ts'
import { countryFilterOptions, reportForRequest } from '#app/reporting/report-request.server.ts'
import { reportTables } from '#app/reporting/tables.ts'
import { titleMeta } from '#app/utils/meta.ts'

// The admin dashboard: a period, filters, and every figure of the programme
// for it (docs/reporting.md says how each is counted).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const [report, countries] = await Promise.all([reportForRequest(request, locale), countryFilterOptions(locale, t)])
  const names = { group: (g: string) => t(`groups.${g}`), country: (c: string) => countryName(c, locale), locale }
  const params = reportQueryParams(report.query).toString()
  return data(
    {
      title: t('reports.title'),
      locale,
      query: report.query,
      params,
      problems: report.problems,
      timeZone: report.timeZone,
      periodText: t('reports.periodText', { from: formatDay(report.query.period.from, reportLocale(locale)), to: formatDay(report.query.period.to, reportLocale(locale)) }),
      openedOnData: report.openedOnData,
      choices: { ...report.choices, countries },
      dashboard: report.dashboard,
      tables: reportTables(report.dashboard, t, names),
      groupNames: Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, names.group(g)])),
    },
    // A refused period is shown next to its field, with a 4xx like any bad input.
    { status: Object.keys(report.problems).length > 0 ? 400 : 200 },
  )
}

export const meta = titleMeta

export default function AdminReports() {
  const { t } = useTranslation()
  const { locale, query, params, problems, timeZone, periodText, openedOnData, choices, dashboard, tables, groupNames } = useLoaderData<typeof loader>()
  const number = new Intl.NumberFormat(locale)
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const days = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const table = (name: string) => tables.find((x) => x.name === name)!
  const csv = (name: string) => `/admin/reports/export/${name}.csv?${params}`
  const { online, participants, countries, offline, cascade, trainers } = dashboard
  const stat = (value: string, label: string, detail?: string) => (
    <li className="stat">
      <span className="stat__value">{value}</span>
      <span className="stat__label">{label}</span>
      {detail ? <span className="stat__detail">{detail}</span> : null}
    </li>
  )
  const totalBy = (n: number) => t('reports.totalBy', { total: number.format(n), date: formatDay(query.period.to, reportLocale(locale), 'medium') })
  return (
    <div className="page reports">
      <Breadcrumbs items={[{ label: t('admin.title'), to: '/admin' }, { label: t('reports.title'), current: true }]} />
      <h1>{t('reports.title')}</h1>
      <p className="lead">{t('reports.lead', { timeZone })}</p>

      <Form method="get" className="report-filters" aria-label={t('reports.filters')}>
        <PeriodFields preset={query.preset} period={query.period} problems={problems} />
        <FilterSelect id="report-country" label={t('fields.country')} name="country" value={query.filters.countries?.[0]} options={choices.countries} />
        <FilterSelect
          id="report-kind"
          label={t('reports.kind')}
          name="kind"
          value={query.filters.kinds?.[0]}
          options={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(`reports.kinds.${kind}`) }))}
        />
        <FilterSelect
          id="report-course"
          label={t('reports.course')}
          name="course"
          value={query.filters.course}
          options={choices.courses.map((course) => ({ value: course.slug, label: course.title.text, lang: course.title.lang }))}
        />
        <FilterSelect
          id="report-cohort"
          label={t('reports.cohort')}
          name="cohort"
          value={query.filters.cohort}
          options={choices.cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name }))}
        />
        <GroupCheckboxes legend={t('reports.groups')} groupNames={groupNames} chosen={query.filters.groups ?? []} />
        <button type="submit" className="button">
          {t('reports.show')}
        </button>
      </Form>

      <p className="report-period" role="status">
        <strong>{periodText}</strong>{' '}
        {openedOnData ? <>{t('reports.openedOnData')} </> : null}
        <Link to={`/admin/reports/programme?${params}`}>{t('reports.openReport')}</Link> ·{' '}
        <a href={`/api/reports?${params}`}>{t('reports.json')}</a>
      </p>

      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t('reports.participants')}</h2>
        <p className="section-help">{t('reports.participantsHelp')}</p>
        <ul className="stat-grid">
          {stat(number.format(participants.overall.additional), t('reports.additionalParticipants'), totalBy(participants.overall.total))}
          {participants.overall.baseline ? stat(number.format(participants.overall.baseline), t('reports.columns.baseline')) : null}
        </ul>
        <ReportTable table={table('participants-by-group')} csvHref={csv('participants-by-group')} locale={locale} />
        <ReportTable table={table('participants-by-country')} csvHref={csv('participants-by-country')} locale={locale} />
      </section>

      <section aria-labelledby="chart-title">
        <h2 id="chart-title">{table('monthly').title}</h2>
        {dashboard.chart.unit === 'month' ? null : <p className="section-help">{t(`reports.chartBy.${dashboard.chart.unit}`)}</p>}
        <MonthlyChart chart={dashboard.chart} groupNames={groupNames} locale={locale} />
        <ReportTable table={table('monthly')} csvHref={csv('monthly')} locale={locale} collapsed />
      </section>

      <section aria-labelledby="online-title">
        <h2 id="online-title">{t('reports.tables.online')}</h2>
        <p className="section-help">{t('reports.onlineHelp')}</p>
        <ul className="stat-grid">
          {stat(number.format(online.registered.additional), t('reports.measures.registered'), totalBy(online.registered.total))}
          {stat(number.format(online.enrolments.additional), t('reports.measures.enrolments'), totalBy(online.enrolments.total))}
          {stat(number.format(online.completions.additional), t('reports.measures.completions'), totalBy(online.completions.total))}
          {stat(number.format(online.certificates.additional), t('reports.measures.certificates'), totalBy(online.certificates.total))}
          {stat(online.completionRate === null ? '—' : percent.format(online.completionRate), t('reports.measures.completionRate'))}
          {stat(online.medianDaysToComplete === null ? '—' : days.format(online.medianDaysToComplete), t('reports.measures.medianDays'))}
          {stat(online.firstAttemptPassRate === null ? '—' : percent.format(online.firstAttemptPassRate), t('reports.measures.firstAttemptPassRate'))}
        </ul>
        <ReportTable table={table('online')} csvHref={csv('online')} locale={locale} collapsed />
      </section>

      <section aria-labelledby="countries-title">
        <h2 id="countries-title">{t('reports.tables.countries')}</h2>
        <ul className="stat-grid">
          {stat(number.format(countries.reached.additional), t('reports.measures.countriesReached'), totalBy(countries.reached.total))}
          {stat(number.format(countries.tot.additional), t('reports.measures.countriesTot'), totalBy(countries.tot.total))}
          {stat(number.format(countries.withTrainers.additional), t('reports.measures.countriesTrainers'), totalBy(countries.withTrainers.total))}
        </ul>
        <ReportTable table={table('countries')} csvHref={csv('countries')} locale={locale} />
      </section>

      <section aria-labelledby="activities-title">
        <h2 id="activities-title">{t('reports.tables.activities')}</h2>
        <ul className="stat-grid">
          {stat(number.format(offline.activities.additional), t('reports.measures.offlineActivities'), totalBy(offline.activities.total))}
          {stat(number.format(offline.participants.additional), t('reports.measures.offlineParticipants'), totalBy(offline.participants.total))}
          {stat(number.format(cascade.reach.additional), t('reports.measures.cascadeReach'), totalBy(cascade.reach.total))}
          {stat(number.format(trainers.additional), t('reports.measures.trainers'), totalBy(trainers.total))}
        </ul>
        {cascade.pending > 0 ? (
          <p className="notice">
            <Link to="/admin/sessions">{t('reports.pendingSessions', { count: cascade.pending })}</Link>
          </p>
        ) : null}
        <ReportTable table={table('activities')} csvHref={csv('activities')} locale={locale} />
      </section>
    </div>
  )
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { formatDayRange } from '#app/reporting/cohorts.ts'
import { listCohorts } from '#app/reporting/cohorts.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

// Training of Trainers cohorts (admin): every cohort with how far its educators
// have come: members, workshop attendance, certified trainers.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const cohorts = await listCohorts()
  return {
    title: t('cohorts.title'),
    locale,
    cohorts: cohorts.map((cohort) => ({
      id: cohort.id,
      name: cohort.name,
      country: countryName(cohort.country, locale),
      dates: formatDayRange(cohort.startsOn, cohort.endsOn, locale, 'medium'),
      members: cohort.members,
      attended: cohort.attended,
      certified: cohort.certified,
    })),
  }
}

export const meta = titleMeta

export default function AdminCohorts() {
  const { t } = useTranslation()
  const { cohorts, locale } = useLoaderData<typeof loader>()
  const number = new Intl.NumberFormat(locale)
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: t('admin.title'), to: '/admin' }, { label: t('cohorts.title'), current: true }]} />
      <h1>{t('cohorts.title')}</h1>
      <p className="lead">{t('cohorts.lead')}</p>
      <p>
        <Link to="/admin/cohorts/new" className="button">
          {t('cohorts.new')}
        </Link>
      </p>
      {cohorts.length === 0 ? (
        <p className="empty-state">{t('cohorts.empty')}</p>
      ) : (
        <TableWrap className="cohort-table">
          <table>
            <caption className="visually-hidden">{t('cohorts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cohorts.columns.cohort')}</th>
                <th scope="col">{t('fields.country')}</th>
                <th scope="col">{t('cohorts.columns.dates')}</th>
                <th scope="col" className="num">
                  {t('cohorts.columns.members')}
                </th>
                <th scope="col" className="num">
                  {t('cohorts.columns.attended')}
                </th>
                <th scope="col" className="num">
                  {t('cohorts.columns.certified')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={cohort.id}>
                  <th scope="row">
                    <Link to={`/admin/cohorts/${cohort.id}`}>
                      <bdi>{cohort.name}</bdi>
                    </Link>
                  </th>
                  <td>{cohort.country}</td>
                  <td>{cohort.dates}</td>
                  <td className="num">{number.format(cohort.members)}</td>
                  <td className="num">{number.format(cohort.attended)}</td>
                  <td className="num">{number.format(cohort.certified)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  )
}

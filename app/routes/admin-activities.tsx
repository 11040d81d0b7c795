import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { formatDayRange } from '#app/reporting/activities.ts'
import { listActivities } from '#app/reporting/activities.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

// Offline capacity-building activities (admin): newest first, with their
// participants (named on an attendance list plus counted without names).

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1) || 1
  const list = await listActivities({ page })
  return {
    title: t('activities.title'),
    locale,
    page: list.page,
    pageCount: list.pageCount,
    total: list.total,
    activities: list.items.map((activity) => ({
      id: activity.id,
      title: activity.title,
      kind: activity.kind,
      days: formatDayRange(activity.startsOn, activity.endsOn, locale),
      city: activity.city,
      countryName: countryName(activity.country, locale),
      participants: activity.participants,
    })),
  }
}

export const meta = titleMeta

export default function AdminActivities() {
  const { t } = useTranslation()
  const { activities, page, pageCount, total, locale } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const number = new Intl.NumberFormat(locale)
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: t('admin.title'), to: '/admin' }, { label: t('activities.title'), current: true }]} />
      <h1>{t('activities.title')}</h1>
      <p className="lead">{t('activities.lead')}</p>
      {searchParams.get('deleted') ? (
        <p className="notice notice--success" role="status">
          {t('activities.deleted')}
        </p>
      ) : null}
      <p className="actions">
        <Link to="/admin/activities/new" className="button">
          {t('activities.newLink')}
        </Link>
      </p>
      {total === 0 ? (
        <p className="empty-state">{t('activities.empty')}</p>
      ) : (
        <>
          <TableWrap>
            <table>
              <caption className="visually-hidden">{t('activities.tableCaption', { count: total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('activities.columns.dates')}</th>
                  <th scope="col">{t('activities.columns.title')}</th>
                  <th scope="col">{t('activities.columns.kind')}</th>
                  <th scope="col">{t('activities.columns.place')}</th>
                  <th scope="col" className="num">
                    {t('activities.columns.participants')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {activities.map((activity) => (
                  <tr key={activity.id}>
                    <td className="activity-days">{activity.days}</td>
                    <td>
                      <Link to={`/admin/activities/${activity.id}`}>
                        <bdi>{activity.title}</bdi>
                      </Link>
                    </td>
                    <td>{t(`activities.kinds.${activity.kind}`)}</td>
                    <td>
                      <Place city={activity.city} country={activity.countryName} />
                    </td>
                    <td className="num">{number.format(activity.participants)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {pageCount > 1 ? (
            <nav className="activity-pagination" aria-label={t('activities.pages')}>
              {page > 1 ? (
                <Link to={`?page=${page - 1}`} rel="prev">
                  {t('activities.previousPage')}
                </Link>
              ) : null}
              <span>{t('activities.pageOf', { page: number.format(page), pages: number.format(pageCount) })}</span>
              {page < pageCount ? (
                <Link to={`?page=${page + 1}`} rel="next">
                  {t('activities.nextPage')}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  )
}

/** "Lilongwe, Malawi": the city as typed (any script), then the country in the reader's language. */
function Place({ city, country }: { city: string; country: string }) {
  const { t } = useTranslation()
  return (
    <>
      {city ? (
        <>
          <bdi>{city}</bdi>
          {t('activities.listSeparator')}
        </>
      ) : null}
      {country}
    </>
  )
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getAccountOverview } from '#app/admin/overview.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { ROLES } from '#app/auth/roles.ts'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { pendingSessionCount } from '#app/reporting/cascade.server.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { env } from '#app/utils/env.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const [overview, pendingSessions] = await Promise.all([getAccountOverview(), pendingSessionCount()])
  return { title: t('admin.title'), locale, overview, pendingSessions, timeZone: env.PROGRAMME_TIME_ZONE }
}

export const meta = titleMeta

const ADMIN_LINKS = [
  ['/admin/users', 'users'],
  ['/admin/reports', 'reports'],
  ['/admin/reports/programme', 'report'],
  ['/admin/cohorts', 'cohorts'],
  ['/admin/trainers', 'trainers'],
  ['/admin/activities', 'activities'],
  ['/admin/sessions', 'sessions'],
  ['/admin/baselines', 'baselines'],
  ['/admin/audit', 'audit'],
] as const

export default function Admin() {
  const { t } = useTranslation()
  const { overview, locale, pendingSessions, timeZone } = useLoaderData<typeof loader>()
  const number = new Intl.NumberFormat(locale)
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.lead')}</p>
      <nav aria-label={t('admin.sections')}>
        <ul className="actions-list">
          {ADMIN_LINKS.map(([to, key]) => (
            <li key={to}>
              <Link to={to}>
                {t(`admin.links.${key}`)}
                {key === 'sessions' && pendingSessions > 0 ? <> ({new Intl.NumberFormat(locale).format(pendingSessions)})</> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('admin.accounts')}</h2>
        <ul className="stat-grid">
          <li className="stat">
            <span className="stat__value">{number.format(overview.total)}</span>
            <span className="stat__label">{t('admin.totalAccounts')}</span>
          </li>
          {ROLES.map((role) => (
            <li className="stat" key={role}>
              <span className="stat__value">{number.format(overview.byRole[role] ?? 0)}</span>
              <span className="stat__label">{t(`roles.${role}Plural`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">{t('admin.byGroup')}</h2>
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fields.stakeholderGroupShort')}</th>
                <th scope="col" className="num">{t('admin.accountsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {STAKEHOLDER_GROUPS.map((group) => (
                <tr key={group}>
                  <th scope="row">{t(`groups.${group}`)}</th>
                  <td className="num">{number.format(overview.byGroup[group] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('admin.recent')}</h2>
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fields.displayName')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.country')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('admin.registered')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.recent.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link to={`/admin/users/${user.id}`}>
                      <bdi>{user.displayName}</bdi>
                    </Link>
                  </td>
                  <td>
                    <bdi dir="ltr">{user.email}</bdi>
                  </td>
                  <td>{user.country}</td>
                  <td>{t(`roles.${user.role}`)}</td>
                  <td>{date.format(new Date(user.createdAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </div>
  )
}

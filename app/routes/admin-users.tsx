import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { USER_STATUSES, readUserFilter, userStatus } from '#app/admin/users.ts'
import { searchUsers } from '#app/admin/users.server.ts'
import { countryName, countryOptions } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { ROLES } from '#app/auth/roles.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { KeysetPager } from '#app/components/pager.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { FilterSelect } from '#app/components/ui/filter-select.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { env } from '#app/utils/env.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

// People: search by name or email, filter by country, group, role and
// status, a page of 50 at a time.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const filter = readUserFilter(new URL(request.url).searchParams)
  const { users, total, next } = await searchUsers(filter)
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: env.PROGRAMME_TIME_ZONE,
  })
  return {
    title: t('users.title'),
    locale,
    filter,
    total,
    next,
    countries: countryOptions(locale),
    users: users.map((user) => ({
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      country: countryName(user.country, locale),
      group: user.stakeholderGroup,
      role: user.role,
      status: userStatus(user),
      registered: date.format(user.createdAt),
    })),
  }
}

export const meta = titleMeta

export default function AdminUsers() {
  const { t } = useTranslation()
  const { filter, total, next, users, countries, locale } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('admin.title'), to: '/admin' },
          { label: t('users.title'), current: true },
        ]}
      />
      <h1>{t('users.title')}</h1>
      <Form method="get" className="report-filters" aria-label={t('users.filters')}>
        <div className="field">
          <label htmlFor="users-q">{t('users.search')}</label>
          <input id="users-q" name="q" type="search" defaultValue={filter.q ?? ''} />
        </div>
        <FilterSelect
          id="users-country"
          label={t('fields.country')}
          name="country"
          value={filter.country}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <FilterSelect
          id="users-group"
          label={t('fields.stakeholderGroupShort')}
          name="group"
          value={filter.group}
          options={STAKEHOLDER_GROUPS.map((group) => ({
            value: group,
            label: t(`groups.${group}`),
          }))}
        />
        <FilterSelect
          id="users-role"
          label={t('fields.role')}
          name="role"
          value={filter.role}
          options={ROLES.map((role) => ({
            value: role,
            label: t(`roles.${role}`),
          }))}
        />
        <FilterSelect
          id="users-status"
          label={t('users.status')}
          name="status"
          value={filter.status}
          options={USER_STATUSES.map((status) => ({
            value: status,
            label: t(`users.statuses.${status}`),
          }))}
        />
        <button type="submit" className="button">
          {t('users.apply')}
        </button>
      </Form>
      <p role="status" className="report-period">
        {t('users.found', {
          count: total,
          formatted: new Intl.NumberFormat(locale).format(total),
        })}
      </p>
      {users.length > 0 ? (
        <TableWrap>
          <table className="stack-table" role="table">
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('fields.displayName')}</th>
                <th scope="col" role="columnheader">{t('fields.email')}</th>
                <th scope="col" role="columnheader">{t('fields.country')}</th>
                <th scope="col" role="columnheader">{t('fields.stakeholderGroupShort')}</th>
                <th scope="col" role="columnheader">{t('fields.role')}</th>
                <th scope="col" role="columnheader">{t('users.status')}</th>
                <th scope="col" role="columnheader">{t('admin.registered')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {users.map((user) => (
                <tr key={user.id} role="row">
                  <th scope="row" role="rowheader">
                    <Link to={`/admin/users/${user.id}`}>{user.status === 'deleted' ? t('users.deletedAccount') : <bdi>{user.displayName}</bdi>}</Link>
                  </th>
                  <td role="cell" data-label={t('fields.email')}>{user.status === 'deleted' ? '—' : <bdi dir="ltr">{user.email}</bdi>}</td>
                  <td role="cell" data-label={t('fields.country')}>{user.country}</td>
                  <td role="cell" data-label={t('fields.stakeholderGroupShort')}>{t(`groups.${user.group}`)}</td>
                  <td role="cell" data-label={t('fields.role')}>{t(`roles.${user.role}`)}</td>
                  <td role="cell" data-label={t('users.status')}>{user.status === 'active' ? t('users.statuses.active') : <span className="badge">{t(`users.statuses.${user.status}`)}</span>}</td>
                  <td role="cell" data-label={t('admin.registered')}>{user.registered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('users.none')}</p>
      )}
      <KeysetPager filter={filter} cursor="after" next={next} />
    </div>
  )
}

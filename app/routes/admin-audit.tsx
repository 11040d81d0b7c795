import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, auditTargetPath } from '#app/admin/audit.ts'
import { describeAuditDetails } from '#app/admin/audit-details.server.ts'
import { listAuditEvents } from '#app/admin/audit.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { KeysetPager } from '#app/components/pager.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { FilterSelect } from '#app/components/ui/filter-select.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { addDays, dayInZone, isDayInRange, startOfDayInZone } from '#app/reporting/dates.ts'
import { db } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

// The audit log: what admins did, newest first. Read-only: the app has no
// way to change or remove an entry.

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional()).catch(undefined)

const today = () => dayInZone(new Date(), env.PROGRAMME_TIME_ZONE)

const filterSchema = z.object({
  action: optional(z.enum(AUDIT_ACTIONS)),
  actor: optional(z.string().trim().max(254)),
  targetType: optional(z.enum(AUDIT_TARGET_TYPES)),
  targetId: optional(z.string().trim().max(64)),
  // Days outside what anyone could mean (year 9999, say) are ignored, like any stale filter.
  from: optional(z.string().refine((day) => isDayInRange(day, today()))),
  to: optional(z.string().refine((day) => isDayInRange(day, today()))),
  before: optional(z.string().trim().max(64)),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const zone = env.PROGRAMME_TIME_ZONE
  const { events, next } = await listAuditEvents(
    {
      ...filter,
      from: filter.from ? startOfDayInZone(filter.from, zone) : null,
      to: filter.to ? new Date(startOfDayInZone(addDays(filter.to), zone).getTime() - 1) : null,
    },
    filter.before,
  )
  // Cohorts named in report exports' details.
  const cohorts = new Map((await db.cohort.findMany({ select: { id: true, name: true } })).map((c) => [c.id, c.name]))
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: zone,
  })
  return {
    title: t('audit.title'),
    timeZone: zone,
    filter,
    next,
    events: events.map((event) => ({
      id: event.id,
      at: when.format(event.at),
      actor: event.actorEmail,
      action: event.action,
      targetType: event.targetType,
      targetLabel: event.targetLabel,
      targetPath: auditTargetPath(event.targetType, event.targetId, event.action),
      details: describeAuditDetails(event.action, event.details, { t, locale, cohortName: (id) => cohorts.get(id) }),
    })),
  }
}

export const meta = titleMeta

export default function AdminAudit() {
  const { t } = useTranslation()
  const { events, filter, next, timeZone } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('admin.title'), to: '/admin' },
          { label: t('audit.title'), current: true },
        ]}
      />
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.lead', { timeZone })}</p>
      <Form method="get" className="report-filters" aria-label={t('audit.filters')}>
        <FilterSelect
          id="audit-action"
          label={t('audit.action')}
          name="action"
          value={filter.action}
          options={AUDIT_ACTIONS.map((action) => ({
            value: action,
            label: t(`audit.actions.${action}`),
          }))}
        />
        <div className="field">
          <label htmlFor="audit-actor">{t('audit.actor')}</label>
          <input id="audit-actor" name="actor" type="search" dir="ltr" defaultValue={filter.actor ?? ''} />
        </div>
        <FilterSelect
          id="audit-target"
          label={t('audit.targetType')}
          name="targetType"
          value={filter.targetType}
          options={AUDIT_TARGET_TYPES.map((type) => ({
            value: type,
            label: t(`audit.targets.${type}`),
          }))}
        />
        <div className="field">
          <label htmlFor="audit-from">{t('reports.from')}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('reports.to')}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ''} />
        </div>
        {filter.targetId ? <input type="hidden" name="targetId" value={filter.targetId} /> : null}
        <button type="submit" className="button">
          {t('users.apply')}
        </button>
      </Form>
      {events.length === 0 ? (
        <p role="status" className="report-period">
          {t('audit.none')}
        </p>
      ) : (
        <TableWrap>
          <table className="audit-table stack-table" role="table">
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('audit.when')}</th>
                <th scope="col" role="columnheader">{t('audit.actor')}</th>
                <th scope="col" role="columnheader">{t('audit.action')}</th>
                <th scope="col" role="columnheader">{t('audit.target')}</th>
                <th scope="col" role="columnheader">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {events.map((event) => (
                <tr key={event.id} role="row">
                  <td role="cell" data-label={t('audit.when')}>{event.at}</td>
                  <td role="cell" data-label={t('audit.actor')}>
                    <bdi dir="ltr">{event.actor}</bdi>
                  </td>
                  <th scope="row" role="rowheader">{t(`audit.actions.${event.action}`)}</th>
                  <td role="cell" data-label={t('audit.target')}>
                    {event.targetType ? <span className="audit-target-type">{t(`audit.targets.${event.targetType}`)}</span> : null}{' '}
                    {event.targetPath ? (
                      <Link to={event.targetPath}>{event.targetLabel ? <bdi>{event.targetLabel}</bdi> : t('audit.open')}</Link>
                    ) : event.targetLabel ? (
                      <bdi>{event.targetLabel}</bdi>
                    ) : null}
                  </td>
                  <td role="cell" data-label={t('audit.details')}>
                    {event.details.length > 0 ? (
                      <dl className="audit-details">
                        {event.details.map(([key, value]) => (
                          <div key={key}>
                            <dt>{t('audit.detailLabel', { label: key })}</dt>
                            <dd>
                              <bdi>{value}</bdi>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <KeysetPager filter={filter} cursor="before" next={next} />
    </div>
  )
}

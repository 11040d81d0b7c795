import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '#app/admin/audit.server.ts'
import { countryName } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { TextAreaField } from '#app/components/ui/field.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { AGE_BANDS, isSessionStatus, REASON_MAX_LENGTH, reviewSchema, SESSION_STATUSES, type SessionStatus } from '#app/reporting/cascade.ts'
import { rejectSession, reviewQueue, verifySession, type QueuedSession } from '#app/reporting/cascade.server.ts'
import { dayInZone, formatDay } from '#app/reporting/dates.ts'
import { env } from '#app/utils/env.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { transaction } from '#app/utils/db.server.ts'

// The admin's review queue of cascade sessions: verify a session so that it
// counts in the programme's figures, or reject it with a reason the trainer sees.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const param = new URL(request.url).searchParams.get('status')
  const status = isSessionStatus(param) ? param : undefined
  const queue = await reviewQueue({ status })
  const day = (instant: Date) => formatDay(dayInZone(instant, env.PROGRAMME_TIME_ZONE), locale, 'medium')
  const row = (session: QueuedSession) => ({
    id: session.id,
    date: formatDay(session.deliveredOn, locale, 'medium'),
    place: session.place,
    country: countryName(session.country, locale),
    audienceGroup: session.audienceGroup,
    headcount: session.headcount,
    female: session.female,
    male: session.male,
    ageBands: session.ageBands,
    notes: session.notes,
    status: session.status,
    rejectionReason: session.rejectionReason,
    trainer: { displayName: session.trainer.displayName, email: session.trainer.email },
    loggedOn: day(session.createdAt),
    reviewedOn: session.reviewedAt ? day(session.reviewedAt) : null,
    reviewer: session.reviewer?.displayName ?? null,
  })
  return {
    title: t('cascade.queue.title'),
    locale,
    status: status ?? null,
    counts: queue.counts,
    pending: queue.pending.map(row),
    reviewed: queue.reviewed.map(row),
  }
}

export const meta = titleMeta

type Result =
  | { kind: 'verified'; count: number }
  | { kind: 'rejected' }
  | { kind: 'alreadyReviewed' }
  | { kind: 'notFound' }

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const form = await request.formData()
  const parsed = parseForm(reviewSchema, form)
  const sessionId = form.get('sessionId')
  if (!parsed.ok) {
    if (!parsed.errors.reason || typeof sessionId !== 'string') throw new Response('Bad request', { status: 400, statusText: 'Bad request' })
    return data({ result: null, sessionId, errors: { reason: parsed.errors.reason } as FieldErrors, values: parsed.values }, { status: 400 })
  }
  const review = parsed.data
  const outcome = await transaction(async () => {
    const reviewed =
      review.intent === 'verify'
        ? await verifySession({ sessionId: review.sessionId, adminId: admin.id })
        : await rejectSession({ sessionId: review.sessionId, adminId: admin.id, reason: review.reason })
    if (!reviewed.ok) return reviewed
    const { session, trainer } = reviewed
    const details = { headcount: session.headcount, trainer: trainer.displayName }
    if (review.intent === 'verify') await recordAudit(admin, 'cascade_session.verified', { type: 'cascade_session', id: session.id }, details)
    else await recordAudit(admin, 'cascade_session.rejected', { type: 'cascade_session', id: session.id }, { reason: review.reason, ...details })
    return reviewed
  })
  if (!outcome.ok) {
    // Someone else reviewed it first, or its trainer withdrew it: say so, change nothing.
    const result: Result = outcome.reason === 'not-found' ? { kind: 'notFound' } : { kind: 'alreadyReviewed' }
    return data({ result, sessionId: review.sessionId, errors: null, values: null }, { status: outcome.reason === 'not-found' ? 404 : 409 })
  }
  const { session } = outcome
  const result: Result = review.intent === 'verify' ? { kind: 'verified', count: session.headcount } : { kind: 'rejected' }
  return { result, sessionId: review.sessionId, errors: null, values: null }
}

const STATUS_ICON: Record<SessionStatus, string> = { pending: '○', verified: '✓', rejected: '✗' }

function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`session-status session-status--${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status]} </span>
      {t(`cascade.status.${status}`)}
    </span>
  )
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['pending'][number]

/** Women/men and age bands, when the trainer gave them. */
function Breakdown({ session, number }: { session: Row; number: Intl.NumberFormat }) {
  const { t } = useTranslation()
  const parts: string[] = []
  if (session.female != null) parts.push(`${t('cascade.form.female')}: ${number.format(session.female)}`)
  if (session.male != null) parts.push(`${t('cascade.form.male')}: ${number.format(session.male)}`)
  for (const band of AGE_BANDS) {
    const count = session.ageBands?.[band]
    if (count != null) parts.push(`${t(`cascade.form.age.${band}`)}: ${number.format(count)}`)
  }
  if (parts.length === 0) return null
  return (
    <ul className="cascade-breakdown-list">
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ul>
  )
}

export default function AdminSessions() {
  const { t } = useTranslation()
  const { status, counts, pending, reviewed, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const number = new Intl.NumberFormat(locale)
  const result = actionData?.result
  const total = counts.pending + counts.verified + counts.rejected
  const filters: { key: SessionStatus | null; label: string; count: number }[] = [
    { key: null, label: t('cascade.queue.all'), count: total },
    ...SESSION_STATUSES.map((key) => ({ key, label: t(`cascade.status.${key}`), count: counts[key] })),
  ]
  const reviewedTitle = status === 'verified' ? t('cascade.queue.verifiedTitle') : status === 'rejected' ? t('cascade.queue.rejectedTitle') : t('cascade.queue.reviewedTitle')
  const shown = status ? counts[status] : null
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: t('admin.title'), to: '/admin' }, { label: t('cascade.queue.title'), current: true }]} />
      <h1>{t('cascade.queue.title')}</h1>
      <p className="lead">{t('cascade.queue.lead')}</p>
      <nav aria-label={t('cascade.queue.filter')} className="cascade-filter">
        <ul>
          {filters.map((filter) => (
            <li key={filter.key ?? 'all'}>
              <Link
                to={filter.key ? `?status=${filter.key}` : '/admin/sessions'}
                aria-current={filter.key === status ? 'page' : undefined}
                preventScrollReset
              >
                {t('cascade.queue.filterCount', { label: filter.label, number: number.format(filter.count) })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {result ? (
        <p className={result.kind === 'verified' || result.kind === 'rejected' ? 'notice notice--success' : 'notice'} role="status">
          {result.kind === 'verified' ? t('cascade.queue.verified', { count: result.count }) : t(`cascade.queue.${result.kind}`)}
        </p>
      ) : null}
      {status === null || status === 'pending' ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t('cascade.queue.pendingTitle')}</h2>
          {pending.length === 0 ? (
            <p className="empty-state">{t('cascade.queue.nonePending')}</p>
          ) : (
            <>
              {pending.length < counts.pending ? <p>{t('cascade.queue.showingFirst', { count: pending.length })}</p> : null}
              <ul className="cascade-queue">
                {pending.map((session) => {
                  const headingId = `session-${session.id}-title`
                  const formId = `reject-${session.id}`
                  const mine = actionData?.sessionId === session.id
                  const errors = mine ? (actionData?.errors ?? undefined) : undefined
                  const busy = navigation.state !== 'idle' && navigation.formData?.get('sessionId') === session.id
                  return (
                    <li key={session.id} className="card cascade-card">
                      <h3 id={headingId}>
                        <bdi>{session.place}</bdi>
                      </h3>
                      <dl className="details-list">
                        <dt>{t('cascade.columns.date')}</dt>
                        <dd>{session.date}</dd>
                        <dt>{t('cascade.columns.trainer')}</dt>
                        <dd>
                          <bdi>{session.trainer.displayName}</bdi> <small dir="ltr">{session.trainer.email}</small>
                        </dd>
                        <dt>{t('cascade.columns.country')}</dt>
                        <dd>{session.country}</dd>
                        <dt>{t('cascade.columns.audience')}</dt>
                        <dd>{t(`groups.${session.audienceGroup}`)}</dd>
                        <dt>{t('cascade.columns.headcount')}</dt>
                        <dd>
                          {number.format(session.headcount)}
                          <Breakdown session={session} number={number} />
                        </dd>
                        {session.notes ? (
                          <>
                            <dt>{t('cascade.columns.notes')}</dt>
                            <dd dir="auto" className="cascade-notes">
                              {session.notes}
                            </dd>
                          </>
                        ) : null}
                        <dt>{t('cascade.columns.loggedOn')}</dt>
                        <dd>{session.loggedOn}</dd>
                      </dl>
                      <div className="cascade-review">
                        <Form method="post" preventScrollReset>
                          <input type="hidden" name="intent" value="verify" />
                          <input type="hidden" name="sessionId" value={session.id} />
                          <button type="submit" className="button" disabled={busy} aria-describedby={headingId}>
                            {t('cascade.queue.verify')}
                          </button>
                        </Form>
                        <Form method="post" id={formId} className="form cascade-reject" noValidate preventScrollReset>
                          <ErrorSummary errors={errors} formId={formId} />
                          <input type="hidden" name="intent" value="reject" />
                          <input type="hidden" name="sessionId" value={session.id} />
                          <TextAreaField
                            id={`${formId}-reason`}
                            label={t('cascade.queue.reason')}
                            help={t('cascade.queue.reasonHelp')}
                            name="reason"
                            dir="auto"
                            rows={2}
                            maxLength={REASON_MAX_LENGTH}
                            defaultValue={mine ? (actionData?.values?.reason ?? '') : ''}
                            error={errors?.reason}
                          />
                          <button type="submit" className="button button--secondary" disabled={busy} aria-describedby={headingId}>
                            {t('cascade.queue.reject')}
                          </button>
                        </Form>
                      </div>
                    </li>
                  )
                })}
              </ul>
            </>
          )}
        </section>
      ) : null}
      {status !== 'pending' ? (
        <section aria-labelledby="reviewed-title">
          <h2 id="reviewed-title">{reviewedTitle}</h2>
          {reviewed.length === 0 ? (
            <p className="empty-state">{t('cascade.queue.noneReviewed')}</p>
          ) : (
            <>
              {shown !== null && reviewed.length < shown ? <p>{t('cascade.queue.showingFirst', { count: reviewed.length })}</p> : null}
              <TableWrap>
                <table className="cascade-table cascade-table--stacked">
                  <thead>
                    <tr>
                      <th scope="col">{t('cascade.columns.date')}</th>
                      <th scope="col">{t('cascade.columns.place')}</th>
                      <th scope="col">{t('cascade.columns.trainer')}</th>
                      <th scope="col">{t('cascade.columns.audience')}</th>
                      <th scope="col" className="num">
                        {t('cascade.columns.headcount')}
                      </th>
                      <th scope="col">{t('cascade.columns.status')}</th>
                      <th scope="col">{t('cascade.columns.reviewed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reviewed.map((session) => (
                      <tr key={session.id}>
                        <td className="cascade-table__date" data-label={t('cascade.columns.date')}>
                          {session.date}
                        </td>
                        <td data-label={t('cascade.columns.place')}>
                          <div>
                            <bdi>{session.place}</bdi>
                            <br />
                            <small>{session.country}</small>
                          </div>
                        </td>
                        <td data-label={t('cascade.columns.trainer')}>
                          <bdi>{session.trainer.displayName}</bdi>
                        </td>
                        <td data-label={t('cascade.columns.audience')}>{t(`groups.${session.audienceGroup}`)}</td>
                        <td className="num" data-label={t('cascade.columns.headcount')}>
                          {number.format(session.headcount)}
                        </td>
                        <td data-label={t('cascade.columns.status')}>
                          <div>
                            <SessionStatusBadge status={session.status} />
                            {session.rejectionReason ? (
                              <p className="cascade-reason" dir="auto">
                                {session.rejectionReason}
                              </p>
                            ) : null}
                          </div>
                        </td>
                        <td data-label={t('cascade.columns.reviewed')}>
                          <div>
                            {session.reviewer ? (
                              <>
                                <bdi>{session.reviewer}</bdi>
                                <br />
                              </>
                            ) : null}
                            {session.reviewedOn}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )}
        </section>
      ) : null}
    </div>
  )
}

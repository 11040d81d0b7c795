import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import type { SessionStatus } from '#app/reporting/cascade.ts'
import { deleteOwnSession, trainerReach, trainerSessions } from '#app/reporting/cascade.server.ts'
import { formatDay } from '#app/reporting/dates.ts'
import { titleMeta } from '#app/utils/meta.ts'

// "My sessions": a trainer's cascade sessions, their review status (with the
// reason when rejected) and the people their verified sessions reached.

const NOTICES = ['logged', 'updated', 'deleted', 'locked', 'gone'] as const
type Notice = (typeof NOTICES)[number]
const isNotice = (value: unknown): value is Notice => (NOTICES as readonly unknown[]).includes(value)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'trainer')
  const { t, locale } = await getTranslator(request)
  const [sessions, reach] = await Promise.all([trainerSessions(user.id), trainerReach(user.id)])
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    title: t('cascade.mine.title'),
    locale,
    notice: isNotice(notice) ? notice : null,
    reach,
    sessions: sessions.map((session) => ({
      id: session.id,
      date: formatDay(session.deliveredOn, locale, 'medium'),
      place: session.place,
      country: countryName(session.country, locale),
      audienceGroup: session.audienceGroup,
      headcount: session.headcount,
      status: session.status,
      rejectionReason: session.rejectionReason,
    })),
  }
}

export const meta = titleMeta

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'trainer')
  const form = await request.formData()
  const sessionId = form.get('sessionId')
  if (form.get('intent') !== 'delete' || typeof sessionId !== 'string' || !sessionId) {
    throw new Response('Bad request', { status: 400, statusText: 'Bad request' })
  }
  const outcome = await deleteOwnSession(user.id, sessionId)
  if (outcome.ok) return { notice: 'deleted' as Notice }
  // Already gone is what the trainer wanted; a reviewed session stays.
  return data({ notice: (outcome.reason === 'not-found' ? 'gone' : 'locked') as Notice }, { status: outcome.reason === 'not-found' ? 200 : 409 })
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

export default function TrainerSessions() {
  const { t } = useTranslation()
  const loaderData = useLoaderData<typeof loader>()
  const { sessions, reach, locale } = loaderData
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const notice = actionData?.notice ?? loaderData.notice
  const number = new Intl.NumberFormat(locale)
  const good = notice === 'logged' || notice === 'updated' || notice === 'deleted'
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: t('nav.myLearning'), to: '/me' }, { label: t('cascade.mine.title'), current: true }]} />
      <h1>{t('cascade.mine.title')}</h1>
      <p className="lead">{t('cascade.mine.lead')}</p>
      {notice ? (
        <p className={good ? 'notice notice--success' : 'notice'} role="status">
          {t(`cascade.mine.${notice}`)}
        </p>
      ) : null}
      <p>
        <Link to="/trainer/sessions/new" className="button">
          {t('cascade.mine.log')}
        </Link>
      </p>
      <section aria-labelledby="reach-title">
        <h2 id="reach-title">{t('cascade.mine.summary')}</h2>
        <ul className="stat-grid">
          <li className="stat">
            <span className="stat__value">{number.format(reach.people)}</span>
            <span className="stat__label">{t('cascade.mine.reach')}</span>
          </li>
          <li className="stat">
            <span className="stat__value">{number.format(reach.verified)}</span>
            <span className="stat__label">{t('cascade.mine.verified')}</span>
          </li>
          <li className="stat">
            <span className="stat__value">{number.format(reach.pending)}</span>
            <span className="stat__label">{t('cascade.mine.pending')}</span>
          </li>
        </ul>
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('cascade.mine.sessions')}</h2>
        {sessions.length === 0 ? (
          <p className="empty-state">{t('cascade.mine.empty')}</p>
        ) : (
          <TableWrap>
            <table className="cascade-table cascade-table--stacked">
              <thead>
                <tr>
                  <th scope="col">{t('cascade.columns.date')}</th>
                  <th scope="col">{t('cascade.columns.place')}</th>
                  <th scope="col">{t('cascade.columns.audience')}</th>
                  <th scope="col" className="num">
                    {t('cascade.columns.headcount')}
                  </th>
                  <th scope="col">{t('cascade.columns.status')}</th>
                  <th scope="col">{t('cascade.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => {
                  const deleting = navigation.state !== 'idle' && navigation.formData?.get('sessionId') === session.id
                  return (
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
                      <td data-label={t('cascade.columns.audience')}>{t(`groups.${session.audienceGroup}`)}</td>
                      <td className="num" data-label={t('cascade.columns.headcount')}>
                        {number.format(session.headcount)}
                      </td>
                      <td data-label={t('cascade.columns.status')}>
                        <div>
                          <SessionStatusBadge status={session.status} />
                          {session.status === 'rejected' && session.rejectionReason ? (
                            <p className="cascade-reason">
                              {t('cascade.mine.reasonLabel')} <bdi>{session.rejectionReason}</bdi>
                            </p>
                          ) : null}
                        </div>
                      </td>
                      <td data-label={t('cascade.columns.actions')} className={session.status === 'pending' ? undefined : 'cascade-table__idle'}>
                        {session.status === 'pending' ? (
                          <div className="cascade-actions">
                            <Link to={`/trainer/sessions/new?edit=${session.id}`} aria-label={t('cascade.mine.editLabel', { date: session.date, place: session.place })}>
                              {t('cascade.mine.edit')}
                            </Link>
                            <Form method="post">
                              <input type="hidden" name="intent" value="delete" />
                              <input type="hidden" name="sessionId" value={session.id} />
                              <button
                                type="submit"
                                className="button button--secondary button--small"
                                disabled={deleting}
                                aria-label={t('cascade.mine.deleteLabel', { date: session.date, place: session.place })}
                              >
                                {t('cascade.mine.delete')}
                              </button>
                            </Form>
                          </div>
                        ) : (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">{t('cascade.mine.noChanges')}</span>
                          </>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </div>
  )
}

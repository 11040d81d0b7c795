import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listAuditEvents } from '#app/admin/audit.server.ts'
import { userStatus } from '#app/admin/users.ts'
import { changeRole, createResetLinkFor, deactivateUser, getUserForAdmin, reactivateUser } from '#app/admin/users.server.ts'
import { countryName } from '#app/auth/countries.server.ts'
import { recordAudit } from '#app/admin/audit.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { resetLinkPath } from '#app/auth/password-reset.ts'
import { ROLES, isRole } from '#app/auth/roles.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { findCourse } from '#app/content/catalog.server.ts'
import { ConfirmCheckbox } from '#app/components/ui/field.tsx'
import { isLocale, langDir, LOCALE_NAMES } from '#app/i18n/config.ts'
import { usePercent } from '#app/i18n/format.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { getMyLearning } from '#app/learning/my-learning.server.ts'
import { grantQuizException, quizStates } from '#app/learning/quiz.server.ts'
import { env } from '#app/utils/env.server.ts'
import { transaction } from '#app/utils/db.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { mailIsConfigured } from '#app/utils/mail.server.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { hasControlCharacters } from '#app/utils/text.ts'
import { publicOrigin } from '#app/utils/public-url.server.ts'

// One person, for an admin: who they are, their courses and certificates,
// and what can be done: change role, deactivate or reactivate, make a
// password reset link to hand over. Every change goes to the audit log.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const user = await getUserForAdmin(params.user ?? '')
  invariantResponse(user, 'User not found')
  const status = userStatus(user)
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: env.PROGRAMME_TIME_ZONE,
  })
  const [learning, history, quizzes] = await Promise.all([
    status === 'deleted' ? null : getMyLearning(user.id, locale),
    listAuditEvents({ targetType: 'user', targetId: user.id }, null, 10),
    status === 'deleted' ? [] : quizStates(user.id, locale, findCourse),
  ])
  const opensAt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: env.PROGRAMME_TIME_ZONE })
  return {
    title: status === 'deleted' ? t('users.deletedAccount') : user.displayName,
    isSelf: admin.id === user.id,
    status,
    mailConfigured: mailIsConfigured(),
    user: {
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      country: countryName(user.country, locale),
      group: user.stakeholderGroup,
      organisation: user.organisation,
      language: isLocale(user.preferredLocale) ? LOCALE_NAMES[user.preferredLocale] : user.preferredLocale,
      role: user.role,
      registered: when.format(user.createdAt),
      deactivated: user.deactivatedAt ? when.format(user.deactivatedAt) : null,
      deleted: user.deletedAt ? when.format(user.deletedAt) : null,
      activeSessions: user._count.sessions,
    },
    learning,
    // Quizzes they have taken, where they stand, and what an admin may grant.
    quizzes: quizzes.map((quiz) => ({
      courseSlug: quiz.courseSlug,
      quizId: quiz.quizId,
      title: quiz.title,
      used: quiz.used,
      allowed: quiz.allowed,
      passed: quiz.passed,
      blocked: quiz.rule.canStart ? null : quiz.rule.reason,
      availableAt: !quiz.rule.canStart && quiz.rule.reason === 'cooldown' ? opensAt.format(quiz.rule.availableAt) : null,
    })),
    history: history.events.map((event) => ({
      id: event.id,
      at: when.format(event.at),
      action: event.action,
      actor: event.actorEmail,
    })),
  }
}

export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const user = await getUserForAdmin(params.user ?? '')
  invariantResponse(user, 'User not found')
  const form = await request.formData()
  const intent = form.get('intent')
  const refused = (reason: string) =>
    data(
      {
        done: null,
        error: `users.errors.${reason}`,
        resetLink: null,
        count: 0,
      },
      { status: 400 },
    )

  if (intent === 'role') {
    const role = form.get('role')
    if (!isRole(role)) return refused('chooseRole')
    const result = await changeRole(admin, user, role)
    return result.ok ? data({ done: 'roleChanged', error: null, resetLink: null, count: 0 }) : refused(result.reason)
  }
  if (intent === 'deactivate') {
    if (form.get('confirm') !== 'yes') return refused('confirmDeactivate')
    const result = await deactivateUser(admin, user)
    return result.ok
      ? data({
          done: 'deactivated',
          error: null,
          resetLink: null,
          count: result.sessionsEnded ?? 0,
        })
      : refused(result.reason)
  }
  if (intent === 'reactivate') {
    const result = await reactivateUser(admin, user)
    return result.ok ? data({ done: 'reactivated', error: null, resetLink: null, count: 0 }) : refused(result.reason)
  }
  if (intent === 'resetLink') {
    const result = await createResetLinkFor(admin, user)
    if (!result.ok) return refused(result.reason)
    // Shown once, to this admin only; never stored in the clear.
    return data(
      {
        done: 'resetLink',
        error: null,
        resetLink: `${publicOrigin(request)}${resetLinkPath(result.token)}`,
        count: 0,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  }
  if (intent === 'quizGrant') {
    const courseSlug = String(form.get('courseSlug') ?? '')
    const quizId = String(form.get('quizId') ?? '')
    const kind = form.get('kind')
    const reason = String(form.get('reason') ?? '').trim()
    const quiz = findCourse(courseSlug)?.modules.find((m) => m.quiz?.id === quizId)?.quiz
    if (!quiz || (kind !== 'attempt' && kind !== 'cooldown')) throw new Response('Bad Request', { status: 400, statusText: 'Bad Request' })
    if (reason.length < 3 || reason.length > 500 || hasControlCharacters(reason)) return refused('grantReason')
    await transaction(async () => {
      await grantQuizException({ userId: user.id, courseSlug, quizId, kind, reason, grantedById: admin.id })
      await recordAudit(admin, 'quiz.exception_granted', { type: 'user', id: user.id, label: `${user.displayName} <${user.email}>` }, { course: courseSlug, quiz: quizId, kind, reason })
    })
    return data({ done: kind === 'attempt' ? 'attemptGranted' : 'cooldownEnded', error: null, resetLink: null, count: 0 })
  }
  throw new Response('Bad Request', { status: 400, statusText: 'Bad Request' })
}

export default function AdminUser() {
  const { t } = useTranslation()
  const formatPercent = usePercent()
  const { user, status, isSelf, learning, history, mailConfigured, quizzes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const deleted = status === 'deleted'
  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('admin.title'), to: '/admin' },
          { label: t('users.title'), to: '/admin/users' },
          {
            label: deleted ? t('users.deletedAccount') : user.displayName,
            current: true,
          },
        ]}
      />
      <h1>{deleted ? t('users.deletedAccount') : <bdi>{user.displayName}</bdi>}</h1>
      {actionData?.done ? (
        <p className="notice notice--success" role="status">
          {t(`users.done.${actionData.done}`, { count: actionData.count })}
        </p>
      ) : null}
      {/* The missing confirmation is shown beside its checkbox instead. */}
      {actionData?.error && actionData.error !== 'users.errors.confirmDeactivate' ? (
        <p className="notice" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      {actionData?.resetLink ? (
        <div className="notice notice--success reset-link">
          <p>{t('users.resetLinkLead')}</p>
          <p>
            <code dir="ltr" className="reset-link__url">
              {actionData.resetLink}
            </code>
          </p>
        </div>
      ) : null}

      <dl className="details-list">
        {deleted ? (
          <>
            <dt>{t('users.status')}</dt>
            <dd>{t('users.deletedOn', { date: user.deleted })}</dd>
          </>
        ) : (
          <>
            <dt>{t('fields.email')}</dt>
            <dd>
              <bdi dir="ltr">{user.email}</bdi>
            </dd>
            <dt>{t('fields.organisation')}</dt>
            <dd>{user.organisation ? <bdi>{user.organisation}</bdi> : '—'}</dd>
            <dt>{t('fields.preferredLocale')}</dt>
            <dd>{user.language}</dd>
            <dt>{t('users.status')}</dt>
            <dd>{status === 'deactivated' ? t('users.deactivatedOn', { date: user.deactivated }) : t('users.statuses.active')}</dd>
            <dt>{t('users.activeSessions')}</dt>
            <dd>{user.activeSessions}</dd>
          </>
        )}
        <dt>{t('fields.country')}</dt>
        <dd>{user.country}</dd>
        <dt>{t('fields.stakeholderGroupShort')}</dt>
        <dd>{t(`groups.${user.group}`)}</dd>
        <dt>{t('fields.role')}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
        <dt>{t('admin.registered')}</dt>
        <dd>{user.registered}</dd>
      </dl>

      {deleted ? null : (
        <section aria-labelledby="manage-title">
          <h2 id="manage-title">{t('users.manage')}</h2>
          {isSelf ? <p>{t('users.selfNote')}</p> : null}
          <div className="user-actions">
            <Form method="post" className="user-action">
              <h3>{t('fields.role')}</h3>
              <input type="hidden" name="intent" value="role" />
              <div className="field">
                <label htmlFor="user-role">{t('users.newRole')}</label>
                <select id="user-role" name="role" defaultValue={user.role} disabled={isSelf}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--secondary" disabled={busy || isSelf}>
                {t('users.changeRole')}
              </button>
            </Form>

            {status === 'deactivated' ? (
              <Form method="post" className="user-action">
                <h3>{t('users.access')}</h3>
                <p>{t('users.deactivatedOn', { date: user.deactivated })}</p>
                <input type="hidden" name="intent" value="reactivate" />
                <button type="submit" className="button button--secondary" disabled={busy}>
                  {t('users.reactivate')}
                </button>
              </Form>
            ) : isSelf ? null : (
              <Form method="post" className="user-action">
                <h3>{t('users.access')}</h3>
                <input type="hidden" name="intent" value="deactivate" />
                <p>{t('users.deactivateLead')}</p>
                <ConfirmCheckbox
                  id="deactivate-confirm"
                  label={t('users.deactivateConfirm', {
                    name: user.displayName,
                  })}
                  error={actionData?.error === 'users.errors.confirmDeactivate' ? actionData.error : null}
                />
                <button type="submit" className="button button--danger" disabled={busy}>
                  {t('users.deactivate')}
                </button>
              </Form>
            )}

            {status === 'active' ? (
              <Form method="post" className="user-action">
                <h3>{t('fields.password')}</h3>
                <input type="hidden" name="intent" value="resetLink" />
                <p>{mailConfigured ? t('users.resetLinkHelpMail') : t('users.resetLinkHelpNoMail')}</p>
                <button type="submit" className="button button--secondary" disabled={busy}>
                  {t('users.createResetLink')}
                </button>
              </Form>
            ) : null}

            <div className="user-action">
              <h3>{t('users.dataTitle')}</h3>
              <p>{t('users.dataLead')}</p>
              <a href={`/admin/users/${user.id}/data.json`} download>
                {t('users.downloadData')}
              </a>
            </div>
          </div>
        </section>
      )}

      {learning ? (
        <section aria-labelledby="learning-title">
          <h2 id="learning-title">{t('users.learning')}</h2>
          {learning.inProgress.length + learning.completed.length === 0 ? (
            <p>{t('users.noCourses')}</p>
          ) : (
            <TableWrap>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.course')}</th>
                    <th scope="col" className="num">
                      {t('users.progress')}
                    </th>
                    <th scope="col">{t('users.completedOn')}</th>
                    <th scope="col">{t('users.certificate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...learning.inProgress, ...learning.completed].map((course) => (
                    <tr key={course.slug}>
                      <th scope="row" {...langDir(course.title.lang)}>
                        {course.title.text}
                      </th>
                      <td className="num">{formatPercent(course.percent)}</td>
                      <td>{course.completedOn ?? '—'}</td>
                      <td>
                        {course.certificate ? (
                          <Link to={`/verify/${course.certificate.id}`} dir="ltr">
                            <code>{course.certificate.id}</code>
                          </Link>
                        ) : (
                          '—'
                        )}
                        {course.certificate && !course.certificate.valid ? <> ({t('users.revoked')})</> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {learning.trainerCertificates.length > 0 ? (
            <>
              <h3>{t('users.trainerCertificates')}</h3>
              <ul>
                {learning.trainerCertificates.map((certificate) => (
                  <li key={certificate.id}>
                    <span {...langDir(certificate.course.lang)}>{certificate.course.text}</span> ·{' '}
                    <Link to={`/verify/${certificate.id}`} dir="ltr">
                      <code>{certificate.id}</code>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {quizzes.length > 0 ? (
        <section aria-labelledby="quizzes-title">
          <h2 id="quizzes-title">{t('users.quizzes.title')}</h2>
          <p>{t('users.quizzes.lead')}</p>
          <ul className="quiz-grants">
            {quizzes.map((quiz) => (
              <li key={quiz.quizId} className="quiz-grants__item">
                <p>
                  <strong {...langDir(quiz.title.lang)}>{quiz.title.text}</strong> ·{' '}
                  {quiz.allowed === null ? t('users.quizzes.usedUnlimited', { count: quiz.used }) : t('users.quizzes.used', { used: quiz.used, count: quiz.allowed })} ·{' '}
                  {quiz.passed
                    ? t('users.quizzes.passed')
                    : quiz.blocked === 'limit'
                      ? t('users.quizzes.noneLeft')
                      : quiz.blocked === 'cooldown'
                        ? t('users.quizzes.waitingUntil', { time: quiz.availableAt })
                        : t('users.quizzes.canTry')}
                </p>
                {quiz.passed || !quiz.blocked ? null : (
                  <Form method="post" className="form form--inline">
                    <input type="hidden" name="intent" value="quizGrant" />
                    <input type="hidden" name="courseSlug" value={quiz.courseSlug} />
                    <input type="hidden" name="quizId" value={quiz.quizId} />
                    <fieldset>
                      <legend className="visually-hidden">{t('users.quizzes.grantLegend')}</legend>
                      <input type="hidden" name="kind" value={quiz.blocked === 'limit' ? 'attempt' : 'cooldown'} />
                      <label htmlFor={`reason-${quiz.quizId}`}>{t('users.quizzes.reason')}</label>
                      <input id={`reason-${quiz.quizId}`} name="reason" required minLength={3} maxLength={500} />
                      <button type="submit" className="button button--secondary" disabled={busy}>
                        {quiz.blocked === 'limit' ? t('users.quizzes.grantAttempt') : t('users.quizzes.endCooldown')}
                      </button>
                    </fieldset>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('users.history')}</h2>
        {history.length === 0 ? (
          <p>{t('users.noHistory')}</p>
        ) : (
          <ul>
            {history.map((event) => (
              <li key={event.id}>
                {event.at} · {t(`audit.actions.${event.action}`)} · <bdi dir="ltr">{event.actor}</bdi>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/admin/audit?targetType=user&targetId=${user.id}`}>{t('users.fullHistory')}</Link>
        </p>
      </section>
    </div>
  )
}

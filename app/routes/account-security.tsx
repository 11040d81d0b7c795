import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { changePassword, endOtherSessions, endSession, listSessions } from '#app/auth/account.server.ts'
import { describeDevice } from '#app/auth/device.ts'
import { getSession, requireUser } from '#app/auth/guards.server.ts'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#app/auth/password.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { Field } from '#app/components/ui/field.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { env } from '#app/utils/env.server.ts'
import { FORM_ERROR, parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'

// "Password and sessions": a signed-in person changes their password (which
// signs them out everywhere else) and sees and ends their other sessions.

async function requireSession(request: Request) {
  const user = await requireUser(request)
  const session = await getSession(request)
  // requireUser has just found it; only a race with signing out could lose it.
  if (!session) throw new Response('Bad Request', { status: 400, statusText: 'Bad Request' })
  return { user, sessionId: session.sessionId }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSession(request)
  const { t, locale } = await getTranslator(request)
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: env.PROGRAMME_TIME_ZONE })
  const sessions = await listSessions(user.id, sessionId)
  return {
    title: t('account.title'),
    sessions: sessions.map((s) => {
      const device = describeDevice(s.userAgent)
      return {
        id: s.id,
        current: s.current,
        device: device ? [device.browser, device.os].filter(Boolean).join(' · ') : null,
        signedIn: when.format(s.createdAt),
        expires: when.format(s.expiresAt),
      }
    }),
  }
}

export const meta = titleMeta

const passwordSchema = z.object({
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH * 4, 'account.errors.currentWrong').default(''),
  // Length and other rules are checked by changePassword, with the email address.
  newPassword: z.string().max(PASSWORD_MAX_LENGTH * 4, 'errors.passwordTooLong').default(''),
})
const endSchema = z.object({ sessionId: z.string().min(1).max(200) })

type Done = 'passwordChanged' | 'sessionEnded' | 'othersEnded'

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request)
  const form = await request.formData()
  const intent = form.get('intent')

  if (intent === 'password') {
    const parsed = parseForm(passwordSchema, form)
    if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, done: null, count: 0, minutes: 0 }, { status: 400 })
    const { currentPassword, newPassword } = parsed.data
    const result = await changePassword(user.id, sessionId, currentPassword, newPassword, context.clientIp ?? 'unknown')
    if (!result.ok && result.reason === 'throttled') {
      const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60))
      return data(
        { errors: { [FORM_ERROR]: 'errors.tooManyAttempts' } as FieldErrors, done: null, count: 0, minutes },
        { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
      )
    }
    if (!result.ok) return data({ errors: result.errors as FieldErrors, done: null, count: 0, minutes: 0 }, { status: 400 })
    return data({ errors: null, done: 'passwordChanged' as Done, count: result.otherSessionsEnded, minutes: 0 })
  }

  if (intent === 'end') {
    const parsed = endSchema.safeParse({ sessionId: form.get('sessionId') })
    if (!parsed.success) throw new Response('Bad Request', { status: 400, statusText: 'Bad Request' })
    const outcome = await endSession(user.id, sessionId, parsed.data.sessionId)
    // This device is signed out with the account menu, which also clears the cookie.
    if (outcome === 'current') throw new Response('Bad Request', { status: 400, statusText: 'Bad Request' })
    // One that had already ended (or was never theirs) is as good as ended.
    return data({ errors: null, done: 'sessionEnded' as Done, count: 1, minutes: 0 })
  }

  if (intent === 'endOthers') {
    const count = await endOtherSessions(user.id, sessionId)
    return data({ errors: null, done: 'othersEnded' as Done, count, minutes: 0 })
  }

  throw new Response('Bad Request', { status: 400, statusText: 'Bad Request' })
}

export default function AccountSecurity() {
  const { t } = useTranslation()
  const { sessions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const submittingIntent = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
  const errors: FieldErrors | undefined = actionData?.errors ?? undefined
  const done = actionData?.done ?? null
  const others = sessions.filter((s) => !s.current)

  // After a change, the fields are emptied (without JavaScript the page comes back empty anyway).
  const passwordForm = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (done === 'passwordChanged') passwordForm.current?.reset()
  }, [actionData, done])

  return (
    <div className="page page--narrow">
      <Breadcrumbs items={[{ label: t('profile.title'), to: '/me/profile' }, { label: t('account.title'), current: true }]} />
      <h1>{t('account.title')}</h1>
      {done ? (
        <p className="notice notice--success" role="status">
          {done === 'passwordChanged' ? t('account.passwordChanged') : done === 'sessionEnded' ? t('account.sessionEnded') : t('account.othersEnded', { count: actionData?.count ?? 0 })}
        </p>
      ) : null}

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('account.passwordTitle')}</h2>
        <p>{t('account.passwordLead')}</p>
        <Form method="post" className="form" id="password" noValidate ref={passwordForm}>
          <ErrorSummary errors={errors} formId="password" params={{ count: actionData?.minutes }} />
          <input type="hidden" name="intent" value="password" />
          <Field
            id="password-currentPassword"
            label={t('account.currentPassword')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={errors?.currentPassword}
          />
          <Field
            id="password-newPassword"
            label={t('account.newPassword')}
            help={t('fields.passwordHelp')}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            error={errors?.newPassword}
          />
          <button type="submit" className="button" disabled={submittingIntent === 'password'}>
            {t('account.changePassword')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="sessions-title" className="account-sessions">
        <h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
        <p>{t('account.sessionsLead')}</p>
        <TableWrap>
          {/* Stacked into one card a session on phones (app.css); the roles keep it a table for screen readers. */}
          <table className="stack-table" role="table">
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('account.device')}</th>
                <th scope="col" role="columnheader">{t('account.signedIn')}</th>
                <th scope="col" role="columnheader">{t('account.expires')}</th>
                <th scope="col" role="columnheader">
                  <span className="visually-hidden">{t('account.session')}</span>
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {sessions.map((session) => (
                <tr key={session.id} role="row">
                  <th scope="row" role="rowheader">
                    {session.device ? <bdi dir="ltr">{session.device}</bdi> : t('account.unknownDevice')}
                  </th>
                  <td role="cell" data-label={t('account.signedIn')}>
                    {session.signedIn}
                  </td>
                  <td role="cell" data-label={t('account.expires')}>
                    {session.expires}
                  </td>
                  <td role="cell">
                    {session.current ? (
                      <span className="badge">{t('account.thisDevice')}</span>
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="end" />
                        <input type="hidden" name="sessionId" value={session.id} />
                        <button type="submit" className="button button--secondary button--small" disabled={submittingIntent === 'end'}>
                          {t('account.endSession')}
                          <span className="visually-hidden"> ({t('account.signedInAt', { when: session.signedIn })})</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {others.length > 0 ? (
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="endOthers" />
            <button type="submit" className="button button--secondary" disabled={submittingIntent === 'endOthers'}>
              {t('account.endOthers')}
            </button>
          </Form>
        ) : (
          <p>{t('account.noOthers')}</p>
        )}
      </section>
    </div>
  )
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireUser } from '#app/auth/guards.server.ts'
import { PASSWORD_MAX_LENGTH } from '#app/auth/password.ts'
import { clearedSessionCookie } from '#app/auth/session.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { ConfirmCheckbox, Field } from '#app/components/ui/field.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { deleteMyAccount } from '#app/privacy/delete-account.server.ts'
import { FORM_ERROR, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'

// "Your data": download everything Trellis holds about you, or delete your account.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const { t } = await getTranslator(request)
  return { title: t('myData.title') }
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  const errors: FieldErrors = {}
  if (form.get('confirm') !== 'yes') errors.confirm = 'myData.errors.confirm'
  const password = form.get('password')
  if (typeof password !== 'string' || password === '') errors.password = 'account.errors.currentRequired'
  if (Object.keys(errors).length > 0) return data({ errors, minutes: 0 }, { status: 400 })

  const result = await deleteMyAccount(user.id, String(password).slice(0, PASSWORD_MAX_LENGTH * 4), context.clientIp ?? 'unknown')
  if (!result.ok && result.reason === 'throttled') {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60))
    return data(
      {
        errors: { [FORM_ERROR]: 'errors.tooManyAttempts' } as FieldErrors,
        minutes,
      },
      {
        status: 429,
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
      },
    )
  }
  if (!result.ok && result.reason === 'password')
    return data(
      {
        errors: { password: 'account.errors.currentWrong' } as FieldErrors,
        minutes: 0,
      },
      { status: 400 },
    )
  if (!result.ok)
    return data(
      {
        errors: { [FORM_ERROR]: 'myData.errors.lastAdmin' } as FieldErrors,
        minutes: 0,
      },
      { status: 409 },
    )
  return redirect('/?deleted=1', {
    headers: { 'Set-Cookie': clearedSessionCookie(request) },
  })
}

export default function MyData() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors: FieldErrors | undefined = actionData?.errors
  return (
    <div className="page page--narrow">
      <Breadcrumbs
        items={[
          { label: t('profile.title'), to: '/me/profile' },
          { label: t('myData.title'), current: true },
        ]}
      />
      <h1>{t('myData.title')}</h1>
      <p className="lead">{t('myData.lead')}</p>
      <p>
        <Link to="/privacy">{t('myData.privacyLink')}</Link>
      </p>

      <section aria-labelledby="download-title">
        <h2 id="download-title">{t('myData.downloadTitle')}</h2>
        <p>{t('myData.downloadLead')}</p>
        <ul className="actions-list">
          <li>
            <a href="/me/data/trellis-my-data.json" download>
              {t('myData.downloadJson')}
            </a>
          </li>
          <li>
            <a href="/me/data/trellis-my-progress.csv" download>
              {t('myData.downloadCsv')}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="delete-title" className="danger-zone">
        <h2 id="delete-title">{t('myData.deleteTitle')}</h2>
        <p>{t('myData.deleteLead')}</p>
        <ul>
          <li>{t('myData.deleteRemoved')}</li>
          <li>{t('myData.deleteKept')}</li>
          <li>{t('myData.deleteCertificates')}</li>
        </ul>
        <Form method="post" className="form" id="delete-account" noValidate>
          <ErrorSummary errors={errors} formId="delete-account" params={{ count: actionData?.minutes }} />
          <Field
            id="delete-account-password"
            label={t('account.currentPassword')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={errors?.password}
          />
          <ConfirmCheckbox id="delete-account-confirm" label={t('myData.deleteConfirm')} error={errors?.confirm} />
          <button type="submit" className="button button--danger" disabled={submitting}>
            {t('myData.deleteSubmit')}
          </button>
        </Form>
      </section>
    </div>
  )
}

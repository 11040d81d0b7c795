import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { storedUserAgent } from '#app/auth/device.ts'
import { findResetLink, resetPassword } from '#app/auth/password-reset.server.ts'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#app/auth/password.ts'
import { redirectSignedIn } from '#app/auth/sign-in.server.ts'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { Field } from '#app/components/ui/field.tsx'
import { isLocale } from '#app/i18n/config.ts'
import { localeCookie } from '#app/i18n/i18n.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'

// The page a reset link opens: choose a new password. The link works once,
// for an hour; afterwards the page says so and offers a new one.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  // Someone already signed in who opens a link can use it too: it is the link that counts.
  const link = await findResetLink(params.token)
  return data(
    { title: t('reset.title'), state: link.state, email: link.state === 'valid' ? link.email : null },
    { status: link.state === 'valid' ? 200 : 410, headers: { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' } },
  )
}

export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  const password = form.get('password')
  const result = await resetPassword(params.token, typeof password === 'string' ? password.slice(0, PASSWORD_MAX_LENGTH * 4) : '', new Date(), storedUserAgent(request))
  if (!result.ok && result.reason === 'link') return data({ errors: null, state: result.state }, { status: 410 })
  if (!result.ok) return data({ errors: { password: result.error } as FieldErrors, state: 'valid' as const }, { status: 400 })
  const chosenHere = await localeCookie.parse(request.headers.get('Cookie'))
  const locale = !isLocale(chosenHere) && isLocale(result.preferredLocale) ? result.preferredLocale : null
  return redirectSignedIn(request, result.session, { locale, redirectTo: '/me?reset=1' })
}

export default function ResetPassword() {
  const { t } = useTranslation()
  const { state: loadedState, email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const state = actionData?.state ?? loadedState
  const errors: FieldErrors | undefined = actionData?.errors ?? undefined
  if (state !== 'valid') {
    return (
      <div className="page page--narrow">
        <h1>{t('reset.title')}</h1>
        <p className="notice" role="alert">
          {state === 'used' ? t('reset.linkUsed') : state === 'expired' ? t('reset.linkExpired') : t('reset.linkUnknown')}
        </p>
        <p>
          <Link to="/forgot-password" className="button">
            {t('reset.askAgain')}
          </Link>
        </p>
      </div>
    )
  }
  return (
    <div className="page page--narrow">
      <h1>{t('reset.title')}</h1>
      <p>{t('reset.lead')}</p>
      <Form method="post" className="form" id="reset" noValidate>
        <ErrorSummary errors={errors} formId="reset" />
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email ?? ''} readOnly hidden />
        <Field
          id="reset-password"
          label={t('account.newPassword')}
          help={t('fields.passwordHelp')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          error={errors?.password}
        />
        <button type="submit" className="button" disabled={submitting}>
          {t('reset.submit')}
        </button>
      </Form>
    </div>
  )
}

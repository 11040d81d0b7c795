import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { storedUserAgent } from '#app/auth/device.ts'
import { requireAnonymous } from '#app/auth/guards.server.ts'
import { login } from '#app/auth/login.server.ts'
import { loginSchema } from '#app/auth/profile.ts'
import { redirectSignedIn } from '#app/auth/sign-in.server.ts'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { Field } from '#app/components/ui/field.tsx'
import { isLocale } from '#app/i18n/config.ts'
import { localeCookie } from '#app/i18n/i18n.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { FORM_ERROR, parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const { t } = await getTranslator(request)
  return { title: t('login.title') }
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(loginSchema, await request.formData())
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const { email, password, redirectTo } = parsed.data
  const values = { email }

  const result = await login({ email, password, ip: context.clientIp ?? 'unknown', userAgent: storedUserAgent(request) })
  if (!result.ok && result.reason === 'throttled') {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60))
    return data(
      { errors: { [FORM_ERROR]: 'errors.tooManyAttempts' }, values, minutes },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  if (!result.ok && result.reason === 'deactivated') {
    return data({ errors: { [FORM_ERROR]: 'errors.accountDeactivated' }, values }, { status: 403 })
  }
  if (!result.ok) {
    return data({ errors: { [FORM_ERROR]: 'errors.invalidLogin' }, values }, { status: 400 })
  }

  // On a browser where no language was chosen yet, the profile's language applies.
  const chosenHere = await localeCookie.parse(request.headers.get('Cookie'))
  const locale = !isLocale(chosenHere) && isLocale(result.preferredLocale) ? result.preferredLocale : null
  return redirectSignedIn(request, result, { locale, redirectTo })
}

export default function Login() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const submitting = useNavigation().state === 'submitting'
  const errors: FieldErrors | undefined = actionData?.errors
  const minutes = actionData && 'minutes' in actionData ? actionData.minutes : undefined
  return (
    <div className="page page--narrow">
      <h1>{t('login.title')}</h1>
      {searchParams.get('redirectTo') ? (
        // Sent here from a page that needs an account (the second lesson of a course, say): say why, and offer one.
        <div className="notice" role="note">
          <p>{t('login.why')}</p>
          <p>
            <Link to={`/register?${new URLSearchParams({ redirectTo: searchParams.get('redirectTo')! })}`} className="button button--secondary">
              {t('login.createAccount')}
            </Link>
          </p>
        </div>
      ) : null}
      <Form method="post" className="form" id="login" noValidate>
        <ErrorSummary errors={errors} formId="login" params={{ count: minutes }} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          id="login-email"
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          dir="ltr"
          required
          defaultValue={actionData?.values?.email ?? ''}
          error={errors?.email}
        />
        <Field
          id="login-password"
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors?.password}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </Form>
      <p className="form-aside">
        <Link to="/forgot-password">{t('login.forgotLink')}</Link>
      </p>
      <p className="form-aside">
        {t('login.noAccount')} <Link to={`/register${searchParams.size ? `?${searchParams}` : ''}`}>{t('login.registerLink')}</Link>
      </p>
    </div>
  )
}

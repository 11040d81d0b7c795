import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryOptions } from '#app/auth/countries.server.ts'
import { storedUserAgent } from '#app/auth/device.ts'
import { requireAnonymous } from '#app/auth/guards.server.ts'
import { PASSWORD_MIN_LENGTH } from '#app/auth/password.ts'
import { registrationSchema } from '#app/auth/profile.ts'
import { register } from '#app/auth/register.server.ts'
import { redirectSignedIn } from '#app/auth/sign-in.server.ts'
import { ProfileFields } from '#app/components/profile-fields.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { Field } from '#app/components/ui/field.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { FORM_ERROR, formValues, parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const { t, locale } = await getTranslator(request)
  return { title: t('register.title'), locale, countries: countryOptions(locale) }
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const parsed = parseForm(registrationSchema, form)
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, values: parsed.values, minutes: 0 }, { status: 400 })

  const result = await register(parsed.data, storedUserAgent(request), context.clientIp ?? 'unknown')
  if (!result.ok && result.reason === 'throttled') {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60))
    return data(
      { errors: { [FORM_ERROR]: 'errors.tooManyRegistrations' } as FieldErrors, values: formValues(form), minutes },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  if (!result.ok) {
    return data({ errors: { email: 'errors.emailTaken' } as FieldErrors, values: formValues(form), minutes: 0 }, { status: 400 })
  }
  return redirectSignedIn(request, result, {
    locale: parsed.data.preferredLocale,
    redirectTo: form.get('redirectTo'),
  })
}

export default function Register() {
  const { t } = useTranslation()
  const { countries, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const submitting = useNavigation().state === 'submitting'
  const errors: FieldErrors | undefined = actionData?.errors
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('register.title')}</h1>
      <p className="lead">{t('register.lead')}</p>
      <Form method="post" className="form" id="register" noValidate>
        <ErrorSummary errors={errors} formId="register" params={{ count: actionData?.minutes }} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          id="register-displayName"
          label={t('fields.displayName')}
          help={t('fields.displayNameHelp')}
          name="displayName"
          autoComplete="name"
          dir="auto"
          required
          maxLength={100}
          defaultValue={values.displayName ?? ''}
          error={errors?.displayName}
        />
        <Field
          id="register-email"
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          dir="ltr"
          required
          defaultValue={values.email ?? ''}
          error={errors?.email}
        />
        <Field
          id="register-password"
          label={t('fields.password')}
          help={t('fields.passwordHelp')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          error={errors?.password}
        />
        <ProfileFields idPrefix="register" countries={countries} values={{ ...values, preferredLocale: values.preferredLocale ?? locale }} errors={errors} />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('register.submitting') : t('register.submit')}
        </button>
      </Form>
      <p className="form-aside">
        {t('register.haveAccount')} <Link to={`/login${searchParams.size ? `?${searchParams}` : ''}`}>{t('register.signInLink')}</Link>
      </p>
    </div>
  )
}

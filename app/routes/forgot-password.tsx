import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { requireAnonymous } from '#app/auth/guards.server.ts'
import { requestPasswordReset } from '#app/auth/password-reset.server.ts'
import { emailSchema } from '#app/auth/profile.ts'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { Field } from '#app/components/ui/field.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { emailLinkOrigin } from '#app/utils/public-url.server.ts'

// "Forgot your password?": asks for an email address and, whatever it is,
// says the same thing, so the page cannot be used to learn who is registered.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const { t } = await getTranslator(request)
  return { title: t('reset.requestTitle') }
}

export const meta = titleMeta

const schema = z.object({ email: emailSchema })

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(schema, await request.formData())
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sent: false }, { status: 400 })
  // Answered at once, the same for every address: the lookup, the link and
  // the email happen after, so the response time tells nothing either.
  void requestPasswordReset({ email: parsed.data.email, ip: context.clientIp ?? 'unknown', origin: emailLinkOrigin(request) }).catch(
    (error: unknown) => console.error('Could not send a password reset email:', error),
  )
  return data({ errors: null, values: { email: parsed.data.email }, sent: true })
}

export default function ForgotPassword() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors: FieldErrors | undefined = actionData?.errors ?? undefined
  return (
    <div className="page page--narrow">
      <h1>{t('reset.requestTitle')}</h1>
      {actionData?.sent ? (
        <div className="notice notice--success" role="status">
          <p>{t('reset.sent', { email: actionData.values.email })}</p>
          <p>{t('reset.sentNoMail')}</p>
        </div>
      ) : (
        <>
          <p>{t('reset.requestLead')}</p>
          <Form method="post" className="form" id="forgot" noValidate>
            <ErrorSummary errors={errors} formId="forgot" />
            <Field
              id="forgot-email"
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
            <button type="submit" className="button" disabled={submitting}>
              {t('reset.requestSubmit')}
            </button>
          </Form>
        </>
      )}
      <p className="form-aside">
        <Link to="/login">{t('reset.backToLogin')}</Link>
      </p>
    </div>
  )
}

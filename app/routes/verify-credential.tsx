import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { checkCredential } from '#app/certificates/credentials.server.ts'
import { CertificateDetails, CertificateStatusNotes } from '#app/components/certificate.tsx'
import { Field, TextAreaField } from '#app/components/ui/field.tsx'
import { findCourse } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { env } from '#app/utils/env.server.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { publicOrigin } from '#app/utils/public-url.server.ts'

// Anyone can check an Open Badges credential that Trellis issued: paste its
// JSON or upload the file. The proof must verify against Trellis's key (so any
// change to any statement fails), then the certificate's current status is read.

/** A credential is a few kilobytes; refuse anything far bigger before reading it. */
const MAX_BYTES = 256 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  return { title: t('credential.checkTitle') }
}

export const meta = titleMeta

type Errors = { credential?: string; email?: string }

export async function action({ request }: ActionFunctionArgs) {
  const { locale } = await getTranslator(request)
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_BYTES) {
    return data({ errors: { credential: 'credential.errors.tooLarge' } as Errors, values: { email: '' }, result: null }, { status: 413 })
  }
  const form = await request.formData()
  const file = form.get('file')
  const pasted = String(form.get('credential') ?? '').trim()
  const email = String(form.get('email') ?? '').trim()
  const values = { email }
  // Pasted text wins when both are given: it is what the person last worked on.
  const text = pasted || (file instanceof File && file.size > 0 ? (await file.text()).trim() : '')
  const errors: Errors = {}
  if (!text) errors.credential = 'credential.errors.empty'
  else if (text.length > MAX_BYTES) errors.credential = 'credential.errors.tooLarge'
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) errors.email = 'errors.emailInvalid'
  if (errors.credential || errors.email) return data({ errors, values, result: null }, { status: 400 })

  const check = await checkCredential(text, { origin: publicOrigin(request), email })
  if (check.outcome === 'unreadable') {
    return data({ errors: { credential: 'credential.errors.unreadable' } as Errors, values, result: null }, { status: 400 })
  }
  if (check.outcome !== 'verified') return { errors: null, values, result: { outcome: check.outcome } as const }

  const { certificate } = check
  const course = certificate ? findCourse(certificate.courseSlug) : null
  const title = course ? pickLocalized(course.meta.title, locale, course.meta.defaultLocale) : null
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: env.PROGRAMME_TIME_ZONE })
  return {
    errors: null,
    values,
    result: {
      outcome: 'verified' as const,
      status: check.status,
      emailMatches: check.emailMatches,
      issuer: env.ISSUER_NAME,
      certificate: certificate
        ? {
            id: certificate.id,
            kind: certificate.kind,
            issuer: env.ISSUER_NAME,
            recipientName: certificate.recipientName,
            course: title ? { text: title.value, lang: title.locale } : { text: certificate.courseSlug, lang: locale },
            completedOn: date.format(certificate.completedAt),
            revokedOn: certificate.revokedAt ? date.format(certificate.revokedAt) : null,
            revokedReason: certificate.revokedReason,
            supersededBy: certificate.supersededBy,
          }
        : null,
    },
  }
}

export default function VerifyCredential() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors: Errors = actionData?.errors ?? {}
  const result = actionData?.result
  return (
    <div className="page page--reading verify">
      <h1>{t('credential.checkTitle')}</h1>
      <p className="lead">{t('credential.checkLead')}</p>
      {result ? <CheckResult result={result} /> : null}
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <TextAreaField
          id="credential-text"
          label={t('credential.paste')}
          help={t('credential.pasteHelp')}
          name="credential"
          rows={8}
          dir="ltr"
          spellCheck={false}
          error={errors.credential}
        />
        <Field id="credential-file" label={t('credential.upload')} name="file" type="file" accept=".json,.jsonld,application/json,application/ld+json" />
        <Field
          id="credential-email"
          label={t('credential.email')}
          help={t('credential.emailHelp')}
          name="email"
          type="email"
          dir="ltr"
          autoComplete="off"
          defaultValue={actionData?.values.email ?? ''}
          error={errors.email}
        />
        <button type="submit" className="button" disabled={submitting}>
          {t('credential.check')}
        </button>
      </Form>
    </div>
  )
}

type Result = NonNullable<NonNullable<ReturnType<typeof useActionData<typeof action>>>['result']>

function CheckResult({ result }: { result: Result }) {
  const { t } = useTranslation()
  if (result.outcome !== 'verified') {
    return (
      <div className="score score--failed" role="status">
        <p className="score__value">
          <span aria-hidden="true">✗ </span>
          {t(`credential.outcome.${result.outcome}`)}
        </p>
        <p>{t(`credential.outcomeDetail.${result.outcome}`)}</p>
      </div>
    )
  }
  const { certificate, status } = result
  const valid = status === 'valid'
  return (
    <div className={valid ? 'score score--passed' : 'score score--failed'} role="status">
      <p className="score__value">
        <span aria-hidden="true">{valid ? '✓ ' : '✗ '}</span>
        {t(`credential.outcome.${status}`)}
      </p>
      <p>{t('credential.signatureChecks', { issuer: result.issuer })}</p>
      {certificate ? (
        <>
          <CertificateStatusNotes certificate={certificate} />
          <CertificateDetails certificate={certificate} linkNumber />
        </>
      ) : null}
      {result.emailMatches === null ? null : (
        <p>{t(result.emailMatches ? 'credential.emailMatches' : 'credential.emailDiffers')}</p>
      )}
    </div>
  )
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getUser, requireRole } from '#app/auth/guards.server.ts'
import { hasRole } from '#app/auth/roles.ts'
import { REVOCATION_REASONS, certificateStatus, isCertificateId } from '#app/certificates/certificate.ts'
import { getCertificate, revokeCertificate } from '#app/certificates/certificates.server.ts'
import { findCourse } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { env } from '#app/utils/env.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'

// The public verification page of a certificate: anyone with the link (or the
// QR code) can check it, without signing in. It shows no email or other
// personal data beyond the name printed on the certificate.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, locale } = await getTranslator(request)
  const certificate = isCertificateId(params.id) ? await getCertificate(params.id) : null
  invariantResponse(certificate, 'Certificate not found')
  const course = findCourse(certificate.courseSlug)
  const title = course ? pickLocalized(course.meta.title, locale, course.meta.defaultLocale) : null
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' })
  const user = await getUser(request)
  return {
    title: t('certificate.verifyTitle'),
    certificate: {
      id: certificate.id,
      status: certificateStatus(certificate),
      recipientName: certificate.recipientName,
      course: title ? { text: title.value, lang: title.locale } : { text: certificate.courseSlug, lang: locale },
      completedOn: date.format(certificate.completedAt),
      issuer: env.ISSUER_NAME,
      revokedOn: certificate.revokedAt ? date.format(certificate.revokedAt) : null,
      revokedReason: certificate.revokedReason,
      supersededBy: certificate.supersededBy,
    },
    canRevoke: Boolean(user && hasRole(user.role, 'admin') && !certificate.revokedAt),
  }
}

export const meta = titleMeta

/** Admins revoke a certificate with a reason; the page then says so to everyone. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, 'admin')
  invariantResponse(isCertificateId(params.id))
  const form = await request.formData()
  const reason = form.get('reason')
  invariantResponse(
    typeof reason === 'string' && (REVOCATION_REASONS as readonly string[]).includes(reason),
    'Choose a reason',
    { status: 400 },
  )
  await revokeCertificate(params.id, reason as (typeof REVOCATION_REASONS)[number])
  return redirect(`/verify/${params.id}`)
}

export default function Verify() {
  const { t } = useTranslation()
  const { certificate, canRevoke } = useLoaderData<typeof loader>()
  const valid = certificate.status === 'valid'
  return (
    <div className="page page--reading verify">
      <h1>{t('certificate.verifyTitle')}</h1>
      <div className={valid ? 'score score--passed' : 'score score--failed'} role="status">
        <p className="score__value">
          <span aria-hidden="true">{valid ? '✓ ' : '✗ '}</span>
          {t(`certificate.status.${certificate.status}`)}
        </p>
        {certificate.status === 'revoked' ? (
          <p>
            {t('certificate.revokedOn', { date: certificate.revokedOn })} ·{' '}
            {t(`certificate.reasons.${certificate.revokedReason ?? 'other'}`)}
          </p>
        ) : null}
        {certificate.supersededBy ? (
          <p>
            <Link to={`/verify/${certificate.supersededBy}`}>{t('certificate.seeNew')}</Link>
          </p>
        ) : null}
      </div>
      <dl className="details-list">
        <dt>{t('certificate.recipient')}</dt>
        <dd>
          <bdi>{certificate.recipientName}</bdi>
        </dd>
        <dt>{t('certificate.course')}</dt>
        <dd lang={certificate.course.lang}>{certificate.course.text}</dd>
        <dt>{t('certificate.completedOn')}</dt>
        <dd>{certificate.completedOn}</dd>
        <dt>{t('certificate.issuer')}</dt>
        <dd>
          <bdi>{certificate.issuer}</bdi>
        </dd>
        <dt>{t('certificate.id')}</dt>
        <dd>
          <code dir="ltr">{certificate.id}</code>
        </dd>
      </dl>
      {canRevoke ? (
        <Form method="post" className="form revoke">
          <h2>{t('certificate.revokeTitle')}</h2>
          <div className="field">
            <label htmlFor="revoke-reason">{t('certificate.reason')}</label>
            <select id="revoke-reason" name="reason" required>
              {REVOCATION_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`certificate.reasons.${reason}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('certificate.revoke')}
          </button>
        </Form>
      ) : null}
    </div>
  )
}

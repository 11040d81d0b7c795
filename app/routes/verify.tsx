import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '#app/admin/audit.server.ts'
import { getUser, requireRole, requireUser } from '#app/auth/guards.server.ts'
import { hasRole } from '#app/auth/roles.ts'
import { REVOCATION_REASONS, certificateStatus, isCertificateId, recipientDeleted } from '#app/certificates/certificate.ts'
import { getCertificate, reissueCertificate, revokeCertificate } from '#app/certificates/certificates.server.ts'
import { CertificateDetails, CertificateStatusNotes } from '#app/components/certificate.tsx'
import { TransWithUserText } from '#app/components/user-text.tsx'
import { findCourse } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { env } from '#app/utils/env.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { transaction } from '#app/utils/db.server.ts'

// The public verification page of a certificate: anyone with the link (or the
// QR code) can check it, without signing in. It shows no email or other
// personal data beyond the name printed on the certificate.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, locale } = await getTranslator(request)
  const certificate = isCertificateId(params.id) ? await getCertificate(params.id) : null
  invariantResponse(certificate, 'Certificate not found')
  const course = findCourse(certificate.courseSlug)
  const title = course ? pickLocalized(course.meta.title, locale, course.meta.defaultLocale) : null
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: env.PROGRAMME_TIME_ZONE })
  const user = await getUser(request)
  return {
    title: t('certificate.verifyTitle'),
    certificate: {
      id: certificate.id,
      status: certificateStatus(certificate),
      kind: certificate.kind,
      recipientName: certificate.recipientName,
      course: title ? { text: title.value, lang: title.locale } : { text: certificate.courseSlug, lang: locale },
      completedOn: date.format(certificate.completedAt),
      issuer: env.ISSUER_NAME,
      revokedOn: certificate.revokedAt ? date.format(certificate.revokedAt) : null,
      revokedReason: certificate.revokedReason,
      supersededBy: certificate.supersededBy,
    },
    canRevoke: Boolean(user && hasRole(user.role, 'admin') && !certificate.revokedAt),
    // Its owner (or an admin) can take the signed Open Badge; it carries a hash of their email.
    // Its owner, after changing their name, can have it reissued under the new one.
    reissueAs:
      user && user.id === certificate.userId && certificateStatus(certificate) === 'valid' && user.displayName !== certificate.recipientName
        ? user.displayName
        : null,
    canDownloadBadge: Boolean(
      user && (user.id === certificate.userId || hasRole(user.role, 'admin')) && certificateStatus(certificate) === 'valid' && !recipientDeleted(certificate),
    ),
  }
}

export const meta = titleMeta

/**
 * Admins revoke a certificate with a reason; the page then says so to everyone.
 * Its owner can ask for a reissue under their current name.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  invariantResponse(isCertificateId(params.id))
  const form = await request.formData()
  if (form.get('intent') === 'reissue') {
    const user = await requireUser(request)
    const result = await reissueCertificate(params.id, user.id)
    invariantResponse(result.ok || result.reason !== 'not-found', 'Certificate not found')
    return redirect(`/verify/${result.ok ? result.id : params.id}`)
  }
  const admin = await requireRole(request, 'admin')
  const reason = form.get('reason')
  invariantResponse(
    typeof reason === 'string' && (REVOCATION_REASONS as readonly string[]).includes(reason),
    'Choose a reason',
    { status: 400 },
  )
  await transaction(async () => {
    const revoked = await revokeCertificate(params.id!, reason as (typeof REVOCATION_REASONS)[number])
    if (revoked) {
      const label = `${params.id} · ${revoked.recipientName}`
      await recordAudit(admin, 'certificate.revoked', { type: 'certificate', id: params.id, label }, { reason, course: revoked.courseSlug })
    }
  })
  return redirect(`/verify/${params.id}`)
}

export default function Verify() {
  const { t } = useTranslation()
  const { certificate, canRevoke, canDownloadBadge, reissueAs } = useLoaderData<typeof loader>()
  const valid = certificate.status === 'valid'
  return (
    <div className="page page--reading verify">
      <h1>{t('certificate.verifyTitle')}</h1>
      <div className={valid ? 'score score--passed' : 'score score--failed'} role="status">
        <p className="score__value">
          <span aria-hidden="true">{valid ? '✓ ' : '✗ '}</span>
          {t(`certificate.status.${certificate.status}`)}
        </p>
        <CertificateStatusNotes certificate={certificate} />
      </div>
      <CertificateDetails certificate={certificate} />
      {reissueAs ? (
        <Form method="post" className="notice reissue">
          <p>
            <TransWithUserText i18nKey="certificate.reissueBody" values={{ name: reissueAs }} />
          </p>
          <button type="submit" name="intent" value="reissue" className="button button--secondary">
            {t('certificate.reissue')}
          </button>
        </Form>
      ) : null}
      <ul className="actions-list">
        {certificate.status === 'valid' && certificate.recipientName !== '' ? (
          <li>
            <a href={`/certificates/${certificate.id}/certificate.pdf`} download>
              {t('certificatePdf.downloadPdf')}
            </a>
          </li>
        ) : null}
        {canDownloadBadge ? (
          <li>
            <a href={`/certificates/${certificate.id}/credential.json`} download>
              {t('credential.download')}
            </a>
          </li>
        ) : null}
        <li>
          <Link to="/verify">{t('credential.checkLink')}</Link>
        </li>
      </ul>
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

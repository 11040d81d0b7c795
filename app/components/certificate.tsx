import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { langDir } from '#app/i18n/config.ts'

export type CertificateSummary = {
  id: string
  kind: string
  recipientName: string
  course: { text: string; lang: string }
  completedOn: string
  issuer: string
}

/** What a certificate states: name, course (or trainer certification), date, issuer, number. */
export function CertificateDetails({ certificate, linkNumber = false }: { certificate: CertificateSummary; linkNumber?: boolean }) {
  const { t } = useTranslation()
  return (
    <dl className="details-list">
      <dt>{t('certificate.recipient')}</dt>
      <dd>{certificate.recipientName === '' ? <em>{t('certificate.deletedAccount')}</em> : <bdi>{certificate.recipientName}</bdi>}</dd>
      <dt>{t('certificate.course')}</dt>
      <dd {...langDir(certificate.course.lang)}>
        {certificate.kind === 'trainer' ? t('credential.trainerName', { course: certificate.course.text }) : certificate.course.text}
      </dd>
      <dt>{t('certificate.completedOn')}</dt>
      <dd>{certificate.completedOn}</dd>
      <dt>{t('certificate.issuer')}</dt>
      <dd>
        <bdi>{certificate.issuer}</bdi>
      </dd>
      <dt>{t('certificate.id')}</dt>
      <dd>
        {linkNumber ? (
          <Link to={`/verify/${certificate.id}`} dir="ltr">
            <code>{certificate.id}</code>
          </Link>
        ) : (
          <code dir="ltr">{certificate.id}</code>
        )}
      </dd>
    </dl>
  )
}

/** Why a certificate no longer stands: revoked (date, reason) or replaced (link to the new one). */
export function CertificateStatusNotes({
  certificate,
}: {
  certificate: { revokedOn: string | null; revokedReason: string | null; supersededBy: string | null }
}) {
  const { t } = useTranslation()
  return (
    <>
      {certificate.revokedOn && !certificate.supersededBy ? (
        <p>
          {t('certificate.revokedOn', { date: certificate.revokedOn })} · {t(`certificate.reasons.${certificate.revokedReason ?? 'other'}`)}
        </p>
      ) : null}
      {certificate.supersededBy ? (
        <p>
          <Link to={`/verify/${certificate.supersededBy}`}>{t('certificate.seeNew')}</Link>
        </p>
      ) : null}
    </>
  )
}

/** "View certificate" and, while it is valid, "Download PDF" (My learning, course pages). */
export function CertificateLinks({ certificate }: { certificate: { id: string; valid: boolean } }) {
  const { t } = useTranslation()
  return (
    <>
      <Link to={`/verify/${certificate.id}`}>{t('certificate.view')}</Link>
      {certificate.valid ? (
        <>
          {' · '}
          <a href={`/certificates/${certificate.id}/certificate.pdf`} download>
            {t('certificatePdf.downloadPdf')}
          </a>
        </>
      ) : (
        <> · {t('certificate.status.revoked')}</>
      )}
    </>
  )
}

import { isRouteErrorResponse, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** The 403, 404 and error pages, in the reader's language, never a stack trace. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const kind = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status < 500 ? 'badRequest' : 'server'
  return (
    <div className="page page--narrow error-page">
      <p className="error-page__status">{t('errors.status', { status })}</p>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <Link to="/" className="button">
          {t('errors.home')}
        </Link>
      </p>
    </div>
  )
}

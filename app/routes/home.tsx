import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getTranslator } from '#app/i18n/t.server.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { useOptionalUser } from '#app/utils/root-data.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  return { title: t('home.title') }
}

export const meta = titleMeta

const FEATURES = ['courses', 'certificates', 'cascade', 'reports'] as const

export default function Home() {
  const { t } = useTranslation()
  const user = useOptionalUser()
  const [searchParams] = useSearchParams()
  return (
    <div className="page">
      {searchParams.get('deleted') === '1' && !user ? (
        <p className="notice notice--success" role="status">
          {t('myData.deleted')}
        </p>
      ) : null}
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('home.heading')}</h1>
        <p className="hero__lead">{t('home.lead')}</p>
        <div className="actions">
          <Link to="/courses" className="button">
            {t('home.browseCourses')}
          </Link>
          {user ? (
            <Link to="/me" className="button button--secondary">
              {t('nav.myLearning')}
            </Link>
          ) : (
            <Link to="/register" className="button button--secondary">
              {t('home.createAccount')}
            </Link>
          )}
        </div>
      </section>
      <section aria-labelledby="offers-title">
        <h2 id="offers-title">{t('home.offersTitle')}</h2>
        <ul className="feature-grid">
          {FEATURES.map((feature) => (
            <li key={feature} className="card">
              <h3>{t(`home.features.${feature}.title`)}</h3>
              <p>{t(`home.features.${feature}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="note" aria-labelledby="audience-title">
        <h2 id="audience-title">{t('home.audienceTitle')}</h2>
        <p>{t('home.audienceBody')}</p>
      </section>
    </div>
  )
}

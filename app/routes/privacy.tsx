import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getTranslator } from '#app/i18n/t.server.ts'
import { env } from '#app/utils/env.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

// The privacy page, in plain words: what Trellis keeps, why, who sees it,
// and what a person can do about it.
export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  return { title: t('privacy.title'), issuer: env.ISSUER_NAME }
}

export const meta = titleMeta

export const PRIVACY_SECTIONS = ['collect', 'why', 'notCollected', 'who', 'certificates', 'keep', 'rights', 'delete', 'contact'] as const

export default function Privacy() {
  const { t } = useTranslation()
  const { issuer } = useLoaderData<typeof loader>()
  return (
    <div className="page page--reading privacy">
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.lead', { issuer })}</p>
      {PRIVACY_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`}>
          <h2 id={`privacy-${section}`}>{t(`privacy.sections.${section}.title`)}</h2>
          <p>{t(`privacy.sections.${section}.body`, { issuer })}</p>
        </section>
      ))}
      <p>
        <Link to="/me/data" className="button">
          {t('privacy.yourData')}
        </Link>
      </p>
    </div>
  )
}

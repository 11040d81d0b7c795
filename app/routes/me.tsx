import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '#app/auth/countries.server.ts'
import { requireUser } from '#app/auth/guards.server.ts'
import { LOCALE_NAMES, isLocale } from '#app/i18n/config.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, locale } = await getTranslator(request)
  return {
    title: t('me.title'),
    profile: {
      displayName: user.displayName,
      email: user.email,
      country: countryName(user.country, locale),
      stakeholderGroup: user.stakeholderGroup,
      organisation: user.organisation,
      language: isLocale(user.preferredLocale) ? LOCALE_NAMES[user.preferredLocale] : user.preferredLocale,
      role: user.role,
    },
  }
}

export const meta = titleMeta

export default function Me() {
  const { t } = useTranslation()
  const { profile } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('me.title')}</h1>
      <p className="lead">
        {t('me.welcome')} <bdi>{profile.displayName}</bdi>
      </p>
      <section aria-labelledby="in-progress-title">
        <h2 id="in-progress-title">{t('me.inProgress')}</h2>
        <div className="empty-state">
          <p>{t('me.emptyInProgress')}</p>
          <Link to="/courses" className="button">
            {t('home.browseCourses')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('me.profile')}</h2>
        <dl className="details-list">
          <dt>{t('fields.displayName')}</dt>
          <dd>
            <bdi>{profile.displayName}</bdi>
          </dd>
          <dt>{t('fields.email')}</dt>
          <dd>
            <bdi dir="ltr">{profile.email}</bdi>
          </dd>
          <dt>{t('fields.country')}</dt>
          <dd>{profile.country}</dd>
          <dt>{t('fields.stakeholderGroupShort')}</dt>
          <dd>{t(`groups.${profile.stakeholderGroup}`)}</dd>
          {profile.organisation ? (
            <>
              <dt>{t('fields.organisation')}</dt>
              <dd>
                <bdi>{profile.organisation}</bdi>
              </dd>
            </>
          ) : null}
          <dt>{t('fields.preferredLocale')}</dt>
          <dd>{profile.language}</dd>
          <dt>{t('fields.role')}</dt>
          <dd>{t(`roles.${profile.role}`)}</dd>
        </dl>
      </section>
    </div>
  )
}

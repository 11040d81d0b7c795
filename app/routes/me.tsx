import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '#app/auth/countries.server.ts'
import { requireUser } from '#app/auth/guards.server.ts'
import { isLocale, langDir, LOCALE_NAMES } from '#app/i18n/config.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { CertificateLinks } from '#app/components/certificate.tsx'
import { ProgressBar } from '#app/components/progress-bar.tsx'
import { getMyLearning } from '#app/learning/my-learning.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, locale } = await getTranslator(request)
  return {
    title: t('me.title'),
    learning: await getMyLearning(user.id, locale),
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
  const { profile, learning } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  return (
    <div className="page">
      <h1>{t('me.title')}</h1>
      {searchParams.get('reset') === '1' ? (
        <p className="notice notice--success" role="status">
          {t('reset.done')}
        </p>
      ) : null}
      <p className="lead">
        {t('me.welcome')} <bdi>{profile.displayName}</bdi>
      </p>
      <section aria-labelledby="in-progress-title">
        <h2 id="in-progress-title">{t('me.inProgress')}</h2>
        {learning.inProgress.length === 0 ? (
          <div className="empty-state">
            <p>{t('me.emptyInProgress')}</p>
            <Link to="/courses" className="button">
              {t('home.browseCourses')}
            </Link>
          </div>
        ) : (
          <ul className="my-courses">
            {learning.inProgress.map((course) => (
              <li key={course.slug} className="card">
                <h3 {...langDir(course.title.lang)}>
                  <Link to={`/courses/${course.slug}`}>{course.title.text}</Link>
                </h3>
                <ProgressBar done={course.done} total={course.total} percent={course.percent} />
                {course.next ? (
                  <p>
                    <Link to={course.next.url} className="button button--small">
                      {t('learning.continue')}
                    </Link>{' '}
                    <span className="outline__meta">
                      {t('me.next')} <span {...langDir(course.next.title.lang)}>{course.next.title.text}</span>
                    </span>
                  </p>
                ) : (
                  <p className="outline__meta">{t('learning.quizzesLeft')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="completed-title">
        <h2 id="completed-title">{t('me.completedTitle')}</h2>
        {learning.completed.length === 0 ? (
          <p className="outline__meta">{t('me.emptyCompleted')}</p>
        ) : (
          <ul className="my-courses">
            {learning.completed.map((course) => (
              <li key={course.slug} className="card">
                <h3 {...langDir(course.title.lang)}>
                  <Link to={`/courses/${course.slug}`}>{course.title.text}</Link>
                </h3>
                <p className="status status--done">
                  <span aria-hidden="true">✓ </span>
                  {t('learning.courseCompletedOn', { date: course.completedOn })}
                </p>
                {course.certificate ? (
                  <p>
                    <CertificateLinks certificate={course.certificate} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {learning.trainerCertificates.length > 0 ? (
        <section aria-labelledby="trainer-title">
          <h2 id="trainer-title">{t('me.trainerTitle')}</h2>
          <ul className="my-courses">
            {learning.trainerCertificates.map((certificate) => (
              <li key={certificate.id} className="card">
                <h3 {...langDir(certificate.course.lang)}>{t('credential.trainerName', { course: certificate.course.text })}</h3>
                <p className="status status--done">
                  <span aria-hidden="true">✓ </span>
                  {t('me.certifiedOn', { date: certificate.certifiedOn })}
                </p>
                <p>
                  <CertificateLinks certificate={certificate} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
        <p>
          <Link to="/me/profile">{t('me.editProfile')}</Link>
        </p>
      </section>
    </div>
  )
}


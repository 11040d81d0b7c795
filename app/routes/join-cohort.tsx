import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '#app/auth/countries.server.ts'
import { getUser, requireUser } from '#app/auth/guards.server.ts'
import { langDir } from '#app/i18n/config.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { formatDayRange, isInviteCode } from '#app/reporting/cohorts.ts'
import { findCohortByInviteCode, isCohortMember, joinCohortByCode, totCourses } from '#app/reporting/cohorts.server.ts'
import { dateToDay } from '#app/reporting/dates.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { TransWithUserText } from '#app/components/user-text.tsx'

// A cohort's invite link: an educator signs in (or creates an account) and
// joins with one click. Anyone with the link sees the cohort's name, country
// and dates, nothing about its members.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohort = isInviteCode(params.code) ? await findCohortByInviteCode(params.code) : null
  invariantResponse(cohort, 'Cohort not found')
  const { t, locale } = await getTranslator(request)
  const user = await getUser(request)
  const member = user ? await isCohortMember(cohort.id, user.id) : false
  const course = totCourses(locale).find((c) => c.slug === cohort.courseSlug)
  return {
    title: member ? cohort.name : t('cohorts.join.title', { name: cohort.name }),
    here: `/join/${params.code}`,
    cohort: {
      name: cohort.name,
      country: countryName(cohort.country, locale),
      dates: formatDayRange(dateToDay(cohort.startsOn), dateToDay(cohort.endsOn), locale),
      course: { url: `/courses/${cohort.courseSlug}`, title: course?.title ?? { text: cohort.courseSlug, lang: locale } },
    },
    user: user ? { displayName: user.displayName } : null,
    member,
    joined: member && new URL(request.url).searchParams.has('joined'),
  }
}

export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  invariantResponse(isInviteCode(params.code), 'Cohort not found')
  const result = await joinCohortByCode(params.code, user.id)
  invariantResponse(result.ok, 'Cohort not found')
  return redirect(`/join/${params.code}?joined=1`)
}

export default function JoinCohort() {
  const { t } = useTranslation()
  const { cohort, user, member, joined, here } = useLoaderData<typeof loader>()
  const submitting = useNavigation().state === 'submitting'
  const back = new URLSearchParams({ redirectTo: here })
  return (
    <div className="page page--reading">
      <p className="cohort-kicker">{t('cohorts.kicker')}</p>
      <h1>
        <bdi>{cohort.name}</bdi>
      </h1>
      <dl className="details-list cohort-details">
        <dt>{t('fields.country')}</dt>
        <dd>{cohort.country}</dd>
        <dt>{t('cohorts.columns.dates')}</dt>
        <dd>{cohort.dates}</dd>
        <dt>{t('cohorts.fields.course')}</dt>
        <dd {...langDir(cohort.course.title.lang)}>{cohort.course.title.text}</dd>
      </dl>
      {member ? (
        <div className="notice notice--success cohort-joined" role="status">
          <h2>{joined ? <TransWithUserText i18nKey="cohorts.join.joined" values={{ name: cohort.name }} /> : t('cohorts.join.alreadyMember')}</h2>
          <p>{t('cohorts.join.next')}</p>
          <p>
            <Link to={cohort.course.url} className="button">
              {t('cohorts.join.startCourse')}
            </Link>
          </p>
        </div>
      ) : user ? (
        <Form method="post" className="form">
          <p>
            <TransWithUserText i18nKey="cohorts.join.signedInAs" values={{ name: user.displayName }} />
          </p>
          <p>{t('cohorts.join.explain')}</p>
          <button type="submit" className="button" disabled={submitting}>
            <TransWithUserText i18nKey="cohorts.join.button" values={{ name: cohort.name }} />
          </button>
        </Form>
      ) : (
        <div className="cohort-signin">
          <p>{t('cohorts.join.explain')}</p>
          <p>{t('cohorts.join.signInFirst')}</p>
          <p className="actions">
            <Link to={`/login?${back}`} className="button">
              {t('cohorts.join.signIn')}
            </Link>
            <Link to={`/register?${back}`} className="button button--secondary">
              {t('cohorts.join.register')}
            </Link>
          </p>
        </div>
      )}
    </div>
  )
}

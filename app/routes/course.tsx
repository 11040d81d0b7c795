import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { getUser, requireUser } from '#app/auth/guards.server.ts'
import { CertificateLinks } from '#app/components/certificate.tsx'
import { ProgressBar } from '#app/components/progress-bar.tsx'
import { certificatesByCourse } from '#app/certificates/certificates.server.ts'
import { findCourse, getCourse, lessonUrl } from '#app/content/catalog.server.ts'
import { langDir } from '#app/i18n/config.ts'
import { enrol, getCourseProgress } from '#app/learning/progress.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { env } from '#app/utils/env.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await getTranslator(request)
  const course = getCourse(params.course ?? '', locale)
  invariantResponse(course)
  const user = await getUser(request)
  const progress = user ? await getCourseProgress(user.id, findCourse(course.slug)!) : null
  const lessons = course.modules.flatMap((m) => m.lessons)
  const passed = new Set(progress?.passedQuizIds ?? [])
  const nextUrl = progress?.nextLessonId
    ? (lessons.find((l) => l.id === progress.nextLessonId)?.url ?? null)
    : (course.modules.find((m) => m.quiz && !passed.has(m.quiz.id))?.quiz?.url ?? null)
  const completedOn = progress?.completedAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: env.PROGRAMME_TIME_ZONE }).format(progress.completedAt)
    : null
  const found = user && progress?.completedAt ? (await certificatesByCourse(user.id)).get(course.slug) : undefined
  const certificate = found ? { id: found.id, valid: !found.revokedAt } : null
  return { title: course.title.text, course, progress, nextUrl, completedOn, certificate, signedIn: Boolean(user) }
}

export const meta = titleMeta

/** "Start the course": enrols the learner and opens the first unfinished lesson. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const course = findCourse(params.course ?? '')
  invariantResponse(course)
  await enrol(user.id, course.slug)
  const progress = await getCourseProgress(user.id, course)
  const next = course.modules.flatMap((m) => m.lessons).find((l) => l.id === progress.nextLessonId)
  return redirect(next ? lessonUrl(course.slug, next) : `/courses/${course.slug}`)
}

export default function Course() {
  const { t } = useTranslation()
  const { course, progress, nextUrl, completedOn, certificate, signedIn } = useLoaderData<typeof loader>()
  const completed = new Set([...(progress?.completedLessonIds ?? []), ...(progress?.passedQuizIds ?? [])])
  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('courses.title'), to: '/courses' },
          { label: course.title.text, lang: course.title.lang, current: true },
        ]}
      />
      <div className="course-header">
        <h1 {...langDir(course.title.lang)}>{course.title.text}</h1>
        <p className="lead" {...langDir(course.summary.lang)}>
          {course.summary.text}
        </p>
        <p className="course-header__facts">
          {t('course.hours', { count: course.estimatedHours })} · {t('course.modules', { count: course.modules.length })} ·{' '}
          {t('course.lessons', { count: course.lessonCount })} · {course.audience.map((g) => t(`groups.${g}`)).join(', ')}
        </p>
        {course.translatedLessons < course.lessonCount ? (
          <p className="notice">{t('course.partlyTranslated', { count: course.translatedLessons, total: course.lessonCount })}</p>
        ) : null}
        {progress?.enrolled ? (
          <div className="course-progress">
            <ProgressBar done={progress.done} total={progress.total} percent={progress.percent} />
            {progress.completedAt ? (
              <p className="status status--done">
                <span aria-hidden="true">✓ </span>
                {t('learning.courseCompletedOn', { date: completedOn })}
                {certificate ? (
                  <>
                    {' · '}
                    <CertificateLinks certificate={certificate} />
                  </>
                ) : null}
              </p>
            ) : nextUrl ? (
              <p>
                <Link to={nextUrl} className="button">
                  {t('learning.continue')}
                </Link>
              </p>
            ) : (
              <p className="notice">{t('learning.quizzesLeft')}</p>
            )}
          </div>
        ) : course.firstLessonUrl ? (
          signedIn ? (
            <Form method="post">
              <button type="submit" className="button">
                {t('course.start')}
              </button>
            </Form>
          ) : (
            <p>
              <Link to={course.firstLessonUrl} className="button">
                {t('course.start')}
              </Link>
            </p>
          )
        ) : null}
      </div>
      {course.objectives ? (
        <section aria-labelledby="objectives-title">
          <h2 id="objectives-title">{t('course.objectives')}</h2>
          <ul className="objectives" {...langDir(course.objectives.lang)}>
            {course.objectives.items.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="outline-title">
        <h2 id="outline-title">{t('course.outline')}</h2>
        <ol className="module-list">
          {course.modules.map((module, index) => (
            <li key={module.slug} className="card module-card">
              <h3 {...langDir(module.title.lang)}>
                <span className="outline__number">{t('course.moduleNumber', { number: index + 1 })}</span>
                {module.title.text}
              </h3>
              {module.summary ? <p {...langDir(module.summary.lang)}>{module.summary.text}</p> : null}
              <ol className="lesson-list">
                {module.lessons.map((lesson) => (
                  <li key={lesson.id}>
                    {completed.has(lesson.id) ? (
                      <span className="tick" aria-hidden="true">
                        ✓{' '}
                      </span>
                    ) : null}
                    <Link to={lesson.url} {...langDir(lesson.title.lang)}>
                      {lesson.title.text}
                    </Link>
                    {completed.has(lesson.id) ? <span className="visually-hidden"> ({t('learning.completed')})</span> : null}{' '}
                    <span className="outline__meta">
                      {t('lesson.minutes', { count: lesson.minutes })}
                      {lesson.translated ? null : ` · ${t('course.notTranslated')}`}
                    </span>
                  </li>
                ))}
                {module.quiz ? (
                  <li className="outline__quiz">
                    {completed.has(module.quiz.id) ? (
                      <span className="tick" aria-hidden="true">
                        ✓{' '}
                      </span>
                    ) : null}
                    <Link to={module.quiz.url} {...langDir(module.quiz.title.lang)}>
                      {module.quiz.title.text}
                    </Link>
                    {completed.has(module.quiz.id) ? <span className="visually-hidden"> ({t('quiz.passed')})</span> : null}{' '}
                    <span className="outline__meta">{t('course.questions', { count: module.quiz.questions })}</span>
                  </li>
                ) : null}
              </ol>
            </li>
          ))}
        </ol>
      </section>
      {course.hasGlossary ? (
        <p>
          <Link to={`/courses/${course.slug}/glossary`}>{t('glossary.link')}</Link>
        </p>
      ) : null}
    </div>
  )
}

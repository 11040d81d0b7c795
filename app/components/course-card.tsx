import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CourseCard as CourseCardData } from '#app/content/catalog.server.ts'
import { langDir, LOCALE_NAMES } from '#app/i18n/config.ts'

export function CourseCard({ course }: { course: CourseCardData }) {
  const { t } = useTranslation()
  return (
    <article className="card course-card" aria-labelledby={`course-${course.slug}`}>
      <h2 id={`course-${course.slug}`} className="course-card__title" {...langDir(course.title.lang)}>
        <Link to={`/courses/${course.slug}`}>{course.title.text}</Link>
      </h2>
      <p {...langDir(course.summary.lang)}>{course.summary.text}</p>
      <dl className="course-card__facts">
        <div>
          <dt>{t('course.audience')}</dt>
          <dd>{course.audience.map((group) => t(`groups.${group}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('course.duration')}</dt>
          <dd>
            {t('course.hours', { count: course.estimatedHours })} ·{' '}
            {t('course.lessons', { count: course.lessonCount })}
          </dd>
        </div>
        <div>
          <dt>{t('course.languages')}</dt>
          <dd>
            <LanguageList locales={course.completeLocales} />
            {course.partialLocales.length > 0 ? (
              <>
                {' · '}
                {t('course.partly')} <LanguageList locales={course.partialLocales} />
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {course.certifiesTrainers ? <p className="badge">{t('course.certifiesTrainers')}</p> : null}
    </article>
  )
}

function LanguageList({ locales }: { locales: (keyof typeof LOCALE_NAMES)[] }) {
  return (
    <>
      {locales.map((locale, index) => (
        <span key={locale}>
          {index > 0 ? ', ' : null}
          <span {...langDir(locale)}>{LOCALE_NAMES[locale]}</span>
        </span>
      ))}
    </>
  )
}

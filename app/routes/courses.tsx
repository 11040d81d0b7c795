import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CourseCard } from '#app/components/course-card.tsx'
import { listCourses } from '#app/content/catalog.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, locale } = await getTranslator(request)
  return { title: t('courses.title'), courses: listCourses(locale) }
}

export const meta = titleMeta

export default function Courses() {
  const { t } = useTranslation()
  const { courses } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('courses.title')}</h1>
      <p className="lead">{t('courses.lead')}</p>
      {courses.length === 0 ? (
        <div className="empty-state">
          <p>{t('courses.empty')}</p>
        </div>
      ) : (
        <ul className="course-grid">
          {courses.map((course) => (
            <li key={course.slug}>
              <CourseCard course={course} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

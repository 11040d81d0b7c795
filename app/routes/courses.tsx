import type { LoaderFunctionArgs } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { getTranslator } from '#app/i18n/t.server.ts'
import { titleMeta } from '#app/utils/meta.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  return { title: t('courses.title') }
}

export const meta = titleMeta

// The catalogue. Courses arrive with the course engine; until then the page
// says plainly that there is nothing to take yet.
export default function Courses() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1>{t('courses.title')}</h1>
      <p className="lead">{t('courses.lead')}</p>
      <div className="empty-state">
        <p>{t('courses.empty')}</p>
      </div>
    </div>
  )
}

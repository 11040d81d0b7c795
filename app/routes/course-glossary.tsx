import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { getGlossary } from '#app/content/catalog.server.ts'
import { langDir, languageName } from '#app/i18n/config.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, locale } = await getTranslator(request)
  const glossary = getGlossary(params.course ?? '', locale)
  invariantResponse(glossary)
  return {
    title: `${t('glossary.title')} · ${glossary.course.title.text}`,
    glossary,
    locale,
    glossaryLanguageName: languageName(glossary.lang, locale),
  }
}

export const meta = titleMeta

export default function CourseGlossary() {
  const { t } = useTranslation()
  const { glossary, locale, glossaryLanguageName } = useLoaderData<typeof loader>()
  return (
    <div className="page page--reading">
      <Breadcrumbs
        items={[
          { label: t('courses.title'), to: '/courses' },
          { label: glossary.course.title.text, lang: glossary.course.title.lang, to: `/courses/${glossary.course.slug}` },
          { label: t('glossary.title'), current: true },
        ]}
      />
      <h1>{t('glossary.title')}</h1>
      {glossary.lang !== locale ? (
        <p className="notice">{t('lesson.fallbackNotice', { language: glossaryLanguageName })}</p>
      ) : null}
      {glossary.entries.length === 0 ? (
        <p className="empty-state">{t('glossary.empty')}</p>
      ) : (
        <dl className="glossary" {...langDir(glossary.lang)}>
          {glossary.entries.map((entry) => (
            <div key={entry.id} id={entry.id} className="glossary__entry">
              <dt>
                <dfn>{entry.term}</dfn>
              </dt>
              <dd>{entry.definition}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}

import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CourseOutline as Outline } from '#app/content/catalog.server.ts'
import { langDir } from '#app/i18n/config.ts'

/** Modules, their lessons and quizzes; the current lesson is marked. */
export function CourseOutline({ modules, label, completed }: { modules: Outline; label: string; completed?: string[] }) {
  const { t } = useTranslation()
  const done = new Set(completed ?? [])
  return (
    <nav aria-label={label} className="outline">
      <ol className="outline__modules">
        {modules.map((module, index) => (
          <li key={module.slug}>
            <p className="outline__module" {...langDir(module.title.lang)}>
              <span className="outline__number">{t('course.moduleNumber', { number: index + 1 })}</span>
              {module.title.text}
            </p>
            <ol className="outline__lessons">
              {module.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <NavLink to={lesson.url} end {...langDir(lesson.title.lang)} className={done.has(lesson.id) ? 'is-done' : undefined}>
                    {lesson.title.text}
                    {done.has(lesson.id) ? <span className="visually-hidden"> ({t('learning.completed')})</span> : null}
                  </NavLink>
                </li>
              ))}
              {module.quiz ? (
                <li className="outline__quiz">
                  <NavLink to={module.quiz.url} {...langDir(module.quiz.title.lang)} className={done.has(module.quiz.id) ? 'is-done' : undefined}>
                    {module.quiz.title.text}
                    {done.has(module.quiz.id) ? <span className="visually-hidden"> ({t('quiz.passed')})</span> : null}
                  </NavLink>
                </li>
              ) : null}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  )
}

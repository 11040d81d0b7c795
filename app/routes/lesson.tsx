import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  Link,
  useLoaderData,
  useNavigation,
  type ClientLoaderFunctionArgs,
  type ShouldRevalidateFunctionArgs,
} from '@remix-run/react'
import { Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { CourseOutline } from '#app/components/course-outline.tsx'
import { getUser, requireUser } from '#app/auth/guards.server.ts'
import { findCourse, getLesson } from '#app/content/catalog.server.ts'
import { learnerState, openLesson, recordLessonCompleted } from '#app/learning/progress.server.ts'
import { MAX_NOTE_LENGTH, getReflectionNotes, saveReflectionNote } from '#app/learning/reflections.server.ts'
import { langDir, languageName } from '#app/i18n/config.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { lessonComponents } from '#app/mdx/components.tsx'
import { loadLessonComponent, useLessonComponent } from '#app/mdx/lesson-component.ts'
import { LessonContext } from '#app/mdx/lesson-context.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { pathWithSearch } from '#app/utils/redirect.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await getTranslator(request)
  const lesson = await getLesson(params.course ?? '', params.module ?? '', params.lesson ?? '', locale)
  invariantResponse(lesson)
  const user = await getUser(request)
  // Anyone may read a course's first lesson; the rest asks them to sign in.
  if (!user && lesson.lesson.position > 1) {
    throw redirect(`/login?${new URLSearchParams({ redirectTo: pathWithSearch(request) })}`)
  }
  let progress: { completedLessonIds: string[]; lessonCompleted: boolean } | null = null
  let notes: Record<string, string> | null = null
  if (user) {
    const [state, saved] = await Promise.all([
      openLesson(user.id, lesson.course.slug, lesson.lesson.id),
      // Only a lesson with reflection boxes has notes to show.
      lesson.lesson.reflectionIds.length > 0 ? getReflectionNotes(user.id, lesson.course.slug, lesson.lesson.id) : {},
    ])
    progress = {
      completedLessonIds: [...state.completedLessonIds, ...state.passedQuizIds],
      lessonCompleted: state.completedLessonIds.includes(lesson.lesson.id),
    }
    notes = saved
  }
  return {
    progress,
    notes,
    title: `${lesson.lesson.title} · ${lesson.course.title.text}`,
    // Named on the server, so the browser shows the very same words.
    contentLanguageName: languageName(lesson.contentLocale, locale),
    ...lesson,
  }
}

export const meta = titleMeta

/** "Mark as complete and continue": records the lesson, goes to the next one. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { locale } = await getTranslator(request)
  const lesson = await getLesson(params.course ?? '', params.module ?? '', params.lesson ?? '', locale)
  invariantResponse(lesson)
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'save-note') {
    const reflectionId = String(form.get('reflectionId') ?? '')
    const text = String(form.get('text') ?? '')
    // Notes are kept only for the reflection boxes this lesson has.
    invariantResponse(lesson.lesson.reflectionIds.includes(reflectionId), 'Unknown note', { status: 400 })
    if (text.length > MAX_NOTE_LENGTH) return data({ noteError: 'errors.tooLong' }, { status: 400 })
    await saveReflectionNote(user.id, lesson.course.slug, lesson.lesson.id, reflectionId, text)
    return data({ savedNote: reflectionId })
  }
  invariantResponse(intent === 'complete', 'Unknown action', { status: 400 })
  const { courseCompleted } = await recordLessonCompleted(user.id, findCourse(lesson.course.slug)!, lesson.lesson.id)
  const courseUrl = `/courses/${lesson.course.slug}`
  if (courseCompleted) return redirect(courseUrl)
  // After a module's last lesson comes its quiz, unless it is already passed.
  const quiz = lesson.quizAfter
  if (quiz && !(await learnerState(user.id, lesson.course.slug)).passedQuizIds.has(quiz.id)) return redirect(quiz.url)
  return redirect(lesson.next?.url ?? courseUrl)
}

// Saving a note changes nothing else on the page: no need to reload it.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formData?.get('intent') === 'save-note') return false
  return defaultShouldRevalidate
}

// Before showing another lesson, load its component, so the page never
// flashes empty. The first, server-rendered view uses the server's data.
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>()
  await loadLessonComponent(data.hash)
  return data
}

export default function Lesson() {
  const { t, i18n } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const { course, module, lesson, contentLocale, fallback, hash, glossary, previous, next, outline, progress, notes } = data
  const submitting = useNavigation().state === 'submitting'
  const Content = useLessonComponent(hash)
  const context = useMemo(
    () => ({ courseSlug: course.slug, lessonId: lesson.id, locale: contentLocale, notes, glossary }),
    [course.slug, lesson.id, contentLocale, notes, glossary],
  )
  const outlineLabel = t('lesson.outline')
  return (
    <div className="page lesson-page">
      <Breadcrumbs
        items={[
          { label: t('courses.title'), to: '/courses' },
          { label: course.title.text, lang: course.title.lang, to: `/courses/${course.slug}` },
          { label: module.title.text, lang: module.title.lang },
        ]}
      />
      <details className="outline-toggle">
        <summary>{outlineLabel}</summary>
        <CourseOutline modules={outline} label={outlineLabel} completed={progress?.completedLessonIds} />
      </details>
      <div className="lesson-layout">
        <aside className="lesson-sidebar">
          <CourseOutline modules={outline} label={outlineLabel} completed={progress?.completedLessonIds} />
        </aside>
        <article className="lesson" {...langDir(contentLocale)}>
          <header className="lesson__header">
            <p className="lesson__position" {...langDir(i18n.language)}>
              {t('lesson.position', { position: lesson.position, count: lesson.count })}
            </p>
            <h1>{lesson.title}</h1>
            <p className="lesson__meta" {...langDir(i18n.language)}>
              {t('lesson.minutes', { count: lesson.minutes })}
            </p>
          </header>
          {fallback ? (
            <p className="notice" role="note" {...langDir(i18n.language)}>
              {t('lesson.fallbackNotice', { language: data.contentLanguageName })}
            </p>
          ) : null}
          {lesson.sensitive ? (
            <aside className="content-note" aria-labelledby="content-note-title">
              <p id="content-note-title" className="content-note__title">
                {t('lesson.contentNoteTitle')}
              </p>
              <p>{t('lesson.contentNoteBody')}</p>
            </aside>
          ) : null}
          <div className="prose">
            <LessonContext.Provider value={context}>
              <Suspense fallback={null}>
                <Content components={lessonComponents} />
              </Suspense>
            </LessonContext.Provider>
          </div>
          {lesson.sensitive ? (
            <aside className="support" aria-labelledby="support-title">
              <h2 id="support-title">{t('lesson.supportTitle')}</h2>
              <p>{t('lesson.supportBody')}</p>
            </aside>
          ) : null}
          <div className="lesson-complete" {...langDir(i18n.language)}>
            {progress?.lessonCompleted ? (
              <p className="status status--done">
                <span aria-hidden="true">✓ </span>
                {t('learning.lessonCompleted')}
              </p>
            ) : progress ? (
              <Form method="post">
                <input type="hidden" name="intent" value="complete" />
                <button type="submit" className="button" disabled={submitting}>
                  {next || data.quizAfter ? t('learning.completeAndContinue') : t('learning.completeAndReturn')}
                </button>
              </Form>
            ) : (
              <p className="notice">
                {t('learning.signInToTrack')} <Link to={`/login?redirectTo=${encodeURIComponent(`/courses/${course.slug}`)}`}>{t('nav.signIn')}</Link>
              </p>
            )}
          </div>
          <nav className="pager" aria-label={t('lesson.pager')}>
            {previous ? (
              <Link to={previous.url} rel="prev" className="pager__link pager__link--previous">
                <span className="pager__label">{t('lesson.previous')}</span>
                <span {...langDir(previous.title.lang)}>{previous.title.text}</span>
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link to={next.url} rel="next" className="pager__link pager__link--next">
                <span className="pager__label">{t('lesson.next')}</span>
                <span {...langDir(next.title.lang)}>{next.title.text}</span>
              </Link>
            ) : (
              <Link to={`/courses/${course.slug}`} className="pager__link pager__link--next">
                <span className="pager__label">{t('lesson.backToCourse')}</span>
                <span {...langDir(course.title.lang)}>{course.title.text}</span>
              </Link>
            )}
          </nav>
        </article>
      </div>
    </div>
  )
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireUser } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { ResultBadge } from '#app/components/result-badge.tsx'
import { findCourse, lessonUrl } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import { langDir } from '#app/i18n/config.ts'
import { usePercent } from '#app/i18n/format.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { drawnQuestions, findModuleQuiz, getQuizAttempts, quizRules, quizText, submittedAnswers } from '#app/learning/quiz.server.ts'
import { mayShowAnswers, showAnswersRule } from '#app/learning/quiz.ts'
import { resultView } from '#app/learning/quiz-view.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, locale } = await getTranslator(request)
  const course = findCourse(params.course ?? '')
  const found = course ? findModuleQuiz(course, params.module ?? '') : null
  invariantResponse(course && found)
  const { submitted } = await getQuizAttempts(user.id, course.slug, found.quiz.id)
  // Only the learner's own submitted attempts have results.
  const attempt = submitted.find((a) => a.id === params.attempt)
  invariantResponse(attempt)
  const text = quizText(course, found.quiz, locale)
  const answers = submittedAnswers(attempt)
  const courseTitle = pickLocalized(course.meta.title, locale, course.meta.defaultLocale)!
  // Where to go on: the next module's first lesson, once this quiz is passed.
  const nextModule = course.modules[found.moduleIndex + 1]
  const nextLesson = nextModule?.lessons[0]
  const nextSource = nextLesson ? (nextLesson.sources[locale] ?? nextLesson.sources[course.meta.defaultLocale]) : undefined
  // Right answers (and explanations, which give them away) only as the quiz allows.
  const showAnswers = mayShowAnswers(quizRules(course, found.quiz), submitted.some((a) => a.passed))
  return {
    title: `${t('quiz.resultTitle')} · ${text.quiz.title}`,
    showAnswers,
    next:
      nextLesson && nextSource
        ? { url: lessonUrl(course.slug, nextLesson), title: { text: nextSource.frontmatter.title, lang: nextSource.locale } }
        : null,
    answersShownAfterPass: showAnswersRule(quizRules(course, found.quiz)) === 'after-pass',
    course: { slug: course.slug, title: { text: courseTitle.value, lang: courseTitle.locale } },
    quizUrl: `/courses/${course.slug}/${params.module}/quiz`,
    quiz: { title: text.quiz.title, lang: text.locale, passMark: found.quiz.files[course.meta.defaultLocale]!.quiz.passMark },
    result: {
      number: submitted.indexOf(attempt) + 1,
      correct: attempt.correct ?? 0,
      total: attempt.total,
      percent: attempt.percent ?? 0,
      passed: Boolean(attempt.passed),
    },
    questions: drawnQuestions(attempt)
      .map((d) => resultView(text.quiz, d, answers, t))
      .filter((q) => q !== null)
      .map((q) => (showAnswers || q.correct ? q : { ...q, expected: [], explanation: '' })),
  }
}

export const meta = titleMeta

export default function QuizResult() {
  const { t, i18n } = useTranslation()
  const formatPercent = usePercent()
  const { course, quizUrl, quiz, result, questions, showAnswers, answersShownAfterPass, next } = useLoaderData<typeof loader>()
  return (
    <div className="page page--reading">
      <Breadcrumbs
        items={[
          { label: t('courses.title'), to: '/courses' },
          { label: course.title.text, lang: course.title.lang, to: `/courses/${course.slug}` },
          { label: quiz.title, lang: quiz.lang, to: quizUrl },
          { label: t('quiz.attemptNumber', { number: result.number }), current: true },
        ]}
      />
      <h1>{t('quiz.resultTitle')}</h1>
      <div className={result.passed ? 'score score--passed' : 'score score--failed'} role="status">
        <p className="score__value">
          {t('quiz.scoreText', { correct: result.correct, count: result.total, percent: formatPercent(result.percent) })}
        </p>
        <p>
          <ResultBadge passed={result.passed} /> · {t('quiz.passMark', { percent: formatPercent(quiz.passMark) })}
        </p>
      </div>
      {showAnswers ? null : <p className="notice">{answersShownAfterPass ? t('quiz.answersAfterPass') : t('quiz.answersNotShown')}</p>}
      <ol className="feedback" {...langDir(quiz.lang)}>
        {questions.map((q) => (
          <li key={q.id} className={q.correct ? 'feedback__item feedback__item--right' : 'feedback__item feedback__item--wrong'}>
            <p className="feedback__prompt">{q.prompt}</p>
            <p className="feedback__verdict" {...langDir(i18n.language)}>
              <span aria-hidden="true">{q.correct ? '✓ ' : '✗ '}</span>
              {q.correct ? t('quiz.right') : t('quiz.wrong')}
            </p>
            <dl className="feedback__answers">
              <dt {...langDir(i18n.language)}>{t('quiz.yourAnswer')}</dt>
              <dd>{q.yours ? <AnswerList items={q.yours} /> : <em {...langDir(i18n.language)}>{t('quiz.noAnswer')}</em>}</dd>
              {q.correct || !showAnswers ? null : (
                <>
                  <dt {...langDir(i18n.language)}>{t('quiz.correctAnswer')}</dt>
                  <dd>
                    <AnswerList items={q.expected} />
                  </dd>
                </>
              )}
            </dl>
            {q.explanation ? <p className="feedback__explanation">{q.explanation}</p> : null}
          </li>
        ))}
      </ol>
      <p className="actions">
        {result.passed && next ? (
          <Link to={next.url} className="button">
            {t('quiz.nextModule')} <span {...langDir(next.title.lang)}>{next.title.text}</span>
          </Link>
        ) : null}
        <Link to={quizUrl} className={result.passed && next ? 'button button--secondary' : 'button'}>
          {t('quiz.backToQuiz')}
        </Link>
        <Link to={`/courses/${course.slug}`} className="button button--secondary">
          {t('lesson.backToCourse')}
        </Link>
      </p>
    </div>
  )
}

function AnswerList({ items }: { items: string[] }) {
  if (items.length === 1) return <>{items[0]}</>
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  )
}

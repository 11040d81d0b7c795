import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireUser } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { QuizQuestion } from '#app/components/quiz-question.tsx'
import { ResultBadge } from '#app/components/result-badge.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { findCourse } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import { langDir } from '#app/i18n/config.ts'
import { usePercent } from '#app/i18n/format.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { InvalidAnswerError, allowedAttempts, attemptRule } from '#app/learning/quiz.ts'
import {
  discardAttempt,
  drawnQuestions,
  findModuleQuiz,
  getQuizAttempts,
  quizRules,
  quizText,
  startAttempt,
  submitAttempt,
} from '#app/learning/quiz.server.ts'
import { attemptStillMatches, questionView } from '#app/learning/quiz-view.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { env } from '#app/utils/env.server.ts'

async function load(request: Request, params: LoaderFunctionArgs['params']) {
  const user = await requireUser(request)
  const { t, locale } = await getTranslator(request)
  const course = findCourse(params.course ?? '')
  const found = course ? findModuleQuiz(course, params.module ?? '') : null
  invariantResponse(course && found)
  return { user, t, locale, course, entry: found.quiz, moduleIndex: found.moduleIndex }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, locale, course, entry, moduleIndex } = await load(request, params)
  const rules = quizRules(course, entry)
  const text = quizText(course, entry, locale)
  const attempts = await getQuizAttempts(user.id, course.slug, entry.id)
  const { submitted, grants } = attempts
  let open = attempts.open
  // The quiz file changed under an unsubmitted attempt: that attempt is
  // dropped (nothing was graded yet) and the learner starts afresh.
  if (open && !(attemptStillMatches(rules, drawnQuestions(open)) && attemptStillMatches(text.quiz, drawnQuestions(open)))) {
    await discardAttempt(open.id)
    open = null
  }
  const now = new Date()
  const rule = attemptRule(rules, submitted, now, grants)
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: env.PROGRAMME_TIME_ZONE })
  // When the next attempt opens: how long from now, and the time with its zone named.
  const opensAt = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: env.PROGRAMME_TIME_ZONE, timeZoneName: 'short' })
  const courseTitle = pickLocalized(course.meta.title, locale, course.meta.defaultLocale)!
  return {
    title: text.quiz.title,
    course: { slug: course.slug, title: { text: courseTitle.value, lang: courseTitle.locale } },
    moduleSlug: course.modules[moduleIndex]!.slug,
    quiz: {
      title: text.quiz.title,
      lang: text.locale,
      questions: rules.draw ?? rules.questions.length,
      passMark: rules.passMark,
      maxAttempts: allowedAttempts(rules, grants),
      cooldownMinutes: rules.cooldownMinutes,
    },
    attempt: open ? { id: open.id, questions: drawnQuestions(open).map((d) => questionView(text.quiz, d)) } : null,
    history: submitted.map((a, index) => ({
      id: a.id,
      number: index + 1,
      submittedAt: dateTime.format(a.submittedAt),
      percent: a.percent ?? 0,
      passed: Boolean(a.passed),
    })),
    canStart: rule.canStart,
    blockedBy: rule.canStart ? null : rule.reason,
    passed: submitted.some((a) => a.passed),
    availableAt:
      !rule.canStart && rule.reason === 'cooldown'
        ? { minutes: Math.max(1, Math.ceil((rule.availableAt.getTime() - now.getTime()) / 60_000)), time: opensAt.format(rule.availableAt) }
        : null,
  }
}

export const meta = titleMeta

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, course, entry } = await load(request, params)
  const form = await request.formData()
  const intent = form.get('intent')
  const here = `/courses/${course.slug}/${params.module}/quiz`
  if (intent === 'start') {
    const started = await startAttempt(user.id, course, entry)
    if (!started.ok) return refused(started.reason === 'limit' ? 'quiz.limitReached' : 'quiz.coolingDown', 429)
    return redirect(here)
  }
  if (intent === 'submit') {
    try {
      const result = await submitAttempt(user.id, course, entry, String(form.get('attemptId') ?? ''), form)
      invariantResponse(result, 'Attempt not found')
      if (result.unanswered.length > 0) {
        // Back to the form, as it was filled in, with each unanswered question marked.
        const given: Record<string, string[]> = {}
        for (const [name, value] of form) if (name.startsWith('q.') && typeof value === 'string') given[name] = [...(given[name] ?? []), value]
        return data({ error: 'quiz.unanswered', unanswered: result.unanswered, given }, { status: 400 })
      }
      return redirect(`${here}/${result.attemptId}`)
    } catch (error) {
      if (error instanceof InvalidAnswerError) return refused('quiz.invalidAnswers', 400)
      throw error
    }
  }
  return refused('quiz.invalidAnswers', 400)
}

/** A submit or start refused as a whole: the message, no question marked. */
const refused = (error: string, status: number) => data({ error, unanswered: [] as string[], given: {} as Record<string, string[]> }, { status })

export default function Quiz() {
  const { t, i18n } = useTranslation()
  const formatPercent = usePercent()
  const { course, moduleSlug, quiz, attempt, history, canStart, blockedBy, availableAt, passed } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  return (
    <div className="page page--reading">
      <Breadcrumbs
        items={[
          { label: t('courses.title'), to: '/courses' },
          { label: course.title.text, lang: course.title.lang, to: `/courses/${course.slug}` },
          { label: quiz.title, lang: quiz.lang, current: true },
        ]}
      />
      <h1 {...langDir(quiz.lang)}>{quiz.title}</h1>
      <p className="lesson__meta">
        {t('course.questions', { count: quiz.questions })} · {t('quiz.passMark', { percent: formatPercent(quiz.passMark) })}
        {quiz.maxAttempts ? ` · ${t('quiz.attemptsUsed', { used: history.length, count: quiz.maxAttempts })}` : ''}
      </p>
      {actionData?.error ? (
        <div className="error-summary" role="alert">
          <p>{t(actionData.error, { count: actionData.unanswered.length })}</p>
          {actionData.unanswered.length > 0 && attempt ? (
            <ul>
              {attempt.questions.map((question, index) =>
                actionData.unanswered.includes(question.id) ? (
                  <li key={question.id}>
                    <a href={`#question-${question.id}`}>{t('quiz.questionNumber', { number: index + 1, count: attempt.questions.length })}</a>
                  </li>
                ) : null,
              )}
            </ul>
          ) : null}
        </div>
      ) : null}
      {attempt ? (
        <Form method="post" className="quiz" {...langDir(quiz.lang)}>
          <input type="hidden" name="intent" value="submit" />
          <input type="hidden" name="attemptId" value={attempt.id} />
          <p className="notice" {...langDir(i18n.language)}>
            {t('quiz.instructions')}
          </p>
          {attempt.questions.map((question, index) => (
            <QuizQuestion
              key={question.id}
              question={question}
              number={index + 1}
              count={attempt.questions.length}
              unanswered={actionData?.unanswered.includes(question.id) ?? false}
              given={actionData?.given ?? {}}
            />
          ))}
          <button type="submit" className="button" disabled={submitting}>
            {t('quiz.submit')}
          </button>
        </Form>
      ) : (
        <>
          {passed ? (
            <p className="status status--done">
              <span aria-hidden="true">✓ </span>
              {t('quiz.passedAlready')}
            </p>
          ) : null}
          {canStart ? (
            <Form method="post">
              <input type="hidden" name="intent" value="start" />
              <button type="submit" className="button">
                {history.length === 0 ? t('quiz.start') : t('quiz.startAgain')}
              </button>
            </Form>
          ) : passed ? null : blockedBy === 'cooldown' && availableAt ? (
            <p className="notice">{t('quiz.coolingDownIn', { count: availableAt.minutes, time: availableAt.time })}</p>
          ) : (
            <p className="notice">{t('quiz.limitReached')}</p>
          )}
          {history.length > 0 ? (
            <section aria-labelledby="history-title">
              <h2 id="history-title">{t('quiz.history')}</h2>
              <TableWrap label={t('quiz.history')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('quiz.attempt')}</th>
                      <th scope="col">{t('quiz.submittedAt')}</th>
                      <th scope="col" className="num">
                        {t('quiz.score')}
                      </th>
                      <th scope="col">{t('quiz.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {history.map((a) => (
                      <tr key={a.id}>
                        <td>
                          <Link to={`/courses/${course.slug}/${moduleSlug}/quiz/${a.id}`}>{t('quiz.attemptNumber', { number: a.number })}</Link>
                        </td>
                        <td>{a.submittedAt}</td>
                        <td className="num">{formatPercent(a.percent)}</td>
                        <td>
                          <ResultBadge passed={a.passed} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          ) : null}
        </>
      )}
      <p>
        <Link to={`/courses/${course.slug}`}>{t('lesson.backToCourse')}</Link>
      </p>
    </div>
  )
}

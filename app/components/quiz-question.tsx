import { useTranslation } from 'react-i18next'
import type { QuestionView } from '#app/learning/quiz-view.server.ts'
import { fieldName } from '#app/learning/quiz.ts'

// Selects have no defaultValue on a fresh attempt: React would reset them to
// it when the page hydrates, losing a choice made while a slow phone was still
// loading scripts. After a submit with questions left unanswered, the page
// comes back with what was given (`given`, by field name) already chosen.

/**
 * One question of an attempt, as plain form controls: radios, checkboxes and
 * selects, so every type works by keyboard and without JavaScript.
 */
export function QuizQuestion({
  question,
  number,
  count,
  unanswered = false,
  given = {},
}: {
  question: QuestionView
  number: number
  count: number
  /** Marked as left unanswered by the last submit. */
  unanswered?: boolean
  given?: Record<string, string[]>
}) {
  const { t } = useTranslation()
  const name = fieldName(question.id)
  const id = (part: string) => `${question.id}-${part}`
  const checked = (value: string) => given[name]?.includes(value) ?? false
  const selected = (field: string) => given[field]?.[0]
  const errorId = `question-${question.id}-error`
  return (
    <fieldset
      className={unanswered ? 'question question--unanswered' : 'question'}
      id={`question-${question.id}`}
      aria-invalid={unanswered || undefined}
      aria-describedby={unanswered ? errorId : undefined}
    >
      <legend>
        <span className="question__number">{t('quiz.questionNumber', { number, count })}</span>
        <span className="question__prompt">{question.prompt}</span>
      </legend>
      {unanswered ? (
        <p className="field__error" id={errorId}>
          {t('quiz.answerThis')}
        </p>
      ) : null}
      {question.type === 'single' || question.type === 'multiple' ? (
        <>
          {question.type === 'multiple' ? <p className="question__hint">{t('quiz.chooseAll')}</p> : null}
          <ul className="choices">
            {question.options.map((option) => (
              <li key={option.id}>
                <input
                  type={question.type === 'single' ? 'radio' : 'checkbox'}
                  id={id(option.id)}
                  name={name}
                  value={option.id}
                  defaultChecked={checked(option.id)}
                />
                <label htmlFor={id(option.id)}>{option.text}</label>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {question.type === 'true-false' ? (
        <ul className="choices choices--inline">
          {(['true', 'false'] as const).map((value) => (
            <li key={value}>
              <input type="radio" id={id(value)} name={name} value={value} defaultChecked={checked(value)} />
              <label htmlFor={id(value)}>{t(`quiz.${value}`)}</label>
            </li>
          ))}
        </ul>
      ) : null}
      {question.type === 'ordering' ? (
        <>
          <p className="question__hint">{t('quiz.orderHint', { count: question.items.length })}</p>
          <ul className="pairs">
            {question.items.map((item) => (
              <li key={item.id}>
                <label htmlFor={id(item.id)}>{item.text}</label>
                <select id={id(item.id)} name={fieldName(question.id, item.id)} defaultValue={selected(fieldName(question.id, item.id))}>
                  <option value="">{t('quiz.position')}</option>
                  {question.items.map((_, index) => (
                    <option key={index} value={index + 1}>
                      {index + 1}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {question.type === 'matching' ? (
        <>
          <p className="question__hint">{t('quiz.matchHint')}</p>
          <ul className="pairs">
            {question.lefts.map((left) => (
              <li key={left.id}>
                <label htmlFor={id(left.id)}>{left.text}</label>
                <select id={id(left.id)} name={fieldName(question.id, left.id)} defaultValue={selected(fieldName(question.id, left.id))}>
                  <option value="">{t('fields.choose')}</option>
                  {question.rights.map((right) => (
                    <option key={right.id} value={right.id}>
                      {right.text}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </fieldset>
  )
}

import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { FORM_ERROR, type FieldErrors } from '#app/utils/forms.ts'

/**
 * The list of problems at the top of a form after a failed submit, announced
 * to screen readers; each entry links to its field. Focus moves to the first
 * invalid field (fields are identified as `${formId}-${name}`).
 */
export function ErrorSummary({
  errors,
  formId,
  params,
}: {
  errors?: FieldErrors
  formId: string
  /** Values for the messages' placeholders. */
  params?: Record<string, unknown>
}) {
  const { t } = useTranslation()
  const entries = Object.entries(errors ?? {})
  const first = entries.find(([field]) => field !== FORM_ERROR)?.[0]
  useEffect(() => {
    if (first) document.getElementById(`${formId}-${first}`)?.focus()
  }, [errors, first, formId])
  if (entries.length === 0) return null
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${formId}-errors`}>
      <h2 id={`${formId}-errors`}>{t('forms.errorSummary', { count: entries.length })}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li key={field}>
            {field === FORM_ERROR ? t(key, params) : <a href={`#${formId}-${field}`}>{t(key, params)}</a>}
          </li>
        ))}
      </ul>
    </div>
  )
}

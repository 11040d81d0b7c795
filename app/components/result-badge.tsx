import { useTranslation } from 'react-i18next'

/** Passed or failed: an icon and a word, never colour alone. */
export function ResultBadge({ passed }: { passed: boolean }) {
  const { t } = useTranslation()
  return (
    <span className={passed ? 'result result--passed' : 'result result--failed'}>
      <span aria-hidden="true">{passed ? '✓ ' : '✗ '}</span>
      {passed ? t('quiz.passed') : t('quiz.failed')}
    </span>
  )
}

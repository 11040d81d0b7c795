import { useTranslation } from 'react-i18next'
import { usePercent } from '#app/i18n/format.ts'

/** A progress bar with its text equivalent ("2 of 6 steps done, 33%"). */
export function ProgressBar({ done, total, percent }: { done: number; total: number; percent: number }) {
  const { t } = useTranslation()
  const formatPercent = usePercent()
  const text = t('learning.progressText', { done, count: total, percent: formatPercent(percent) })
  return (
    <div className="progress">
      <div className="progress__track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text} aria-label={t('learning.progress')}>
        <div className="progress__fill" style={{ inlineSize: `${percent}%` }} />
      </div>
      <p className="progress__text">{text}</p>
    </div>
  )
}

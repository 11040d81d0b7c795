import { useTranslation } from 'react-i18next'
import { PERIOD_PRESETS, type Period } from '#app/reporting/dates.ts'
import type { QueryProblems } from '#app/reporting/query.ts'

/** A report's period: a preset, or two days (with their problems beside them). */
export function PeriodFields({ preset, period, problems }: { preset: string; period: Period; problems: QueryProblems }) {
  const { t } = useTranslation()
  const day = (name: 'from' | 'to') => {
    const problem = problems[name]
    return (
      <div className={problem ? 'field field--invalid' : 'field'}>
        <label htmlFor={`report-${name}`}>{t(`reports.${name}`)}</label>
        <input
          id={`report-${name}`}
          name={name}
          type="date"
          defaultValue={period[name]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `report-${name}-error` : undefined}
        />
        {problem ? (
          <p className="field__error" id={`report-${name}-error`}>
            <span aria-hidden="true">⚠ </span>
            {t(problem)}
          </p>
        ) : null}
      </div>
    )
  }
  return (
    <>
      <div className="field">
        <label htmlFor="report-preset">{t('reports.period')}</label>
        <select id="report-preset" name="preset" defaultValue={preset}>
          {PERIOD_PRESETS.map((value) => (
            <option key={value} value={value}>
              {t(`reports.presets.${value}`)}
            </option>
          ))}
          <option value="custom">{t('reports.presets.custom')}</option>
        </select>
      </div>
      {day('from')}
      {day('to')}
    </>
  )
}

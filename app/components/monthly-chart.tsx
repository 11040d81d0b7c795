import { useTranslation } from 'react-i18next'

// Two small bar charts drawn as SVG on the server: additional participants per
// month (stacked by stakeholder group) and course completions per month. No
// chart library, no script: they print, work offline and weigh a few KB. The
// same numbers are in the table beside them (and its CSV).

type Month = { month: string; participants: number; byGroup: Record<string, number>; completions: number }

const PALETTE = ['#15616d', '#b86e12', '#6a4c93', '#2a9d8f', '#a4262c', '#4f5862', '#8a9a5b']

const WIDTH = 720
const HEIGHT = 200
const PAD = { top: 12, bottom: 28, start: 44, end: 8 }

function niceMax(value: number) {
  if (value <= 5) return 5
  const magnitude = 10 ** Math.floor(Math.log10(value))
  return Math.ceil(value / magnitude) * magnitude
}

function Bars({ months, series, colors, label, locale }: { months: Month[]; series: (m: Month) => number[]; colors: string[]; label: string; locale: string }) {
  const number = new Intl.NumberFormat(locale)
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' })
  const max = niceMax(Math.max(0, ...months.map((m) => series(m).reduce((a, b) => a + b, 0))))
  const plotWidth = WIDTH - PAD.start - PAD.end
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const slot = plotWidth / Math.max(1, months.length)
  const barWidth = Math.max(4, Math.min(40, slot * 0.6))
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight
  const labelEvery = Math.ceil(months.length / 12)
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="chart">
      {[0, 0.5, 1].map((share) => (
        <g key={share}>
          <line x1={PAD.start} x2={WIDTH - PAD.end} y1={y(max * share)} y2={y(max * share)} className="chart__grid" />
          <text x={PAD.start - 6} y={y(max * share) + 4} textAnchor="end" className="chart__axis">
            {number.format(max * share)}
          </text>
        </g>
      ))}
      {months.map((m, i) => {
        const x = PAD.start + slot * i + (slot - barWidth) / 2
        let base = 0
        return (
          <g key={m.month}>
            {series(m).map((value, s) => {
              const top = y(base + value)
              const height = y(base) - top
              base += value
              return value > 0 ? (
                <rect key={s} x={x} y={top} width={barWidth} height={height} fill={colors[s % colors.length]}>
                  <title>{`${m.month}: ${number.format(value)}`}</title>
                </rect>
              ) : null
            })}
            {i % labelEvery === 0 ? (
              <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" className="chart__axis">
                {monthName.format(new Date(`${m.month}-01T00:00:00Z`))}
              </text>
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}

export function MonthlyChart({ chart, groupNames, locale }: { chart: Month[]; groupNames: Record<string, string>; locale: string }) {
  const { t } = useTranslation()
  if (chart.length === 0) return <p>{t('reports.noData')}</p>
  const groups = Object.keys(groupNames).filter((g) => chart.some((m) => m.byGroup[g]))
  const colors = groups.map((_, i) => PALETTE[i % PALETTE.length]!)
  return (
    <div className="charts" dir="ltr">
      <figure className="chart-figure">
        <figcaption dir="auto">{t('reports.chartParticipants')}</figcaption>
        <Bars months={chart} series={(m) => groups.map((g) => m.byGroup[g] ?? 0)} colors={colors} label={t('reports.chartParticipants')} locale={locale} />
        <ul className="chart__legend" dir="auto">
          {groups.map((g, i) => (
            <li key={g}>
              <svg className="chart__swatch" viewBox="0 0 10 10" aria-hidden="true">
                <rect width="10" height="10" fill={colors[i]} />
              </svg>
              {groupNames[g]}
            </li>
          ))}
        </ul>
      </figure>
      <figure className="chart-figure">
        <figcaption dir="auto">{t('reports.chartCompletions')}</figcaption>
        <Bars months={chart} series={(m) => [m.completions]} colors={['#15616d']} label={t('reports.chartCompletions')} locale={locale} />
      </figure>
    </div>
  )
}

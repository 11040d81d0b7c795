import { useTranslation } from 'react-i18next'
import { TableWrap } from '#app/components/table-wrap.tsx'

// Two small bar charts drawn as SVG on the server: additional participants per
// month (stacked by stakeholder group) and course completions per month, or per
// quarter or year for a long period (chartBuckets in figures.ts). No
// chart library, no script: they print, work offline and weigh a few KB. The
// same numbers are in the table beside them (and its CSV).

type Bar = { label: string; from: string; participants: number; byGroup: Record<string, number>; completions: number }
type Unit = 'month' | 'quarter' | 'year'

const PALETTE = ['#15616d', '#b86e12', '#6a4c93', '#2a9d8f', '#a4262c', '#4f5862', '#8a9a5b']

// Drawn at 600 units wide and never narrower than 600 px (app.css): on a phone
// the chart scrolls sideways in its region and its labels keep their size.
const WIDTH = 600
const HEIGHT = 220
const PAD = { top: 14, bottom: 30, start: 48, end: 8 }

/** The axis top: a whole, even number, so the middle line is a whole number too (people are counted whole). */
export function axisMax(value: number) {
  if (value <= 4) return 4
  const magnitude = 10 ** Math.floor(Math.log10(value))
  const nice = Math.ceil(value / magnitude) * magnitude
  return nice % 2 === 0 ? nice : nice + magnitude
}

function Bars({ bars, unit, series, colors, label, locale }: { bars: Bar[]; unit: Unit; series: (m: Bar) => number[]; colors: string[]; label: string; locale: string }) {
  const { t } = useTranslation()
  const number = new Intl.NumberFormat(locale)
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' })
  const yearFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' })
  const barLabel = (bar: Bar) => {
    const [year, month] = bar.from.split('-').map(Number) as [number, number]
    const yearName = yearFormat.format(new Date(Date.UTC(year, 0, 1)))
    if (unit === 'year') return yearName
    if (unit === 'quarter') return t('reports.quarterShort', { quarter: number.format(Math.floor((month - 1) / 3) + 1), year: yearName })
    return monthName.format(new Date(Date.UTC(year, month - 1, 1)))
  }
  const max = axisMax(Math.max(0, ...bars.map((m) => series(m).reduce((a, b) => a + b, 0))))
  const plotWidth = WIDTH - PAD.start - PAD.end
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const slot = plotWidth / Math.max(1, bars.length)
  const barWidth = Math.max(4, Math.min(40, slot * 0.6))
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight
  // Room for about ten labels along the axis.
  const labelEvery = Math.ceil(bars.length / 10)
  return (
    <TableWrap label={label} className="chart-scroll">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="chart">
        {[0, max / 2, max].map((value) => (
          <g key={value}>
            <line x1={PAD.start} x2={WIDTH - PAD.end} y1={y(value)} y2={y(value)} className="chart__grid" />
            <text x={PAD.start - 6} y={y(value) + 4} textAnchor="end" className="chart__axis">
              {number.format(value)}
            </text>
          </g>
        ))}
        {bars.map((m, i) => {
          const x = PAD.start + slot * i + (slot - barWidth) / 2
          let base = 0
          return (
            <g key={m.label}>
              {series(m).map((value, s) => {
                const top = y(base + value)
                const height = y(base) - top
                base += value
                return value > 0 ? (
                  <rect key={s} x={x} y={top} width={barWidth} height={height} fill={colors[s % colors.length]}>
                    <title>{`${barLabel(m)}: ${number.format(value)}`}</title>
                  </rect>
                ) : null
              })}
              {i % labelEvery === 0 ? (
                <text x={x + barWidth / 2} y={HEIGHT - 9} textAnchor="middle" className="chart__axis">
                  {barLabel(m)}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
    </TableWrap>
  )
}

export function MonthlyChart({ chart, groupNames, locale }: { chart: { unit: Unit; bars: Bar[] }; groupNames: Record<string, string>; locale: string }) {
  const { t } = useTranslation()
  if (chart.bars.length === 0) return <p>{t('reports.noData')}</p>
  const groups = Object.keys(groupNames).filter((g) => chart.bars.some((m) => m.byGroup[g]))
  const colors = groups.map((_, i) => PALETTE[i % PALETTE.length]!)
  return (
    <div className="charts" dir="ltr">
      <figure className="chart-figure">
        <figcaption dir="auto">{t(`reports.chartParticipants.${chart.unit}`)}</figcaption>
        <Bars bars={chart.bars} unit={chart.unit} series={(m) => groups.map((g) => m.byGroup[g] ?? 0)} colors={colors} label={t(`reports.chartParticipants.${chart.unit}`)} locale={locale} />
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
        <figcaption dir="auto">{t(`reports.chartCompletions.${chart.unit}`)}</figcaption>
        <Bars bars={chart.bars} unit={chart.unit} series={(m) => [m.completions]} colors={['#15616d']} label={t(`reports.chartCompletions.${chart.unit}`)} locale={locale} />
      </figure>
    </div>
  )
}

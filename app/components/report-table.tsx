import { useTranslation } from 'react-i18next'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { isShare, type Cell, type Table } from '#app/reporting/tables.ts'

/** A dashboard table with its CSV download; `collapsed` tucks it in a disclosure (for tables that repeat a chart or cards). */
export function ReportTable({ table, csvHref, locale, collapsed = false }: { table: Table; csvHref: string; locale: string; collapsed?: boolean }) {
  const { t } = useTranslation()
  const number = new Intl.NumberFormat(locale)
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const show = (cell: Cell) => (cell === null ? '—' : isShare(cell) ? percent.format(cell.share) : typeof cell === 'number' ? number.format(cell) : cell)
  const body = (
    <>
      <TableWrap label={table.title}>
        <table>
          {collapsed ? null : <caption>{table.title}</caption>}
          <thead>
            <tr>
              {table.columns.map((column, i) => (
                <th key={i} scope="col" className={table.numeric[i] ? 'num' : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length}>{t('reports.noData')}</td>
              </tr>
            ) : (
              table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {show(cell)}
                      </th>
                    ) : (
                      <td key={i} className={table.numeric[i] ? 'num' : undefined}>
                        {show(cell)}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableWrap>
      <p className="table-actions">
        <a href={csvHref} download>
          {t('reports.downloadCsv', { table: table.title })}
        </a>
      </p>
    </>
  )
  return collapsed ? (
    <details className="report-details">
      <summary>{t('reports.showTable', { table: table.title })}</summary>
      {body}
    </details>
  ) : (
    body
  )
}

import { type LoaderFunctionArgs } from '@remix-run/node'
import { stringify } from 'csv-stringify/sync'
import { countryName } from '#app/auth/countries.server.ts'
import { recordAudit } from '#app/admin/audit.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { reportAuditDetails, reportForRequest } from '#app/reporting/report-request.server.ts'
import { TABLES, csvRows, reportTables, type TableName } from '#app/reporting/tables.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { transaction } from '#app/utils/db.server.ts'

// One dashboard table as CSV: /admin/reports/export/<table>.csv?<the same filters>.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const name = params.file?.replace(/\.csv$/, '')
  invariantResponse(name && (TABLES as readonly string[]).includes(name) && params.file?.endsWith('.csv'), 'No such table')
  const { t, locale } = await getTranslator(request)
  const { query, problems, dashboard } = await reportForRequest(request, locale, { withChart: name === 'monthly' })
  const problem = Object.values(problems)[0]
  if (problem) throw new Response(t(problem), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const table = reportTables(dashboard, t, { group: (g) => t(`groups.${g}`), country: (c) => countryName(c, locale), locale }).find((x) => x.name === (name as TableName))!
  // A byte-order mark so spreadsheet programs read the text (Arabic included) as UTF-8.
  const csv = `\uFEFF${stringify(csvRows(table))}`
  const fileName = `trellis-${name}-${query.period.from}-${query.period.to}.csv`
  await transaction(() => recordAudit(admin, 'report.exported', { type: 'report', label: fileName }, { format: 'csv', table: table.name, ...reportAuditDetails(query) }))
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

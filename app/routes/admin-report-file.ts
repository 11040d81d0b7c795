import { type LoaderFunctionArgs } from '@remix-run/node'
import { stringify } from 'csv-stringify/sync'
import { recordAudit } from '#app/admin/audit.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { programmeReportForRequest } from '#app/reporting/programme-report.server.ts'
import { reportAuditDetails } from '#app/reporting/report-request.server.ts'
import { renderReportPdf } from '#app/reporting/report-pdf.server.ts'
import { transaction } from '#app/utils/db.server.ts'
import { invariantResponse } from '#app/utils/http.ts'

// The programme report as a file, in the admin's language, with the same
// period and filters as the page: /admin/reports/programme/report.csv (each
// figure the sentences state, with its sentence) or report.pdf (the report,
// drawn on the server).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const format = params.file === 'report.csv' ? 'csv' : params.file === 'report.pdf' ? 'pdf' : null
  invariantResponse(format, 'No such file')
  const report = await programmeReportForRequest(request)
  const { t, query } = report
  const problem = Object.values(report.problems)[0]
  if (problem) throw new Response(t(problem), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const fileName = `trellis-programme-report-${query.period.from}-${query.period.to}.${format}`
  const details = { format, table: 'programme-report', ...reportAuditDetails({ ...query, filters: { groups: query.filters.groups, countries: query.filters.countries } }) }
  const headers = { 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'private, no-store' }

  if (format === 'csv') {
    const rows = [
      [t('reports.columns.measure'), t('reports.columns.inPeriod'), t('reports.columns.totalByEnd'), t('reports.columns.sentence')],
      ...report.sentences.flatMap((sentence) => sentence.figures.map((figure, i) => [figure.label, figure.additional, figure.total, i === 0 ? sentence.text : ''])),
    ]
    if (report.scope) rows.push([], [report.scope])
    await transaction(() => recordAudit(admin, 'report.exported', { type: 'report', label: fileName }, details))
    // A byte-order mark so spreadsheet programs read the text (Arabic included) as UTF-8.
    return new Response(`\uFEFF${stringify(rows)}`, { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } })
  }

  const bytes = await renderReportPdf({
    locale: report.locale,
    issuer: report.issuer,
    heading: report.heading,
    scope: report.scope,
    resultsLabel: t('reports.results'),
    sentences: report.sentences.map((s) => s.text),
    generated: report.generated,
  })
  await transaction(() => recordAudit(admin, 'report.exported', { type: 'report', label: fileName }, details))
  return new Response(bytes, { headers: { ...headers, 'Content-Type': 'application/pdf', 'Content-Length': String(bytes.byteLength) } })
}

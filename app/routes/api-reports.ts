import { timingSafeEqual } from 'node:crypto'
import { type LoaderFunctionArgs } from '@remix-run/node'
import { recordAudit, type AuditActor } from '#app/admin/audit.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { reportAuditDetails, reportForRequest } from '#app/reporting/report-request.server.ts'
import { env } from '#app/utils/env.server.ts'
import { transaction } from '#app/utils/db.server.ts'

// The dashboard's figures as JSON for other tools, with the same query
// parameters as /admin/reports. Tools send `Authorization: Bearer <token>`
// with REPORTS_API_TOKEN; in a browser, an admin's session works too.

function bearerMatches(request: Request) {
  const token = env.REPORTS_API_TOKEN
  const header = request.headers.get('Authorization')
  if (!token || !header?.startsWith('Bearer ')) return false
  const given = Buffer.from(header.slice('Bearer '.length))
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export async function loader({ request }: LoaderFunctionArgs) {
  // In the audit log, a tool is named by the token it used.
  let caller: AuditActor = { id: null, email: 'REPORTS_API_TOKEN' }
  if (!bearerMatches(request)) {
    if (request.headers.get('Authorization')) return Response.json({ error: 'unauthorized' }, { status: 401 })
    caller = await requireRole(request, 'admin')
  }
  const { locale } = await getTranslator(request)
  const { query, problems, dashboard, timeZone } = await reportForRequest(request, locale)
  if (Object.keys(problems).length > 0) return Response.json({ error: 'invalid period', problems }, { status: 400 })
  await transaction(() => recordAudit(caller, 'report.exported', { type: 'report', label: '/api/reports' }, { format: 'json', ...reportAuditDetails(query) }))
  return Response.json({ timeZone, filters: query.filters, ...dashboard }, { headers: { 'Cache-Control': 'private, no-store' } })
}

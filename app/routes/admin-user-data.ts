import { type LoaderFunctionArgs } from '@remix-run/node'
import { recordAudit } from '#app/admin/audit.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { collectMyData } from '#app/privacy/my-data.server.ts'
import { db, transaction } from '#app/utils/db.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { publicOrigin } from '#app/utils/public-url.server.ts'

// A person's data for an admin answering their request (someone without
// email or a working sign-in), without their private reflection notes.
// Logged, like every admin export.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const user = await db.user.findUnique({ where: { id: params.user ?? '' }, select: { id: true, displayName: true, email: true, deletedAt: true } })
  invariantResponse(user && !user.deletedAt, 'User not found')
  const body = JSON.stringify(await collectMyData(user.id, publicOrigin(request), { audience: 'admin' }), null, 2)
  await transaction(() => recordAudit(admin, 'user.data_exported', { type: 'user', id: user.id, label: `${user.displayName} <${user.email}>` }, { format: 'json' }))
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="trellis-user-data-${user.id}.json"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

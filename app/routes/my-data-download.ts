import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/guards.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { collectMyData, myProgressCsv } from '#app/privacy/my-data.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { publicOrigin } from '#app/utils/public-url.server.ts'

// The signed-in person's own data: /me/data/trellis-my-data.json (everything)
// and /me/data/trellis-my-progress.csv (lessons, for a spreadsheet).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const headers = { 'Cache-Control': 'private, no-store', 'Content-Disposition': `attachment; filename="${params.file}"` }
  if (params.file === 'trellis-my-data.json') {
    const body = JSON.stringify(await collectMyData(user.id, publicOrigin(request)), null, 2)
    return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } })
  }
  invariantResponse(params.file === 'trellis-my-progress.csv')
  const { t, locale } = await getTranslator(request)
  const columns = ['course', 'lesson', 'firstOpened', 'lastSeen', 'completed', 'minutes'].map((key) => t(`myData.csv.${key}`))
  return new Response(await myProgressCsv(user.id, locale, columns), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } })
}

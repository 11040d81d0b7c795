import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/guards.server.ts'
import { hasRole } from '#app/auth/roles.ts'
import { certificateStatus, isCertificateId, recipientDeleted } from '#app/certificates/certificate.ts'
import { getCertificate } from '#app/certificates/certificates.server.ts'
import { openBadgeFor } from '#app/certificates/credentials.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { publicOrigin } from '#app/utils/public-url.server.ts'

// The certificate as a signed Open Badges 3.0 credential, for the learner's
// wallet or backpack. Only its owner (or an admin) can download it: it carries
// a hash of their email.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const certificate = isCertificateId(params.id) ? await getCertificate(params.id) : null
  invariantResponse(certificate && (certificate.userId === user.id || hasRole(user.role, 'admin')), 'Certificate not found')
  invariantResponse(certificateStatus(certificate) === 'valid', 'This certificate is no longer valid', { status: 410 })
  // Its owner deleted their account: there is no name left to put on it.
  invariantResponse(!recipientDeleted(certificate), 'Issued to a deleted account', { status: 410 })
  const { locale } = await getTranslator(request)
  const credential = await openBadgeFor(certificate, { origin: publicOrigin(request), locale })
  return new Response(JSON.stringify(credential, null, 2), {
    headers: {
      'Content-Type': 'application/ld+json; charset=utf-8',
      'Content-Disposition': `attachment; filename="trellis-open-badge-${certificate.id}.json"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

import { type LoaderFunctionArgs } from '@remix-run/node'
import { certificateStatus, isCertificateId, recipientDeleted } from '#app/certificates/certificate.ts'
import { getCertificate } from '#app/certificates/certificates.server.ts'
import { certificatePdf } from '#app/certificates/pdf.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { publicOrigin } from '#app/utils/public-url.server.ts'

// The printable certificate, in the reader's language (`?lang=ar` works).
// Public like the verification page, and showing no more than it does. A
// revoked or replaced certificate is not drawn anew: its page says why.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const certificate = isCertificateId(params.id) ? await getCertificate(params.id) : null
  invariantResponse(certificate, 'Certificate not found')
  invariantResponse(certificateStatus(certificate) === 'valid', 'This certificate is no longer valid', { status: 410 })
  // Its owner deleted their account: there is no name left to put on it.
  invariantResponse(!recipientDeleted(certificate), 'Issued to a deleted account', { status: 410 })
  const { locale, t } = await getTranslator(request)
  const pdf = await certificatePdf(certificate, { locale, t, origin: publicOrigin(request) })
  return new Response(pdf.bytes, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${pdf.fileName}"`,
      'Cache-Control': 'private, max-age=300',
      // The language comes from the cookie or the browser's languages.
      Vary: 'Cookie, Accept-Language',
    },
  })
}

import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { isCertificateId } from '#app/certificates/certificate.ts'
import { invariantResponse } from '#app/utils/http.ts'

// The short address printed on PDF certificates and in their QR code. Typed by
// hand, it may come in capitals: certificate numbers are lower case.
export function loader({ params }: LoaderFunctionArgs) {
  const id = params.id?.toLowerCase()
  invariantResponse(isCertificateId(id), 'Certificate not found')
  return redirect(`/verify/${id}`, 301)
}

import { type LoaderFunctionArgs } from '@remix-run/node'
import { issuerKey } from '#app/certificates/issuer-key.server.ts'
import { issuerControllerDocument } from '#app/certificates/signing.server.ts'
import { publicOrigin } from '#app/utils/public-url.server.ts'

// The issuer id in every Open Badges credential: its controller document lists
// the public key that signs them, so anyone can verify a credential.
export async function loader({ request }: LoaderFunctionArgs) {
  const document = issuerControllerDocument(publicOrigin(request), await issuerKey())
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      'Content-Type': 'application/ld+json; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      'Access-Control-Allow-Origin': '*',
    },
  })
}

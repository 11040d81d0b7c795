import { type LoaderFunctionArgs } from '@remix-run/node'
import { issuerKey } from '#app/certificates/issuer-key.server.ts'
import { signCredential } from '#app/certificates/signing.server.ts'
import { statusListCredential } from '#app/certificates/status-list.server.ts'
import { publicOrigin } from '#app/utils/public-url.server.ts'

// The revocation list every Trellis credential points to (its
// credentialStatus): a Bitstring Status List credential signed by the issuer,
// made from the database on each request, so a revocation shows at once.
export async function loader({ request }: LoaderFunctionArgs) {
  const origin = publicOrigin(request)
  const list = await signCredential(await statusListCredential(origin), { origin, key: await issuerKey() })
  return new Response(JSON.stringify(list), {
    headers: {
      'Content-Type': 'application/vc+ld+json; charset=utf-8',
      // Verifiers may keep it a minute, no longer: revocations must reach them.
      'Cache-Control': 'public, max-age=60',
      'Access-Control-Allow-Origin': '*',
    },
  })
}

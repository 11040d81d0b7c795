// Any URL no other route matches: a 404 page in the reader's language.
export function loader() {
  throw new Response('Not found', { status: 404, statusText: 'Not Found' })
}

export default function NotFound() {
  return null
}

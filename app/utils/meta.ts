import type { MetaFunction } from '@remix-run/node'

/** A page's <title>: the `title` its loader translated, then the product name. */
export const titleMeta: MetaFunction = ({ data }) => {
  const title = (data as { title?: string } | undefined)?.title
  return [{ title: title ? `${title} · Trellis` : 'Trellis' }]
}

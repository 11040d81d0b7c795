import fs from 'node:fs'
import path from 'node:path'
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { courseAssetPath } from '#app/content/catalog.server.ts'
import { invariantResponse } from '#app/utils/http.ts'

// Only media a lesson can show; lesson sources and data files are never served.
const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
}

export function loader({ params }: LoaderFunctionArgs) {
  const file = params['*'] ?? ''
  const type = TYPES[path.extname(file).toLowerCase()]
  const full = type ? courseAssetPath(params.course ?? '', file) : null
  invariantResponse(full && fs.existsSync(full) && fs.statSync(full).isFile())
  const { size } = fs.statSync(full)
  return new Response(createReadableStreamFromReadable(fs.createReadStream(full)), {
    headers: {
      'Content-Type': type!,
      'Content-Length': String(size),
      'Cache-Control': 'public, max-age=86400',
    },
  })
}

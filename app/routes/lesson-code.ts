import type { LoaderFunctionArgs } from '@remix-run/node'
import { findLessonSourceByHash } from '#app/content/catalog.server.ts'
import { getCompiledLesson } from '#app/content/compiled.server.ts'
import { lessonModuleSource } from '#app/mdx/lesson-component.ts'
import { invariantResponse } from '#app/utils/http.ts'

// A compiled lesson as a JavaScript module. Its name is the hash of its
// source, so it never changes: browsers may keep it for a year.
export async function loader({ params }: LoaderFunctionArgs) {
  const hash = (params.file ?? '').replace(/\.js$/, '')
  const source = /^[0-9a-f]{32}$/.test(hash) ? findLessonSourceByHash(hash) : null
  invariantResponse(source)
  return new Response(lessonModuleSource(await getCompiledLesson(source)), {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  })
}

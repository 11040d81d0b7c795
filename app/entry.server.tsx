import { PassThrough } from 'node:stream'
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { startSessionCleanup } from '#app/auth/session-cleanup.server.ts'
import { loadedLessonCode } from '#app/content/compiled.server.ts'
import { getLocale, i18nFor } from '#app/i18n/i18n.server.ts'
import { LessonCodeContext } from '#app/mdx/lesson-component.ts'
import { NonceProvider } from '#app/utils/nonce.tsx'

export const streamTimeout = 5_000

startSessionCleanup()

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const i18n = await i18nFor(await getLocale(request))
  const nonce = loadContext.cspNonce ?? ''
  // Crawlers and the SPA build get the whole page at once; people get a stream.
  const readyEvent =
    isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
      ? 'onAllReady'
      : 'onShellReady'

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <LessonCodeContext.Provider value={loadedLessonCode}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </LessonCodeContext.Provider>
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors while streaming are logged; errors before the shell is
          // ready are already reported by onShellError.
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, streamTimeout + 1_000)
  })
}

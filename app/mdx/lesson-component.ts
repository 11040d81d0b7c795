// Turns a compiled lesson into a React component without eval in the browser.
//
// mdx-bundler's getMDXComponent runs the compiled code with `new Function`,
// which Trellis's Content-Security-Policy forbids in browsers (no
// 'unsafe-eval'). The server uses it as is; the browser instead imports the
// same code as a JavaScript module from /lesson-code/<hash>.js, a cached,
// immutable file that the page's nonce-trusted scripts may load.
import { getMDXComponent } from 'mdx-bundler/client'
import * as React from 'react'
import * as ReactDOM from 'react-dom'
import * as jsxRuntime from 'react/jsx-runtime'

type LessonComponent = ReturnType<typeof getMDXComponent>

export const lessonCodeUrl = (hash: string) => `/lesson-code/${hash}.js`

/** The module text served for a compiled lesson (see routes/lesson-code.ts). */
export function lessonModuleSource(code: string): string {
  return `export default function (React, ReactDOM, _jsx_runtime) {\n${code}\n}\n`
}

const loaded = new Map<string, LessonComponent>()
const loading = new Map<string, Promise<LessonComponent>>()

/** Loads a lesson's component in the browser (before navigating to it). */
export function loadLessonComponent(hash: string): Promise<LessonComponent> {
  let promise = loading.get(hash)
  if (!promise) {
    promise = import(/* @vite-ignore */ lessonCodeUrl(hash)).then((module: { default: (...globals: unknown[]) => { default: LessonComponent } }) => {
      const component = module.default(React, ReactDOM, jsxRuntime).default
      loaded.set(hash, component)
      return component
    })
    promise.catch(() => loading.delete(hash))
    loading.set(hash, promise)
  }
  return promise
}

/** On the server: the compiled code of a lesson its loader has loaded. */
export const LessonCodeContext = React.createContext<((hash: string) => string | undefined) | null>(null)

/**
 * The lesson's component. On the server it is built from the compiled code
 * (LessonCodeContext). In the browser it is the loaded module; while it loads
 * (only during the first, server-rendered view) React keeps the server's HTML
 * in place (Suspense).
 */
export function useLessonComponent(hash: string): LessonComponent {
  const serverCode = React.useContext(LessonCodeContext)
  return React.useMemo(() => {
    if (serverCode) {
      const code = serverCode(hash)
      if (code === undefined) throw new Error(`Lesson ${hash} was not loaded before rendering`)
      return getMDXComponent(code)
    }
    const ready = loaded.get(hash)
    if (ready) return ready
    return React.lazy(() => loadLessonComponent(hash).then((component) => ({ default: component }))) as unknown as LessonComponent
  }, [hash, serverCode])
}

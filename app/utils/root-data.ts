import { useRouteLoaderData } from '@remix-run/react'
import type { loader } from '#app/root.tsx'

/** The root loader's data (locale, signed-in user), from any component. */
export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

export function useOptionalUser() {
  return useRootData()?.user ?? null
}

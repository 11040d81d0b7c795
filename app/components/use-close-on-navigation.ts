import { useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

/** A <details> menu closes when the page changes (it would stay open otherwise). */
export function useCloseOnNavigation() {
  const ref = useRef<HTMLDetailsElement>(null)
  const location = useLocation()
  useEffect(() => {
    if (ref.current) ref.current.open = false
  }, [location.key])
  return ref
}

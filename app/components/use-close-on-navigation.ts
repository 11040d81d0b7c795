import { useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

/**
 * A <details> menu closes when the page changes (it would stay open
 * otherwise). Not on the first render: a menu opened while a slow phone was
 * still loading scripts must stay open when they arrive.
 */
export function useCloseOnNavigation() {
  const ref = useRef<HTMLDetailsElement>(null)
  const location = useLocation()
  const previousKey = useRef(location.key)
  useEffect(() => {
    if (previousKey.current === location.key) return
    previousKey.current = location.key
    if (ref.current) ref.current.open = false
  }, [location.key])
  return ref
}

import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A table that may be wider than a phone: it scrolls sideways inside a
 * focusable region (keyboard users can scroll it too), and shadows at its
 * edges show there is more to see (app.css, .table-wrap).
 */
export function TableWrap({ label, className, children }: { label?: string; className?: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className={className ? `table-wrap ${className}` : 'table-wrap'} role="region" aria-label={label ?? t('tables.label')} tabIndex={0}>
      {children}
    </div>
  )
}

import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { langDir } from '#app/i18n/config.ts'

export type Crumb = { label: string; to?: string; lang?: string; /** This page itself. */ current?: boolean }

/** Where the page sits: Courses › Course › Module. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('lesson.breadcrumbs')} className="breadcrumbs">
      <ol>
        {items.map((item, index) => (
          <li key={index} {...langDir(item.lang)} aria-current={item.current ? 'page' : undefined}>
            {item.to ? <Link to={item.to}>{item.label}</Link> : item.label}
          </li>
        ))}
      </ol>
    </nav>
  )
}

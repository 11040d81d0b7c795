import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * "First page" / "Next page" links of a list paged by its last row
 * (keyset paging): the same filters, with `cursor` set to `next` or dropped.
 * Nothing when there is only one page.
 */
export function KeysetPager({ filter, cursor, next }: { filter: Record<string, string | undefined>; cursor: string; next: string | null }) {
  const { t } = useTranslation()
  const query = (value: string | null) =>
    new URLSearchParams(Object.entries({ ...filter, [cursor]: value ?? '' }).filter((entry): entry is [string, string] => Boolean(entry[1])))
  if (!filter[cursor] && !next) return null
  return (
    <nav className="pager" aria-label={t('users.pages')}>
      {filter[cursor] ? <Link to={`?${query(null)}`}>{t('users.firstPage')}</Link> : null}
      {next ? (
        <Link to={`?${query(next)}`} rel="next">
          {t('users.nextPage')}
        </Link>
      ) : null}
    </nav>
  )
}

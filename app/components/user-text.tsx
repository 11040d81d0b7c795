import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A translated sentence with text that people wrote in it (a name, a cohort's
 * name), each piece in its own `<bdi>`: an Arabic name in an English sentence,
 * or the reverse, cannot reorder the words around it.
 */
export function TransWithUserText({ i18nKey, values }: { i18nKey: string; values: Record<string, string> }) {
  const { t } = useTranslation()
  const names = Object.keys(values)
  const markers = Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`]))
  const parts = t(i18nKey, { ...markers, interpolation: { escapeValue: false } }).split(/\u0000(\d+)\u0000/)
  return (
    <>
      {parts.map((part, i) => (i % 2 === 0 ? <Fragment key={i}>{part}</Fragment> : <bdi key={i}>{values[names[Number(part)]!]}</bdi>))}
    </>
  )
}

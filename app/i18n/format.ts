import { useTranslation } from 'react-i18next'

/**
 * A whole percentage as the language writes it: "70%", "70 %" in French and
 * Spanish, with the sign and spacing Intl.NumberFormat gives for Arabic. The
 * one rule for every percentage shown.
 */
export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100)
}

/** formatPercent in the page's language. */
export function usePercent() {
  const { i18n } = useTranslation()
  return (percent: number) => formatPercent(percent, i18n.language)
}

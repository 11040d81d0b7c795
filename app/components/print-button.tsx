import { useTranslation } from 'react-i18next'

/** Opens the browser's print dialog (and its "Save as PDF"). Without JavaScript, browsers' own Print does the same. */
export function PrintButton() {
  const { t } = useTranslation()
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t('reports.print')}
    </button>
  )
}

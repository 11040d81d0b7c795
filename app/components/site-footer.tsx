import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export function SiteFooter() {
  const { t } = useTranslation()
  return (
    <footer className="site-footer">
      <p>
        {t('footer.about')} <Link to="/privacy">{t('privacy.title')}</Link>
      </p>
    </footer>
  )
}

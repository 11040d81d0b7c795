import { Form, Link, NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hasRole } from '#app/auth/roles.ts'
import { LanguageSwitcher } from '#app/components/language-switcher.tsx'
import { MARK } from '#app/components/trellis-mark.ts'
import { useCloseOnNavigation } from '#app/components/use-close-on-navigation.ts'
import { useOptionalUser } from '#app/utils/root-data.ts'

export function SiteHeader() {
  const { t } = useTranslation()
  const user = useOptionalUser()
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <TrellisMark />
          <span>Trellis</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitcher />
          {user ? (
            <AccountMenu displayName={user.displayName} />
          ) : (
            <div className="auth-links">
              <Link to="/login">{t('nav.signIn')}</Link>
              <Link to="/register" className="button button--small">
                {t('nav.register')}
              </Link>
            </div>
          )}
        </div>
        <nav className="main-nav" aria-label={t('nav.main')}>
          <ul>
            <li>
              <NavLink to="/courses">{t('nav.courses')}</NavLink>
            </li>
            <li>
              <NavLink to="/me">{t('nav.myLearning')}</NavLink>
            </li>
            {user && hasRole(user.role, 'trainer') ? (
              <li>
                <NavLink to="/trainer/sessions">{t('nav.sessions')}</NavLink>
              </li>
            ) : null}
            {user && hasRole(user.role, 'admin') ? (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
    </header>
  )
}

function AccountMenu({ displayName }: { displayName: string }) {
  const { t } = useTranslation()
  const details = useCloseOnNavigation()
  return (
    <details className="menu" ref={details}>
      <summary aria-label={t('nav.accountMenu', { name: displayName })}>
        <span className="menu__label">
          <bdi>{displayName}</bdi>
        </span>
      </summary>
      <div className="menu__panel menu__panel--end">
        <Link to="/me" className="menu__item">
          {t('nav.myLearning')}
        </Link>
        <Link to="/me/profile" className="menu__item">
          {t('nav.profile')}
        </Link>
        <Link to="/me/security" className="menu__item">
          {t('nav.security')}
        </Link>
        <Link to="/me/data" className="menu__item">
          {t('nav.myData')}
        </Link>
        <Form method="post" action="/logout">
          <button type="submit" className="menu__item">
            {t('nav.signOut')}
          </button>
        </Form>
      </div>
    </details>
  )
}

function TrellisMark() {
  // An arched garden trellis with a leaf: the frame that supports growth.
  return (
    <svg className="brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none">
      <path d={MARK.frame} stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <path d={MARK.lattice} stroke="currentColor" strokeWidth="1.1" strokeLinecap="round" />
      <path d={MARK.leaf} className="brand__leaf" />
    </svg>
  )
}

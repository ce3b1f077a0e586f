import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.ts';

export interface LayoutProps {
  ctx: ViewContext;
  title: string;
  children?: ComponentChildren;
  /** Breadcrumb trail above the main heading. */
  breadcrumbs?: { href: string; label: string }[] | undefined;
}

/** The one page layout: skip link, header with municipality, navigation, language switch, footer. */
export function Layout({ ctx, title, children, breadcrumbs }: LayoutProps) {
  const { t } = ctx;
  const other = ctx.locale === 'nl' ? 'en' : 'nl';
  const home = ctx.tenant ? `/${ctx.tenant.slug}/` : '/';
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${ctx.tenant ? ctx.tenant.name + ' – ' : ''}Samenhang`}</title>
        <link rel="stylesheet" href="/static/utrecht/design-tokens.css" />
        <link rel="stylesheet" href="/static/utrecht/components.css" />
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="utrecht-theme utrecht-page-body">
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__brand utrecht-link" href={home}>
              <span class="site-header__name">Samenhang</span>
              {ctx.tenant && <span class="site-header__tenant">{ctx.tenant.name}</span>}
            </a>
            <div class="site-header__tools">
              <a class="utrecht-link" href={`/taal/${other}?terug=${encodeURIComponent(ctx.path)}`} hrefLang={other} lang={other}>
                {other === 'en' ? 'English' : 'Nederlands'}
              </a>
              {ctx.user ? (
                <>
                  <a class="utrecht-link" href="/account">
                    {t('layout.myAccount')}
                  </a>
                  <form method="post" action="/afmelden" class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit" class="utrecht-link-button utrecht-link-button--html-button">
                      {t('layout.signOut')}
                    </button>
                  </form>
                </>
              ) : (
                <a class="utrecht-link" href={`/aanmelden?terug=${encodeURIComponent(ctx.path)}`}>
                  {t('layout.signIn')}
                </a>
              )}
            </div>
          </div>
          {ctx.nav.length > 0 && (
            <nav class="site-nav" aria-label={t('layout.mainNavigation')}>
              <ul class="site-nav__list">
                {ctx.nav.map((item) =>
                  item.children ? (
                    <li class="site-nav__group">
                      {/* A menu that opens without JavaScript: the summary is a button for keyboard and screen readers. */}
                      <details class="site-nav__menu">
                        <summary class={`site-nav__link site-nav__summary${item.current ? ' site-nav__link--current' : ''}`}>
                          {item.label}
                        </summary>
                        <ul class="site-nav__sublist">
                          {item.children.map((child) => (
                            <li>
                              <a class="site-nav__link" href={child.href} aria-current={child.current ? 'page' : undefined}>
                                {child.label}
                              </a>
                            </li>
                          ))}
                        </ul>
                      </details>
                    </li>
                  ) : (
                    <li>
                      <a class="site-nav__link" href={item.href} aria-current={item.current ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ),
                )}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" class="site-main" tabIndex={-1}>
          {breadcrumbs && breadcrumbs.length > 0 && (
            <nav aria-label={t('layout.breadcrumbs')} class="breadcrumbs">
              <ol>
                {breadcrumbs.map((b) => (
                  <li>
                    <a class="utrecht-link" href={b.href}>
                      {b.label}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          {ctx.user?.isDemo && <p class="demo-banner">{t('layout.demoAccount')}</p>}
          {children}
        </main>
        <footer class="site-footer">
          <ul class="site-footer__list">
            <li>
              <a class="utrecht-link" href="/toegankelijkheid">
                {t('layout.accessibility')}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href="/privacy">
                {t('layout.privacy')}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href="/api/openapi.json">
                {t('layout.api')}
              </a>
            </li>
          </ul>
          <p class="site-footer__source">{t('layout.dataSource')}</p>
        </footer>
      </body>
    </html>
  );
}

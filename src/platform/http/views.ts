import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { isLocale, translator, type Locale } from '../i18n/index.ts';
import { Layout } from '../../ui/layout.tsx';
import type { NavItem, ViewContext } from '../../ui/context.ts';
import { ensureCsrfToken } from './csrf.ts';
import type { ModuleNavItem } from '../module.ts';
import type { PageOptions } from './types.ts';

export const LANG_COOKIE = 'lang';
const csrfTokens = new WeakMap<FastifyRequest, string>();

/** Render a full HTML document. */
export function renderDocument(ctx: ViewContext, body: VNode, opts: PageOptions): string {
  return '<!doctype html>' + renderToString(h(Layout, { ctx, title: opts.title, breadcrumbs: opts.breadcrumbs }, body));
}

function navFor(menu: readonly ModuleNavItem[], req: FastifyRequest, t: ViewContext['t']): NavItem[] {
  const items: NavItem[] = [];
  const path = req.url.split('?')[0] ?? '/';
  for (const item of menu) {
    if (item.tenantOnly && !req.tenant) continue;
    if (item.roles && !req.roles.some((r) => item.roles!.includes(r))) continue;
    const href = item.path(req.tenant?.slug ?? '');
    items.push({ href, label: t(item.labelKey), current: path === href });
  }
  return items;
}

/** Locale, translator, view context and `reply.page()` on every request; `menu` is the modules' navigation, in order (the app hands it over). */
export function registerViews(app: FastifyInstance, menu: readonly ModuleNavItem[]): void {
  app.decorateRequest('locale', 'nl' as Locale);
  app.decorateRequest('t', null as never);
  app.decorateRequest('viewContext', function (this: FastifyRequest): ViewContext {
    return viewContextOf(this);
  });
  function viewContextOf(req: FastifyRequest): ViewContext {
    return {
      t: req.t,
      locale: req.locale,
      path: req.url,
      csrfToken: csrfTokens.get(req) ?? '',
      user: req.user ? { id: req.user.id, name: req.user.name, isDemo: req.user.isDemo } : null,
      tenant: req.tenant,
      roles: req.roles,
      nav: navFor(menu, req, req.t),
    };
  }
  app.decorateReply('page', function (this, body: VNode, opts: PageOptions) {
    const html = renderDocument(this.request.viewContext(), body, opts);
    return this.code(opts.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  });

  app.addHook('onRequest', async (req, reply) => {
    const fromCookie = req.cookies[LANG_COOKIE];
    req.locale = isLocale(fromCookie) ? fromCookie : 'nl';
    req.t = translator(req.locale);
    csrfTokens.set(req, ensureCsrfToken(req, reply, app.config.sessionSecret, app.config.env === 'production'));
  });
  // The user's own language wins when no explicit choice was made in this browser.
  app.addHook('preValidation', async (req) => {
    if (req.user && !isLocale(req.cookies[LANG_COOKIE]) && req.user.locale !== req.locale) {
      req.locale = req.user.locale;
      req.t = translator(req.locale);
    }
  });
}

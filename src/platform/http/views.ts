import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { gzipSync } from 'node:zlib';
import { isLocale, translator, type Locale } from '../i18n/index.ts';
import { Layout } from '../../ui/layout.tsx';
import { PageContext, type NavItem, type ViewContext } from '../../ui/context.ts';
import { ensureCsrfToken } from './csrf.ts';
import { NAV_GROUPS, type ModuleNavItem, type NavGroup } from '../module.ts';
import type { PageOptions } from './types.ts';

export const LANG_COOKIE = 'lang';
const csrfTokens = new WeakMap<FastifyRequest, string>();
/** The reply of each request, so the CSRF cookie can be set when a page first needs its token. */
const replies = new WeakMap<FastifyRequest, FastifyReply>();

/** Render a full HTML document. */
export function renderDocument(ctx: ViewContext, body: VNode, opts: PageOptions): string {
  const page = h(Layout, { ctx, title: opts.title, breadcrumbs: opts.breadcrumbs }, body);
  return '<!doctype html>' + renderToString(h(PageContext.Provider, { value: ctx }, page));
}

/**
 * The main menu: the items the person may open, under the few top-level groups (NAV_GROUPS order).
 * A group with one item is that item; with more it is a menu labelled with the group's name.
 */
function navFor(menu: readonly ModuleNavItem[], req: FastifyRequest, t: ViewContext['t']): NavItem[] {
  const groups = new Map<NavGroup, NavItem[]>(NAV_GROUPS.map((g) => [g, []]));
  const path = req.url.split('?')[0] ?? '/';
  for (const item of menu) {
    if (item.tenantOnly && !req.tenant) continue;
    if (item.roles && !req.roles.some((r) => item.roles!.includes(r))) continue;
    // (An error page rendered before the principal was built shows no conditional items.)
    if (item.visible && !(req.principal && item.visible(req.principal))) continue;
    const href = item.path(req.tenant?.slug ?? '');
    groups.get(item.group)!.push({ href, label: t(item.labelKey), current: path === href });
  }
  const items: NavItem[] = [];
  for (const [group, children] of groups) {
    const first = children[0];
    if (!first) continue;
    if (children.length === 1) items.push(first);
    else items.push({ href: first.href, label: t(`layout.nav.${group}`), current: children.some((c) => c.current), children });
  }
  return items;
}

/**
 * Documents rendered for anonymous visitors, kept as long as all their dependencies live: nested
 * WeakMaps keyed on the dependency objects (cached summaries, cached areas), then by status,
 * language and URL. When a cache upstream replaces an object, the documents built on it go with
 * it. At most MAX_DOCUMENTS_PER_KEY documents per dependency chain (query strings vary).
 */
const MAX_DOCUMENTS_PER_KEY = 64;
/** A kept document: its bytes, and gzipped once on the first visitor who accepts that. */
interface KeptDocument {
  bytes: Buffer;
  gzip: Buffer | null;
}
type DocNode = { next: WeakMap<object, DocNode>; docs: Map<string, KeptDocument> };
const anonymousDocs: DocNode = { next: new WeakMap(), docs: new Map() };

function anonymousDocument(deps: readonly object[], key: string, render: () => { doc: string; keep: boolean }): KeptDocument | string {
  let node = anonymousDocs;
  for (const dep of deps) {
    let child = node.next.get(dep);
    if (!child) {
      child = { next: new WeakMap(), docs: new Map() };
      node.next.set(dep, child);
    }
    node = child;
  }
  const hit = node.docs.get(key);
  if (hit !== undefined) return hit;
  const { doc, keep } = render();
  if (!keep) return doc;
  const kept: KeptDocument = { bytes: Buffer.from(doc, 'utf8'), gzip: null };
  node.docs.set(key, kept);
  while (node.docs.size > MAX_DOCUMENTS_PER_KEY) node.docs.delete(node.docs.keys().next().value!);
  return kept;
}

/** Whether the visitor's browser takes gzip (every browser does; `gzip;q=0` refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .toLowerCase()
    .split(',')
    .some((part) => {
      const [name, ...params] = part.trim().split(';');
      if (name?.trim() !== 'gzip' && name?.trim() !== '*') return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0;
    });
}

/** Locale, translator, view context and `reply.page()` on every request; `menu` is the modules' navigation, in order (the app hands it over). */
export function registerViews(app: FastifyInstance, menu: readonly ModuleNavItem[]): void {
  app.decorateRequest('locale', 'nl' as Locale);
  app.decorateRequest('t', null as never);
  app.decorateRequest('viewContext', function (this: FastifyRequest): ViewContext {
    return viewContextOf(this);
  });
  /**
   * The visitor's CSRF token, made (and its cookie set) only when something asks for it: a page
   * with a form. Reading a page without a form sets no cookie, and such a page can be kept for
   * every anonymous visitor (reply.page's `anonymousCacheDeps`). Other methods than GET and HEAD
   * get it in the onRequest hook below.
   */
  function tokenOf(req: FastifyRequest): string {
    let token = csrfTokens.get(req);
    if (token === undefined) {
      const reply = replies.get(req);
      if (!reply || reply.raw.headersSent) return '';
      token = ensureCsrfToken(req, reply, app.config.sessionSecret, app.config.env === 'production');
      csrfTokens.set(req, token);
    }
    return token;
  }
  function viewContextOf(req: FastifyRequest): ViewContext {
    return {
      t: req.t,
      locale: req.locale,
      path: req.url,
      get csrfToken() {
        return tokenOf(req);
      },
      user: req.user ? { id: req.user.id, name: req.user.name, isDemo: req.user.isDemo } : null,
      tenant: req.tenant,
      roles: req.roles,
      nav: navFor(menu, req, req.t),
      mapTiles: app.config.mapTiles,
    };
  }
  app.decorateReply('page', function (this, body: VNode, opts: PageOptions) {
    const req = this.request;
    const deps = opts.anonymousCacheDeps;
    const html =
      deps && deps.length > 0 && !req.user
        ? anonymousDocument(deps, `${opts.status ?? 200}\n${req.locale}\n${req.url}`, () => {
            const doc = renderDocument(req.viewContext(), body, opts);
            // Never share a page that carries this visitor's CSRF token (asked for while rendering).
            const token = csrfTokens.get(req);
            return { doc, keep: token === undefined || !doc.includes(token) };
          })
        : renderDocument(req.viewContext(), body, opts);
    this.code(opts.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store');
    if (typeof html === 'string') return this.send(html);
    // A kept document goes out as stored bytes, gzipped (once, then kept) when the browser takes it.
    this.header('vary', 'accept-encoding');
    if (!acceptsGzip(req.headers['accept-encoding'])) return this.send(html.bytes);
    html.gzip ??= gzipSync(html.bytes, { level: 6 });
    return this.header('content-encoding', 'gzip').send(html.gzip);
  });

  app.addHook('onRequest', async (req, reply) => {
    const fromCookie = req.cookies[LANG_COOKIE];
    req.locale = isLocale(fromCookie) ? fromCookie : 'nl';
    req.t = translator(req.locale);
    replies.set(req, reply);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      csrfTokens.set(req, ensureCsrfToken(req, reply, app.config.sessionSecret, app.config.env === 'production'));
    }
  });
  // The user's own language wins when no explicit choice was made in this browser.
  app.addHook('preValidation', async (req) => {
    if (req.user && !isLocale(req.cookies[LANG_COOKIE]) && req.user.locale !== req.locale) {
      req.locale = req.user.locale;
      req.t = translator(req.locale);
    }
  });
}

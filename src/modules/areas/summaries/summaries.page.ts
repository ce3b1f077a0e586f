import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { CohesionFunction, SummaryRenderArgs, SummarySection } from '../../../platform/module.ts';
import type { ViewContext } from '../../../ui/context.ts';
import { cachedSummaries } from './summaries.cache.ts';
import type { StoredSummary } from './summaries.store.ts';

/** One rendered section of the neighbourhood page, with the block it belongs in (`fn` null: after the four functions). */
export interface PageSection {
  id: string;
  fn: CohesionFunction | 'overview' | null;
  node: VNode;
}

/**
 * The sections of an area's page, rendered from the stored summaries (from the cache when warm:
 * no query). A section without a stored summary (the job has not run since it was added) or whose
 * render gives null is left out; one whose render throws (data stored in an older shape) is left
 * out and reported through `log` until the next job run replaces its data. `computedAt` is the
 * oldest moment among the summaries shown, null when none is shown. Sections are rendered to HTML
 * once per cached summary and viewer kind (renderCached below).
 */
export async function renderPageSections(
  db: DbOrTrx,
  args: {
    sections: readonly SummarySection[];
    tenantId: string;
    ctx: ViewContext;
    tenantSlug: string;
    area: SummaryRenderArgs<unknown>['area'];
    log?: (message: string) => void;
  },
): Promise<{ sections: PageSection[]; computedAt: Date | null }> {
  const stored = new Map((await cachedSummaries(db, args.tenantId, args.area.code)).map((s) => [s.sectionId, s]));
  const out: PageSection[] = [];
  let computedAt: Date | null = null;
  for (const section of args.sections) {
    const summary = stored.get(section.id);
    if (!summary) continue;
    let node: VNode | null;
    try {
      node = renderCached(summary, args.ctx, () =>
        section.render({ ctx: args.ctx, tenantSlug: args.tenantSlug, area: args.area, data: summary.data, computedAt: summary.computedAt }),
      );
    } catch (err) {
      args.log?.(
        `area section render failed: section ${section.id}, area ${args.area.code} (${err instanceof Error ? err.name : 'error'})`,
      );
      continue;
    }
    if (!node) continue;
    out.push({ id: section.id, fn: section.fn ?? null, node });
    if (computedAt === null || summary.computedAt < computedAt) computedAt = summary.computedAt;
  }
  return { sections: out, computedAt };
}

/**
 * Rendered sections, per stored summary (so they live and go with the cached summaries) and per
 * what a section may depend on besides its data: the language, the tenant, whether someone is
 * signed in and their roles (the signals section shows staff more). Sections get no request data
 * beyond that (no path, no CSRF token, no user): the same summary renders the same HTML.
 */
const rendered = new WeakMap<StoredSummary, Map<string, string | null>>();

function renderCached(summary: StoredSummary, ctx: ViewContext, render: () => VNode | null): VNode | null {
  if (!Object.isFrozen(summary)) return render();
  const key = `${ctx.locale}\n${ctx.tenant?.slug ?? ''}\n${ctx.user ? 'user' : 'anonymous'}\n${[...ctx.roles].sort().join(',')}`;
  let byKey = rendered.get(summary);
  if (!byKey) {
    byKey = new Map();
    rendered.set(summary, byKey);
  }
  let html = byKey.get(key);
  if (html === undefined) {
    const node = render();
    html = node ? renderToString(node) : null;
    byKey.set(key, html);
  }
  // A fresh node each time (a VNode is not shared between renders).
  return html === null ? null : (h('div', { class: 'page-section', dangerouslySetInnerHTML: { __html: html } }) as VNode);
}

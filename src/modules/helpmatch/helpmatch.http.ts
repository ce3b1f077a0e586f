import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DbOrTrx } from '../../platform/db/database.ts';
import type { RequestTenant } from '../../platform/http/types.ts';
import { truncateIp } from '../../platform/audit/audit.service.ts';
import { listAreas } from '../areas/areas.service.ts';
import type { Role } from '../../platform/roles.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { actorFrom, type Actor } from './actor.ts';
import { type MatchCtx } from './matches/notify.ts';
import type { BuurtOptions } from './views/parts.tsx';

/** Every role of a tenant: pages for anyone with a membership. */
export const MEMBERS: readonly Role[] = ['resident', 'volunteer', 'professional', 'coordinator', 'admin'];
/** The coordinator's pages (policies.ts STAFF): the admin has no rights on the marketplace by being admin. */
export const COORDINATORS: readonly Role[] = ['coordinator'];

/** The request's principal as an Actor (Unauthorized without a signed-in user), with the network for the audit log. */
export function actorOf(req: FastifyRequest): Actor {
  return actorFrom(req.principal, truncateIp(req.ip));
}

/** Tenant, clock and base address for service calls that send mail. */
export function matchCtx(app: FastifyInstance, tenant: RequestTenant): MatchCtx {
  return { tenantId: tenant.id, tenantSlug: tenant.slug, baseUrl: app.config.baseUrl, now: app.clock.now() };
}

/** Buurten of the tenant grouped by wijk, for selects and labels. */
export async function buurtOptions(db: DbOrTrx, tenantId: string): Promise<BuurtOptions> {
  const [wijken, buurten] = await Promise.all([
    listAreas(db, tenantId, { level: 'district' }),
    listAreas(db, tenantId, { level: 'neighbourhood' }),
  ]);
  const names = new Map<string, string>();
  for (const a of [...wijken, ...buurten]) names.set(a.code, a.name);
  const groups = wijken
    .map((w) => ({ wijk: w.name, buurten: buurten.filter((b) => b.parentCode === w.code).map((b) => ({ code: b.code, name: b.name })) }))
    .filter((g) => g.buurten.length > 0);
  return { groups, names };
}

/** Where a map of the municipality starts: the municipality's label point, else a buurt's, else the middle of the Netherlands. */
export async function mapCenterOf(db: DbOrTrx, tenantId: string): Promise<{ lat: number; lon: number }> {
  const [muni] = await listAreas(db, tenantId, { level: 'municipality' });
  const label = muni?.label ?? (await listAreas(db, tenantId, { level: 'neighbourhood' })).find((a) => a.label)?.label ?? null;
  return label ? { lon: label[0], lat: label[1] } : { lat: 52.1, lon: 5.3 };
}

/** Notices after a redirect (`?melding=code`): only these codes are accepted. */
const NOTICES: Record<string, MessageKey> = {
  'vraag-verstuurd': 'helpmatch.notice.requestCreated',
  'aanbod-opgeslagen': 'helpmatch.notice.offerSaved',
  'aanspreekpunt-aangemeld': 'helpmatch.notice.latentSaved',
  'aanspreekpunt-afgemeld': 'helpmatch.notice.latentStopped',
  ingetrokken: 'helpmatch.notice.withdrawn',
  gereageerd: 'helpmatch.notice.responded',
  aangenomen: 'helpmatch.notice.accepted',
  afgewezen: 'helpmatch.notice.declined',
  geannuleerd: 'helpmatch.notice.cancelled',
  'niet-gekomen': 'helpmatch.notice.noShow',
  'bericht-verstuurd': 'helpmatch.notice.messageSent',
  'uren-doorgegeven': 'helpmatch.notice.hoursRecorded',
  'uren-bevestigd': 'helpmatch.notice.hoursConfirmed',
  'week-bevestigd': 'helpmatch.notice.weekConfirmed',
  gekozen: 'helpmatch.notice.chosen',
  'niet-gekozen': 'helpmatch.notice.notChosen',
  beeindigd: 'helpmatch.notice.ended',
  'ervaring-opgeslagen': 'helpmatch.notice.feedbackSaved',
  gemeld: 'helpmatch.notice.reported',
  voorgesteld: 'helpmatch.notice.proposed',
  'vog-opgeslagen': 'helpmatch.notice.vogSaved',
  geblokkeerd: 'helpmatch.notice.blocked',
  gedeblokkeerd: 'helpmatch.notice.unblocked',
  afgehandeld: 'helpmatch.notice.handled',
  'vacature-geplaatst': 'helpmatch.notice.vacancyCreated',
  'vacature-gereageerd': 'helpmatch.notice.vacancyResponded',
  'vacature-gesloten': 'helpmatch.notice.vacancyClosed',
};

/** The query string of a page that shows a notice after a redirect; anything else in it is ignored. */
export const noticeQuery = z.object({ melding: z.string().optional().catch(undefined) });

/** The i18n key of the notice named in the query string (`melding`), or null. */
export function noticeOf(query: { melding?: string | undefined }): MessageKey | null {
  return query.melding !== undefined && Object.hasOwn(NOTICES, query.melding) ? (NOTICES[query.melding] ?? null) : null;
}

/** The value of a form field as a string (first of several). */
export function str(values: Record<string, string | string[]>, key: string): string | undefined {
  const v = values[key];
  return Array.isArray(v) ? v[0] : v;
}

/** The values of a form field as a list. */
export function list(values: Record<string, string | string[]>, key: string): string[] {
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The single-valued fields of a submitted form (for forms without checkbox groups). */
export function singleValues(values: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string') out[k] = v;
  return out;
}

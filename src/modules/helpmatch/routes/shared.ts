import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { truncateIp } from '../../../platform/audit/audit.service.ts';
import { listAreas } from '../../areas/areas.service.ts';
import type { Role } from '../../../platform/roles.ts';
import type { Actor, MatchCtx } from '../helpmatch.service.ts';
import type { BuurtOptions } from '../views/parts.tsx';

/** Every role of a tenant: pages for anyone with a membership. */
export const MEMBERS: readonly Role[] = ['resident', 'volunteer', 'professional', 'coordinator', 'admin'];
export const COORDINATORS: readonly Role[] = ['coordinator', 'admin'];

/** The signed-in user as an Actor in the request's tenant. */
export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.user!.id, roles: req.roles, ip: truncateIp(req.ip) };
}

/** Tenant, clock and base address for service calls that send mail. */
export function matchCtx(app: FastifyInstance, req: FastifyRequest): MatchCtx {
  return { tenantId: req.tenant!.id, tenantSlug: req.tenant!.slug, baseUrl: app.config.baseUrl, now: app.clock.now() };
}

/** Organisations the user is a member of in the request's tenant. */
export function organisationsOf(req: FastifyRequest): string[] {
  return [
    ...new Set(
      (req.user?.memberships ?? []).filter((m) => m.tenantId === req.tenant?.id && m.organisationId).map((m) => m.organisationId!),
    ),
  ];
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

/** Field errors of a service error that belongs on the form (4xx with fields); rethrows everything else. */
export function formErrorsOf(err: unknown, t: Translate): { status: number; errors: Record<string, string> } {
  if (err instanceof AppError && err.fields && err.status < 500) {
    return { status: err.status, errors: Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, t(v)])) };
  }
  throw err;
}

/** Submitted values to fill a form in again: strings, and arrays (checkbox groups) as arrays. */
export function formValues(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (k === '_csrf') continue;
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    }
  }
  return out;
}

/** Notices after a redirect (`?melding=code`): only these codes are accepted. */
const NOTICES: Record<string, string> = {
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

/** The i18n key of the notice named in the query string, or null. */
export function noticeOf(query: unknown): string | null {
  const code = (query as { melding?: unknown } | undefined)?.melding;
  return typeof code === 'string' ? (NOTICES[code] ?? null) : null;
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

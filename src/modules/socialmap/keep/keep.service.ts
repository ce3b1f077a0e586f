/**
 * Keeping the social map fresh: correction suggestions (from anyone), their handling by the
 * provider or a coordinator, the reminder job that asks providers to confirm their entries, and
 * the retention of suggesters' e-mail addresses.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { DbOrTrx, Trx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { getUserProfile, listMembers } from '../../people/people.service.ts';
import { freshnessCutoffs, formatCheckedDate, needsCheck } from './freshness.ts';
import type { Principal } from '../../../platform/principal.ts';
import { authorize } from '../../../platform/principal.ts';
import { can, reachedOrganisations, tenantOf } from '../policies.ts';
import * as store from './keep.store.ts';
import * as suggestionStore from './keep.suggestions.store.ts';
import { keepServiceItem, openSuggestion, type KeepServiceItem, type OpenSuggestion } from './keep.presenter.ts';
import { ZONE } from '../../../platform/time.ts';
import { isUuid } from '../../../platform/ids.ts';

/** Suggesters' e-mail addresses are removed this many months after the suggestion was handled. */
export const SUGGESTION_EMAIL_RETENTION_MONTHS = 3;
/** The freshness job runs once a day. */
export const FRESHNESS_JOB = 'socialmap.keep.freshness';
const DAY_MS = 24 * 3600 * 1000;

export const suggestionForm = z.object({
  message: z.string().trim().min(5, 'socialmap.keep.suggest.messageShort').max(2000, 'socialmap.keep.suggest.messageLong'),
  email: z
    .string()
    .trim()
    .max(254, 'socialmap.keep.suggest.email')
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || z.email().safeParse(v).success, 'socialmap.keep.suggest.email'),
});

export const handleForm = z
  .object({
    decision: z.enum(['accepted', 'rejected'], 'socialmap.keep.handle.decision'),
    reason: z
      .string()
      .trim()
      .max(1000, 'socialmap.keep.handle.reasonLong')
      .optional()
      .transform((v) => v || null),
  })
  .refine((h) => h.decision === 'accepted' || h.reason !== null, { message: 'socialmap.keep.handle.reasonRequired', path: ['reason'] });

/** Store a correction suggestion for a service of the tenant (anyone may; the e-mail is optional). */
export async function suggestCorrection(
  db: DbOrTrx,
  input: {
    tenantId: string;
    serviceId: string;
    message: string;
    email: string | null;
    locale: Locale;
    now: Date;
    ip: string | null;
    userId: string | null;
  },
): Promise<{ id: string }> {
  if (!isUuid(input.serviceId)) throw NotFound('socialmap.error.serviceNotFound');
  return inTransaction(db, async (trx) => {
    const service = await store.findServiceOwner(trx, input.tenantId, input.serviceId);
    if (!service) throw NotFound('socialmap.error.serviceNotFound');
    const row = await suggestionStore.insertSuggestion(trx, {
      tenantId: input.tenantId,
      serviceId: input.serviceId,
      message: input.message,
      email: input.email?.toLowerCase() ?? null,
      locale: input.locale,
      now: input.now,
    });
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: input.userId,
      ip: input.ip,
      action: 'create',
      entity: 'socialmap_suggestion',
      entityId: row.id,
      detail: { serviceId: input.serviceId, replyWanted: input.email !== null },
    });
    return row;
  });
}

/** The maintenance list: the entries the principal maintains, whether that is all of them, whether they may add one, and how many suggestions wait. */
export async function keepOverview(
  db: DbOrTrx,
  principal: Principal,
): Promise<{ services: KeepServiceItem[]; all: boolean; canCreate: boolean; openSuggestions: number }> {
  authorize(can(principal, 'socialmap.keep.list'));
  const tenantId = tenantOf(principal);
  const reached = reachedOrganisations(principal, 'socialmap.keep.list');
  const [services, organisations, suggestions] = await Promise.all([
    store.listKeepServices(db, tenantId, reached),
    store.listKeepOrganizations(db, tenantId, reachedOrganisations(principal, 'socialmap.service.create')),
    openSuggestions(db, principal),
  ]);
  return {
    services: services.map(keepServiceItem),
    all: reached === null,
    canCreate: can(principal, 'socialmap.service.create') && organisations.length > 0,
    openSuggestions: suggestions.length,
  };
}

/** Open suggestions the principal may handle (coordinators: all of the tenant), newest first. */
export async function openSuggestions(db: DbOrTrx, principal: Principal, serviceId?: string): Promise<OpenSuggestion[]> {
  authorize(can(principal, 'socialmap.suggestion.handle'));
  const rows = await suggestionStore.listSuggestions(db, tenantOf(principal), {
    status: 'open',
    peopleOrganisationIds: reachedOrganisations(principal, 'socialmap.suggestion.handle'),
    ...(serviceId ? { serviceId } : {}),
  });
  return rows.map(openSuggestion);
}

/**
 * Accept or reject an open suggestion (a reason is required to reject); the suggester gets a reply
 * by mail when they left an address. Forbidden for another organisation's entry; Conflict when handled already.
 */
export async function handleSuggestion(
  db: DbOrTrx,
  principal: Principal,
  input: {
    id: string;
    decision: 'accepted' | 'rejected';
    reason: string | null;
    now: Date;
    ip: string | null;
    baseUrl: string;
    tenantSlug: string;
  },
): Promise<{ serviceId: string }> {
  authorize(can(principal, 'socialmap.suggestion.handle'));
  const tenantId = tenantOf(principal);
  const userId = principal.userId;
  // Handled by a person: the suggestion records who.
  if (userId === null) throw Forbidden();
  if (!isUuid(input.id)) throw NotFound('socialmap.keep.suggestionNotFound');
  if (input.decision === 'rejected' && !input.reason) throw Invalid({ reason: 'socialmap.keep.handle.reasonRequired' });
  return inTransaction(db, async (trx) => {
    const s = await suggestionStore.findSuggestionForUpdate(trx, tenantId, input.id);
    if (!s) throw NotFound('socialmap.keep.suggestionNotFound');
    const owner = await store.findServiceOwner(trx, tenantId, s.service_id);
    if (!owner || !can(principal, 'socialmap.suggestion.handle', { tenantId, organisationIds: [owner.people_organisation_id] })) {
      throw Forbidden('socialmap.keep.notYours');
    }
    if (
      s.status !== 'open' ||
      !(await suggestionStore.handleSuggestion(trx, tenantId, s.id, {
        status: input.decision,
        reason: input.reason,
        userId,
        now: input.now,
      }))
    ) {
      throw Conflict('socialmap.keep.handle.already');
    }
    if (s.email) {
      const t = translator(s.locale);
      const vars = {
        service: s.service_name,
        reason: input.reason ?? '',
        link: `${input.baseUrl}/${input.tenantSlug}/sociale-kaart/aanbod/${s.service_id}`,
      };
      await queueMail(trx, {
        to: s.email,
        subject: t('socialmap.keep.mail.reply.subject', vars),
        text: [
          t(`socialmap.keep.mail.reply.${input.decision}`, vars),
          input.reason ? t('socialmap.keep.mail.reply.reason', vars) : '',
          t('socialmap.keep.mail.reply.footer', vars),
        ]
          .filter(Boolean)
          .join('\n\n'),
        locale: s.locale,
        tenantId: tenantId,
        now: input.now,
      });
    }
    await recordAudit(trx, {
      tenantId: tenantId,
      actorUserId: userId,
      ip: input.ip,
      action: input.decision === 'accepted' ? 'accept' : 'reject',
      entity: 'socialmap_suggestion',
      entityId: s.id,
      detail: { serviceId: s.service_id, replied: s.email !== null },
    });
    return { serviceId: s.service_id };
  });
}

// --- the freshness job ---

export interface FreshnessRunResult {
  mails: number;
  services: number;
  emailsForgotten: number;
}

async function remindTenant(
  db: DbOrTrx,
  tenant: { id: string; slug: string; name: string },
  now: Date,
  baseUrl: string,
): Promise<{ mails: number; services: number }> {
  // The SQL cut-off has a few days' margin (calendar months vary); needsCheck decides exactly.
  const before = new Date(freshnessCutoffs(now).checkBefore.getTime() + 4 * DAY_MS);
  const due = (await store.listDueServices(db, tenant.id, before)).filter((s) => needsCheck(s.last_checked_at, now));
  const byOrganisation = new Map<string, store.DueServiceRow[]>();
  for (const s of due) byOrganisation.set(s.people_organisation_id, [...(byOrganisation.get(s.people_organisation_id) ?? []), s]);
  let mails = 0;
  let services = 0;
  for (const [organisationId, list] of byOrganisation) {
    const members = await listMembers(db, tenant.id, { organisationId });
    const addresses = [...new Set(members.map((mm) => mm.email).filter((e): e is string => !!e))];
    await inTransaction(db, async (trx: Trx) => {
      const t = translator('nl');
      const lines = list.map((s) =>
        t('socialmap.keep.mail.remind.line', {
          name: s.name,
          date: s.last_checked_at ? formatCheckedDate(s.last_checked_at, 'nl') : t('socialmap.keep.never'),
        }),
      );
      const vars = { municipality: tenant.name, count: list.length, link: `${baseUrl}/${tenant.slug}/sociale-kaart/beheer` };
      for (const to of addresses) {
        await queueMail(trx, {
          to,
          subject: t('socialmap.keep.mail.remind.subject', vars),
          text: [t('socialmap.keep.mail.remind.intro', vars), lines.join('\n'), t('socialmap.keep.mail.remind.outro', vars)].join('\n\n'),
          locale: 'nl',
          tenantId: tenant.id,
          now,
        });
        mails += 1;
      }
      // Remembered also without members: a coordinator sees stale entries in the coverage view.
      for (const s of list) await store.insertReminder(trx, tenant.id, s.id, s.last_checked_at, now);
      await recordAudit(trx, {
        tenantId: tenant.id,
        actorUserId: null,
        action: 'remind',
        entity: 'socialmap_service',
        entityId: null,
        detail: { services: list.length, mails: addresses.length },
      });
    });
    services += list.length;
  }
  return { mails, services };
}

/** One run of the freshness job: remind providers of entries due for a check (once per period), forget old suggester addresses. */
export async function runFreshness(db: DbOrTrx, now: Date, baseUrl: string): Promise<FreshnessRunResult> {
  const result: FreshnessRunResult = { mails: 0, services: 0, emailsForgotten: 0 };
  for (const tenant of await listTenants(db)) {
    const r = await remindTenant(db, tenant, now, baseUrl);
    result.mails += r.mails;
    result.services += r.services;
  }
  const keepUntil = DateTime.fromJSDate(now, { zone: ZONE }).minus({ months: SUGGESTION_EMAIL_RETENTION_MONTHS }).toJSDate();
  result.emailsForgotten = await suggestionStore.forgetHandledEmails(db, keepUntil);
  return result;
}

/** The job handler: one run, then the next one a day later. */
export async function freshnessJob(args: JobHandlerArgs): Promise<void> {
  await runFreshness(args.db, args.now, args.config.baseUrl);
  await enqueueJob(args.db, { kind: FRESHNESS_JOB, runAt: new Date(args.now.getTime() + DAY_MS) });
}

// --- a person's data ---

/** The suggestions a person left with their account's e-mail address. */
export async function exportKeepUserData(db: DbOrTrx, userId: string): Promise<Record<string, unknown>> {
  const profile = await getUserProfile(db, userId);
  if (!profile.email) return { suggestions: [] };
  return { suggestions: await suggestionStore.suggestionsByEmail(db, profile.email) };
}

/** Remove a deleting person's e-mail address from their suggestions (the suggestion itself stays, anonymous). */
export async function forgetKeepUserData(trx: Trx, userId: string): Promise<void> {
  const profile = await getUserProfile(trx, userId).catch(() => null);
  if (profile?.email) await suggestionStore.forgetEmail(trx, profile.email);
}

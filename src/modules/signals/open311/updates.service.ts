/**
 * `POST servicerequestupdates` (mySociety extension): an external handler (a contractor's system
 * with a key that may handle) reports progress or closure of a signal. Its status is mapped onto
 * the core workflow; an illegal step is refused; a repeated update_id is refused (as FixMyStreet).
 */
import { DateTime } from 'luxon';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import type { Locale, Translate } from '../../../platform/i18n/index.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { canTransition, listSignals, transitionSignal } from '../signals.service.ts';
import type { SignalState } from '../workflow.ts';
import type { ApiKeyRow } from './apikeys.service.ts';
import { toOpen311Error } from './errors.ts';
import { badRequest, forbidden, notFound } from './format.ts';
import { param, refuseNul, type FormBody } from './requests.service.ts';
import { MAX_OPEN311_DESCRIPTION, MAX_UPDATE_ID } from './schemas.ts';
import * as store from './open311.store.ts';
import { systemPrincipal } from '../../../platform/principal.ts';

/** mySociety statuses (any case) → our state; `null` means "still open, no change of state". */
export const STATUS_TO_STATE: Readonly<Record<string, SignalState | null>> = {
  open: null,
  for_triage: null,
  in_progress: 'in_behandeling',
  investigating: 'in_behandeling',
  internal_referral: 'in_behandeling',
  planned: 'ingepland',
  action_scheduled: 'ingepland',
  fixed: 'afgehandeld',
  closed: 'afgehandeld',
  duplicate: 'geannuleerd',
  not_councils_responsibility: 'geannuleerd',
  no_further_action: 'geannuleerd',
  cancelled: 'geannuleerd',
  reopen: 'heropend',
};

export interface PostUpdateArgs {
  tenant: { id: string; slug: string };
  apiKey: ApiKeyRow;
  body: FormBody;
  baseUrl: string;
  locale: Locale;
  t: Translate;
  now: Date;
  ip: string | null;
}

/** Apply one update from a handler; returns its update_id. Throws Open311Error for what the client must fix. */
export async function postUpdate(db: DbOrTrx, a: PostUpdateArgs): Promise<{ updateId: string }> {
  const { body } = a;
  refuseNul(body);
  if (!a.apiKey.can_handle) throw forbidden('open311.error.noHandler');
  const missing = ['service_request_id', 'update_id', 'status', 'updated_datetime', 'description'].filter(
    (k) => param(body, k) === undefined,
  );
  if (missing.length) throw badRequest('open311.error.missing', { fields: missing.join(', ') });
  const requestId = param(body, 'service_request_id')!;
  const updateId = param(body, 'update_id')!;
  const status = param(body, 'status')!.toLowerCase();
  const description = param(body, 'description')!;
  if (updateId.length > MAX_UPDATE_ID) throw badRequest('open311.error.updateIdLong');
  if (description.length > MAX_OPEN311_DESCRIPTION) throw badRequest('open311.error.descriptionLong', { max: MAX_OPEN311_DESCRIPTION });
  if (!DateTime.fromISO(param(body, 'updated_datetime')!).isValid) throw badRequest('open311.error.date', { name: 'updated_datetime' });
  if (!(status in STATUS_TO_STATE)) throw badRequest('open311.error.statusUnknown', { status: status.toUpperCase().slice(0, 60) });

  const rows =
    requestId.length <= 50
      ? await listSignals(db, systemPrincipal(a.tenant.id, a.now), a.tenant.id, { publicIds: [requestId], sensitive: false, limit: 1 })
      : [];
  const signal = rows.find((r) => !r.sensitive);
  if (!signal) throw notFound('open311.error.requestUnknown', { id: requestId.slice(0, 60) });
  if (a.apiKey.organisation_id && signal.organisation_id !== a.apiKey.organisation_id) {
    throw forbidden('open311.error.organisationOnly');
  }
  let to: SignalState | null = STATUS_TO_STATE[status] ?? null;
  // "open" on a closed request reopens it; other statuses equal to the current state change nothing.
  if (status === 'open' && (signal.state === 'afgehandeld' || signal.state === 'geannuleerd')) to = 'heropend';
  if (to === signal.state) to = null;
  if (to && !canTransition(signal.state, to)) {
    throw badRequest('open311.error.illegal', { state: a.t(`signals.state.${signal.state}`), status: status.toUpperCase() });
  }

  try {
    return await inTransaction(db, async (trx) => {
      let transitionId: string | null = null;
      if (to) {
        await transitionSignal(trx, {
          tenantId: a.tenant.id,
          signalId: signal.id,
          to,
          internalNote: a.t('open311.update.note', { client: a.apiKey.client_name, text: description }),
          actorUserId: null,
          reason: 'open311',
          ip: a.ip,
          locale: a.locale,
          links: { baseUrl: a.baseUrl, tenantSlug: a.tenant.slug },
          now: a.now,
          // An organisation's API key (checked above) acts for the platform.
          principal: systemPrincipal(a.tenant.id, a.now),
        });
        transitionId = await store.latestTransitionId(trx, a.tenant.id, signal.id);
      }
      const fresh = await store.insertUpdate(trx, {
        tenantId: a.tenant.id,
        apiKeyId: a.apiKey.id,
        updateId,
        signalId: signal.id,
        transitionId,
        now: a.now,
      });
      // Refused before anything is kept: the transaction (with any state change) rolls back.
      if (!fresh) throw badRequest('open311.error.updateRepeated', { id: updateId });
      await recordAudit(trx, {
        tenantId: a.tenant.id,
        actorUserId: null,
        ip: a.ip,
        action: 'open311_update',
        entity: 'signal',
        entityId: signal.id,
        detail: { apiKeyId: a.apiKey.id, status, changed: to !== null },
      });
      return { updateId };
    });
  } catch (err) {
    throw toOpen311Error(err, a.t);
  }
}

/**
 * `POST requests`: a service request from an Open311 client becomes a signal (source `open311`)
 * through the signals core, in one transaction with its confirmation mail and the request's
 * token. A repeated submission (same `Idempotency-Key`, or the very same form) gives the same
 * signal back.
 */
import { createHash } from 'node:crypto';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Locale, Translate } from '../../../platform/i18n/index.ts';
import { createSignal } from '../signals.service.ts';
import { placeAddress } from '../../areas/areas.service.ts';
import type { ApiKeyRow } from './apikeys.service.ts';
import { badRequest, notFound } from './format.ts';
import { toOpen311Error } from './errors.ts';
import * as store from './open311.store.ts';
import { MAX_OPEN311_DESCRIPTION, MAX_SERVICE_CODE } from './schemas.ts';

const NUMBER = /^[+-]?\d{1,3}(\.\d{1,15})?$/;
const ATTRIBUTE = /^attribute\[([^\]]{1,100})\](\[\])?$/;

export type FormBody = Readonly<Record<string, unknown>>;

/** A single optional text parameter: empty counts as absent (spec, "Optional Arguments"). */
export function param(body: FormBody, name: string): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) throw badRequest('open311.error.once', { name });
  if (typeof v !== 'string' && typeof v !== 'number') throw badRequest('open311.error.text', { name });
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** Refuse NUL characters anywhere (PostgreSQL cannot store them). */
export function refuseNul(body: FormBody): void {
  for (const [k, v] of Object.entries(body)) {
    if ((Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && x.includes('\u0000'))) {
      throw badRequest('open311.error.nul', { name: k.slice(0, 100) });
    }
  }
}

function coordinate(body: FormBody, name: 'lat' | 'long'): number | undefined {
  const v = param(body, name);
  if (v === undefined) return undefined;
  if (!NUMBER.test(v)) throw badRequest('open311.error.decimal', { name });
  return Number(v);
}

/** attribute[code]=value pairs (and attribute[code][]=value with one value). */
export function attributesOf(body: FormBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const m = ATTRIBUTE.exec(k);
    if (!m) continue;
    const values = (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string' && x.trim() !== '');
    if (values.length > 1) throw badRequest('open311.error.attributeOne', { code: m[1]! });
    if (values.length === 1) out[m[1]!] = String(values[0]).trim();
  }
  return out;
}

/** The idempotency key of a submission: the client's header, else a hash of the whole form (without the key). */
export function idempotencyKeyOf(apiKeyId: string, header: string | undefined, body: FormBody): string {
  if (header !== undefined) {
    const h = header.trim();
    if (h.length === 0 || h.length > 200 || !/^[\x21-\x7e]+$/.test(h)) throw badRequest('open311.error.idempotencyKey');
    return `open311:${apiKeyId}:h:${h}`;
  }
  const canonical = JSON.stringify(
    Object.entries(body)
      .filter(([k]) => k !== 'api_key')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return `open311:${apiKeyId}:b:${createHash('sha256').update(canonical).digest('hex')}`;
}

export interface CreateRequestArgs {
  tenant: { id: string; slug: string };
  apiKey: ApiKeyRow;
  body: FormBody;
  idempotencyHeader: string | undefined;
  baseUrl: string;
  locale: Locale;
  t: Translate;
  now: Date;
}

export interface CreatedRequest {
  serviceRequestId: string;
  /** What the client may tell the reporter: the handling deadline. */
  serviceNotice: string;
  token: string | null;
  replayed: boolean;
}

/** Create (or replay) a service request; throws Open311Error for anything the client must fix. */
export async function createOpen311Request(db: DbOrTrx, a: CreateRequestArgs): Promise<CreatedRequest> {
  const { body, t } = a;
  refuseNul(body);
  const code = param(body, 'service_code');
  if (!code) throw badRequest('open311.error.serviceMissing');
  if (code.length > MAX_SERVICE_CODE) throw notFound('open311.error.serviceUnknown', { code: code.slice(0, MAX_SERVICE_CODE) });
  const category = await store.findPublicCategory(db, a.tenant.id, code);
  if (!category) throw notFound('open311.error.serviceUnknown', { code });

  const lat = coordinate(body, 'lat');
  const lon = coordinate(body, 'long');
  if ((lat === undefined) !== (lon === undefined)) throw badRequest('open311.error.latLong');
  const address = param(body, 'address_string');
  if (lat === undefined && !address) {
    throw badRequest(param(body, 'address_id') ? 'open311.error.addressId' : 'open311.error.location');
  }
  // An address without coordinates is geocoded before anything is stored: every signal gets its buurt and wijk.
  let point = lat !== undefined && lon !== undefined ? { lat, lon } : null;
  if (!point && address) {
    const placed = await placeAddress(db, a.tenant.id, { text: address });
    if (!placed.ok) throw badRequest('open311.error.addressNotPlaced', { message: t(placed.messageKey, placed.params) });
    point = { lat: placed.hit.lat, lon: placed.hit.lon };
  }
  const description = param(body, 'description') ?? category.name;
  if (description.length > MAX_OPEN311_DESCRIPTION) throw badRequest('open311.error.descriptionLong', { max: MAX_OPEN311_DESCRIPTION });
  const names = [param(body, 'first_name'), param(body, 'last_name')].filter(Boolean).join(' ');
  const email = param(body, 'email');
  const answers = attributesOf(body);
  const idempotencyKey = idempotencyKeyOf(a.apiKey.id, a.idempotencyHeader, body);

  try {
    // The request's token is stored in the signal's own transaction (createSignal's `also`).
    let token: string | null = null;
    const created = await createSignal(
      db,
      {
        tenantId: a.tenant.id,
        category: { id: category.id },
        description,
        latitude: point?.lat ?? null,
        longitude: point?.lon ?? null,
        address: address ?? null,
        reporter: { name: names || null, email: email ?? null, phone: param(body, 'phone') ?? null },
        wantsFeedback: email !== undefined,
        source: 'open311',
        answers,
        idempotencyKey,
        locale: a.locale,
        links: { baseUrl: a.baseUrl, tenantSlug: a.tenant.slug },
        now: a.now,
      },
      async (trx, fresh) => {
        const request = store.requestWrite(trx, { tenantId: a.tenant.id, signalId: fresh.signal.id, apiKeyId: a.apiKey.id, now: a.now });
        token = request.token;
        return [request.write];
      },
    );
    if (created.replayed) token = await store.findTokenOfSignal(db, a.tenant.id, created.signal.id);
    const serviceNotice = t('open311.request.notice', { days: category.deadline_days });
    return { serviceRequestId: created.signal.public_id, serviceNotice, token, replayed: created.replayed };
  } catch (err) {
    throw toOpen311Error(err, t);
  }
}

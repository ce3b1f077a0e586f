/**
 * Open311 answers in both formats: JSON (the Spark mapping of the XML) and XML, with the
 * specification's content types, element names and array wrappers, and its error body
 * (`[{code, description}]` / `<errors><error>…`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { type Translate, translateChecked } from '../../../platform/i18n/index.ts';
import { toXml } from './xml.ts';
import { ZONE } from '../../../platform/time.ts';

export type Format = 'json' | 'xml';
export const FORMATS: readonly Format[] = ['json', 'xml'];

/** Item element names of every array in Open311 XML (GeoReport v2, Service Discovery, mySociety). */
export const ITEM_NAMES = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
  service_requests: 'request',
  service_request_updates: 'request_update',
} as const;

export const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The format asked for by the path's extension (`…/services.xml`); JSON when there is none. */
export function formatOf(req: FastifyRequest): Format {
  const path = (req.url.split('?')[0] ?? '').toLowerCase();
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/** An instant in W3C/ISO 8601 with the Dutch offset, e.g. `2026-11-23T11:00:00+01:00`. */
export function w3cTime(d: Date): string {
  return DateTime.fromJSDate(d, { zone: ZONE }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** Send `value` as JSON, or as XML under `root` (arrays wrapped per ITEM_NAMES). */
export function sendOpen311(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200): FastifyReply {
  reply.code(status).header('cache-control', 'no-store');
  if (format === 'xml') return reply.type(CONTENT_TYPE.xml).send(toXml(root, value, ITEM_NAMES));
  return reply.type(CONTENT_TYPE.json).send(JSON.stringify(value));
}

export interface Open311ErrorItem {
  code: number;
  /** An i18n key (translated when sent, in the client's language) or a text already translated. */
  description: string;
  vars?: Record<string, string | number>;
}

/**
 * An error answered in the specification's format. HTTP status per the spec: 404 for resources
 * that do not exist, 403 for a missing or wrong api_key, 400 for anything else; and 429 (with
 * Retry-After) when a client writes too often.
 */
export class Open311Error extends Error {
  constructor(
    public readonly status: 400 | 403 | 404 | 429,
    public readonly errors: readonly Open311ErrorItem[],
    /** Seconds, for the Retry-After header of a 429. */
    public readonly retryAfter?: number,
  ) {
    super(errors.map((e) => e.description).join('; '));
    this.name = 'Open311Error';
  }
}

type Vars = Record<string, string | number>;
/** 400 with one error; `key` is an `open311.error.*` message. */
export const badRequest = (key: string, vars?: Vars, code = 400) =>
  new Open311Error(400, [{ code, description: key, ...(vars ? { vars } : {}) }]);
export const forbidden = (key: string, vars?: Vars) => new Open311Error(403, [{ code: 403, description: key, ...(vars ? { vars } : {}) }]);
export const notFound = (key: string, vars?: Vars) => new Open311Error(404, [{ code: 404, description: key, ...(vars ? { vars } : {}) }]);
export const tooMany = (key: string, vars: Vars & { seconds: number }) =>
  new Open311Error(429, [{ code: 429, description: key, vars }], vars.seconds);

/** Send errors as `[{code, description}]` or `<errors><error>…</error></errors>`, descriptions translated. */
export function sendErrors(
  reply: FastifyReply,
  format: Format,
  status: number,
  errors: readonly Open311ErrorItem[],
  t: Translate,
): FastifyReply {
  return sendOpen311(
    reply,
    format,
    'errors',
    errors.map((e) => ({ code: e.code, description: translateChecked(t, e.description, e.vars) })),
    status,
  );
}

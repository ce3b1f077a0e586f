/**
 * Open311 GeoReport v2 under `/{tenant}/open311/v2/`, every resource as `.json` and `.xml`, plus
 * the mySociety `servicerequestupdates` extension. Public routes without CSRF: writes authenticate
 * with an api_key. Errors always in the specification's format.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { authenticateApiKey, type ApiKeyRow } from './apikeys.service.ts';
import { toOpen311Error } from './errors.ts';
import { FORMATS, Open311Error, forbidden, formatOf, notFound, sendErrors, sendOpen311, tooMany, type Format } from './format.ts';
import * as rate from './ratelimit.ts';
import * as reads from './reads.service.ts';
import { createOpen311Request, param, type FormBody } from './requests.service.ts';
import { postUpdate } from './updates.service.ts';
import {
  RESPONSES,
  anyQuery,
  codeParams,
  idParams,
  requestBody,
  requestsQuery,
  tokenParams,
  updateBody,
  updatesQuery,
  writeQuery,
} from './schemas.ts';
import { truncateIp } from '../../../platform/audit/audit.service.ts';
import type { Db } from '../../../platform/db/database.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { isLocale, translator, type Locale } from '../../../platform/i18n/index.ts';

const BASE = '/:tenant/open311/v2';
/** Public routes without CSRF: writes authenticate with an api_key. */
const EDGE = { policy: 'public', csrf: false } as const;
const TAGS = ['open311'];

/** What the OpenAPI document says of one operation in one format. */
function docs(
  format: Format,
  d: { summary: string; description?: string; consumes?: string[]; response: Record<number, z.ZodType> },
): { tags: string[]; produces: string[]; summary: string; description?: string; consumes?: string[]; response: Record<number, z.ZodType> } {
  return { tags: TAGS, produces: [format === 'xml' ? 'text/xml' : 'application/json'], ...d };
}

/**
 * Before every write: look the key up (form field or query string) among this tenant's keys, then
 * count the write for the client's address (always, so floods without a valid key are limited too)
 * and, within the address's limit, for the key, in one statement; then refuse: 429 with Retry-After
 * beyond the address's limit, 403 without a valid key, 429 beyond the key's limit (ratelimit.ts).
 */
async function authorizeWrite(
  app: FastifyInstance,
  db: Db,
  tenant: RequestTenant,
  sent: { ip: string; body: FormBody; query: FormBody },
): Promise<ApiKeyRow> {
  const tenantId = tenant.id;
  const now = app.clock.now();
  const given = param(sent.body, 'api_key') ?? param(sent.query, 'api_key');
  const key = given ? await authenticateApiKey(db, tenantId, given, now) : null;
  const addressLimit = Math.max(rate.ADDRESS_LIMIT, key?.rate_limit ?? 0);
  // Both counts in one statement; the key counts only when the address is within its limit (as before).
  const { byAddress, byKey } = await rate.hitAddressAndKey(
    db,
    tenantId,
    { bucket: rate.addressBucket(sent.ip), limit: addressLimit },
    key ? { bucket: rate.keyBucket(key.id) } : null,
    now,
  );
  if (byAddress.hits > addressLimit) throw tooMany('open311.error.rateAddress', { max: addressLimit, seconds: byAddress.retryAfter });
  if (!given) throw forbidden('open311.error.keyMissing');
  if (!key || !byKey) throw forbidden('open311.error.keyInvalid');
  if (byKey.hits > key.rate_limit) throw tooMany('open311.error.rateKey', { max: key.rate_limit, seconds: byKey.retryAfter });
  return key;
}

/** Errors of this API (ours, the core's, the framework's) in the specification's format. */
function handleError(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const format = formatOf(req);
  const mapped = toOpen311Error(err, req.t);
  if (mapped instanceof Open311Error) {
    if (mapped.retryAfter !== undefined) reply.header('retry-after', String(mapped.retryAfter));
    return sendErrors(reply, format, mapped.status, mapped.errors, req.t);
  }
  const e = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    if (e.validationContext === 'body' && (req.body === null || typeof req.body !== 'object')) {
      return sendErrors(reply, format, 400, [{ code: 400, description: 'open311.error.formEncoded' }], req.t);
    }
    return sendErrors(
      reply,
      format,
      400,
      e.validation.map((v) => ({ code: 400, description: `${v.instancePath.replace(/^\//, '') || 'request'}: ${v.message ?? 'invalid'}` })),
      req.t,
    );
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) {
    return sendErrors(reply, format, 400, [{ code: 413, description: 'open311.error.tooLarge' }], req.t);
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const description = e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'open311.error.formEncoded' : 'open311.error.invalid';
    return sendErrors(reply, format, 400, [{ code: 400, description }], req.t);
  }
  req.log.error(
    { err: { type: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack } },
    'open311 request failed',
  );
  return sendErrors(reply, format, 500, [{ code: 500, description: 'open311.error.internal' }], req.t);
}

/** The language an API client asks for with Accept-Language (nl or en, by preference), if any. */
export function acceptedLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0]!, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.lang).find((l): l is Locale => isLocale(l)) ?? null;
}

/** The Open311 routes; register inside the signals module's routes. */
export async function open311Routes(app: FastifyInstance): Promise<void> {
  app.setErrorHandler(handleError);
  // API clients choose their language with Accept-Language (answers, errors, the reporter's mails); Dutch by default.
  app.addHook('onRequest', async (req) => {
    // A `locale` parameter (e.g. `locale=en`, as some Open311 clients send) wins over the header.
    const asked = (new URL(req.url, 'http://open311.invalid').searchParams.get('locale') ?? '').slice(0, 2).toLowerCase();
    const locale = isLocale(asked) ? asked : acceptedLocale(req.headers['accept-language']);
    if (locale) {
      req.locale = locale;
      req.t = translator(locale);
    }
  });
  const now = () => app.clock.now();
  const route = routes(app);

  // Every resource under both extensions: `….json` and `….xml`.
  for (const format of FORMATS) {
    const at = <P extends string>(path: P) => `${BASE}/${path}.${format}` as const;

    route.get(
      at('discovery'),
      { ...EDGE, docs: docs(format, { summary: 'Open311 Service Discovery', response: RESPONSES.discovery }) },
      async (req, reply) => {
        const doc = await reads.discovery(req.db, {
          tenant: req.tenant,
          baseUrl: app.config.baseUrl,
          production: app.config.env === 'production',
          t: req.t,
        });
        return sendOpen311(reply, format, 'discovery', doc);
      },
    );

    route.get(
      at('services'),
      {
        ...EDGE,
        query: anyQuery,
        docs: docs(format, { summary: 'Open311: service list (public categories)', response: RESPONSES.services }),
      },
      async (req, reply) => sendOpen311(reply, format, 'services', await reads.services(req.db, req.tenant.id, req.locale)),
    );

    route.get(
      at('services/:code'),
      {
        ...EDGE,
        params: codeParams,
        query: anyQuery,
        docs: docs(format, { summary: 'Open311: service definition (extra questions as attributes)', response: RESPONSES.service }),
      },
      async (req, reply) =>
        sendOpen311(
          reply,
          format,
          'service_definition',
          await reads.serviceDefinition(req.db, req.tenant.id, req.params.code, req.t, req.locale),
        ),
    );

    route.post(
      at('requests'),
      {
        ...EDGE,
        query: writeQuery,
        body: requestBody,
        docs: docs(format, {
          summary: 'Open311: create a service request (needs an api_key)',
          description: 'Form-encoded. An Idempotency-Key header (or the very same form sent again) creates one request only.',
          consumes: ['application/x-www-form-urlencoded'],
          response: RESPONSES.createRequest,
        }),
      },
      async (req, reply) => {
        const key = await authorizeWrite(app, req.db, req.tenant, { ip: req.ip, body: req.body, query: req.query });
        if (!key.can_report) throw forbidden('open311.error.noReport');
        const header = req.headers['idempotency-key'];
        const created = await createOpen311Request(req.db, {
          tenant: req.tenant,
          apiKey: key,
          body: req.body,
          idempotencyHeader: Array.isArray(header) ? header.join(',') : header,
          baseUrl: app.config.baseUrl,
          locale: req.locale,
          t: req.t,
          now: now(),
        });
        if (created.token) reply.header('open311-token', created.token);
        if (created.replayed) reply.header('idempotent-replayed', 'true');
        return sendOpen311(reply, format, 'service_requests', [
          { service_request_id: created.serviceRequestId, service_notice: created.serviceNotice, account_id: null },
        ]);
      },
    );

    route.get(
      at('requests'),
      {
        ...EDGE,
        query: requestsQuery,
        docs: docs(format, {
          summary: 'Open311: service requests (last 90 days, at most 1000; never social concerns)',
          response: RESPONSES.requests,
        }),
      },
      async (req, reply) =>
        sendOpen311(reply, format, 'service_requests', await reads.requests(req.db, req.tenant.id, req.query, now(), req.t)),
    );

    route.get(
      at('requests/:id'),
      {
        ...EDGE,
        params: idParams,
        query: anyQuery,
        docs: docs(format, { summary: 'Open311: one service request', response: RESPONSES.request }),
      },
      async (req, reply) =>
        sendOpen311(reply, format, 'service_requests', await reads.request(req.db, req.tenant.id, req.params.id, req.t)),
    );

    route.get(
      at('tokens/:token'),
      {
        ...EDGE,
        params: tokenParams,
        query: anyQuery,
        docs: docs(format, { summary: 'Open311: service_request_id from a token', response: RESPONSES.token }),
      },
      async (req, reply) => sendOpen311(reply, format, 'service_requests', await reads.token(req.db, req.tenant.id, req.params.token)),
    );

    route.get(
      at('servicerequestupdates'),
      {
        ...EDGE,
        query: updatesQuery,
        docs: docs(format, { summary: 'Open311 (mySociety): updates of service requests in a period', response: RESPONSES.updates }),
      },
      async (req, reply) =>
        sendOpen311(reply, format, 'service_request_updates', await reads.updates(req.db, req.tenant.id, req.query, now(), req.t)),
    );

    route.post(
      at('servicerequestupdates'),
      {
        ...EDGE,
        query: writeQuery,
        body: updateBody,
        docs: docs(format, {
          summary: 'Open311 (mySociety): an external handler reports progress or closure (api_key with handler permission)',
          consumes: ['application/x-www-form-urlencoded'],
          response: RESPONSES.createUpdate,
        }),
      },
      async (req, reply) => {
        const key = await authorizeWrite(app, req.db, req.tenant, { ip: req.ip, body: req.body, query: req.query });
        const { updateId } = await postUpdate(req.db, {
          tenant: req.tenant,
          apiKey: key,
          body: req.body,
          baseUrl: app.config.baseUrl,
          locale: req.locale,
          t: req.t,
          now: now(),
          ip: truncateIp(req.ip),
        });
        return sendOpen311(reply, format, 'service_request_updates', [{ update_id: updateId }]);
      },
    );
  }

  // Anything else under the API: the specification's 404 rather than an HTML page.
  const unknownResource = async () => {
    throw notFound('open311.error.unknownResource');
  };
  route.get(`${BASE}/*`, EDGE, unknownResource);
  route.post(`${BASE}/*`, EDGE, unknownResource);
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { issueFacts, issuePath, type IssueFacts } from './untyped.ts';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { isMessageKey, translator, type MessageKey, type Translate } from '../i18n/index.ts';

const API_PREFIXES = ['/api/', '/health', '/ready'];
const TENANT_API = /^\/[^/]+\/(open311|hsds|api)(\/|$)/;

/** JSON for API paths and clients that ask for JSON; HTML pages otherwise. */
export function wantsJson(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '';
  if (API_PREFIXES.some((p) => path.startsWith(p)) || TENANT_API.test(path) || path.endsWith('.json')) return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

interface Normalised {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/**
 * A field's message in the reader's language: our schemas' messages are message keys; zod's own
 * (English, technical) messages are replaced by a plain one for the kind of problem.
 */
function fieldMessage(message: string | undefined, issue: IssueFacts, t: Translate): string {
  if (message && isMessageKey(message)) return t(message);
  const isNumber = issue.origin === 'number' || issue.origin === 'bigint';
  if (issue.code === 'too_big') {
    return isNumber && issue.maximum !== undefined ? t('form.tooBig', { max: issue.maximum }) : t('form.tooLong');
  }
  if (issue.code === 'too_small') {
    if (isNumber && issue.minimum !== undefined) return t('form.tooSmall', { min: issue.minimum });
    if (issue.origin === 'string' && issue.minimum === 1) return t('form.required');
  }
  return t('form.invalidValue');
}

function normalise(err: unknown, req: FastifyRequest): Normalised {
  const t = req.t ?? translator('nl');
  if (err instanceof AppError) {
    const fields = err.fields ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, t(v, err.vars)])) : undefined;
    return { status: err.status, code: err.code, message: t(err.message, err.vars), ...(fields ? { fields } : {}) };
  }
  const e = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const fields: Record<string, string> = {};
    for (const v of e.validation) {
      const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || issuePath(v.params) || e.validationContext || 'input';
      fields[path] ??= fieldMessage(v.message, issueFacts(v.params, v.keyword), t);
    }
    return { status: 400, code: 'invalid', message: t('error.invalid'), fields };
  }
  if (isResponseSerializationError(e)) return { status: 500, code: 'internal', message: t('error.internal') };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 500) return { status: 500, code: 'internal', message: t('error.internal') };
  const byCode: Record<string, [string, MessageKey]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ['body_too_large', 'error.bodyTooLarge'],
    FST_REQ_FILE_TOO_LARGE: ['body_too_large', 'error.bodyTooLarge'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'error.unsupportedMediaType'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['bad_request', 'error.malformedJson'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', 'error.badRequest'],
    FST_ERR_VALIDATION: ['invalid', 'error.invalid'],
  };
  if (e.code && byCode[e.code]) {
    const [code, key] = byCode[e.code]!;
    return { status, code, message: t(key) };
  }
  if (e instanceof SyntaxError || (status === 400 && /JSON/i.test(e.message))) {
    return { status: 400, code: 'malformed_json', message: t('error.malformedJson') };
  }
  if (status === 429) return { status, code: 'too_many_requests', message: t('error.tooManyRequests') };
  if (status === 413) return { status, code: 'body_too_large', message: t('error.bodyTooLarge') };
  if (status === 415) return { status, code: 'unsupported_media_type', message: t('error.unsupportedMediaType') };
  if (status === 404) return { status, code: 'not_found', message: t('error.notFound') };
  return { status, code: 'bad_request', message: t('error.badRequest') };
}

function ErrorPage({
  status,
  message,
  fields,
  signInHref,
  t,
}: {
  status: number;
  message: string;
  fields?: Record<string, string>;
  signInHref?: string;
  t: Translate;
}) {
  const titleKey =
    status === 404
      ? 'error.page.notFound'
      : status === 403
        ? 'error.page.forbidden'
        : status === 401
          ? 'error.page.unauthorized'
          : status >= 500
            ? 'error.page.internal'
            : 'error.page.badRequest';
  return (
    <>
      <h1 class="utrecht-heading-1">{t(titleKey)}</h1>
      <p class="utrecht-paragraph">{message}</p>
      {fields && Object.keys(fields).length > 0 && (
        <ul class="utrecht-unordered-list">
          {Object.entries(fields).map(([field, text]) => (
            <li class="utrecht-unordered-list__item">
              <code>{field}</code>: {text}
            </li>
          ))}
        </ul>
      )}
      {signInHref && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={signInHref}>
            {t('layout.signIn')}
          </a>
        </p>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          {t('error.page.home')}
        </a>
      </p>
    </>
  );
}

export function sendError(req: FastifyRequest, reply: FastifyReply, n: Normalised): FastifyReply {
  if (wantsJson(req) || !req.t) {
    const { code, message, fields } = n;
    return reply
      .code(n.status)
      .type('application/json; charset=utf-8')
      .send({ error: { code, message, ...(fields ? { fields } : {}) } });
  }
  const t = req.t;
  const signInHref =
    n.status === 401
      ? `/aanmelden?terug=${encodeURIComponent(req.url)}`
      : n.code === 'mfa_required'
        ? `/account/tweestaps?terug=${encodeURIComponent(req.url)}`
        : undefined;
  return reply.page(
    <ErrorPage
      status={n.status}
      message={n.message}
      t={t}
      {...(n.fields ? { fields: n.fields } : {})}
      {...(signInHref ? { signInHref } : {})}
    />,
    {
      title: t(n.status === 404 ? 'error.page.notFound' : 'error.page.generic'),
      status: n.status,
    },
  );
}

/**
 * Errors Fastify's router answers before any hook or route runs (Fastify option `frameworkErrors`):
 * a path that is not valid percent-encoding (400) and a path segment longer than 100 characters
 * (414), in the same `{error: {code, message}}` shape as every other error.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const t = translator('nl');
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendError(req, reply, { status: 414, code: 'uri_too_long', message: t('error.uriTooLong') });
  } else if ((err.statusCode ?? 500) < 500) {
    void sendError(req, reply, { status: 400, code: 'bad_request', message: t('error.badRequest') });
  } else {
    void sendError(req, reply, { status: 500, code: 'internal', message: t('error.internal') });
  }
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const n = normalise(err, req);
    if (n.status >= 500) {
      req.log.error(
        { err: { type: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack } },
        'request failed',
      );
    }
    return sendError(req, reply, n);
  });

  /** No route for this method and path: 405 with Allow when the path has routes for other methods, else 404. */
  const unrouted = (req: FastifyRequest, reply: FastifyReply) => {
    // A known path with the wrong method is a 405, not a 404.
    const path = req.url.split('?')[0] ?? '';
    // Only when this method has no route here: a route that itself answered "not found" stays a 404.
    const allowed = app.allowedMethods(path);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const other = allowed.includes(method as (typeof allowed)[number]) ? [] : allowed;
    if (other.length > 0) {
      reply.header('allow', other.join(', '));
      return sendError(req, reply, {
        status: 405,
        code: 'method_not_allowed',
        message: (req.t ?? translator('nl'))('error.methodNotAllowed'),
      });
    }
    return sendError(req, reply, { status: 404, code: 'not_found', message: (req.t ?? translator('nl'))('error.notFound') });
  };
  const notFoundLimit = app.rateLimit ? app.rateLimit({ max: 120, timeWindow: '1 minute' }) : undefined;

  // A method without a route here (QUERY, PROPFIND, TRACE, a DELETE on a GET path…) is answered
  // now, before Fastify reads a body: it would otherwise answer a QUERY without Content-Type with
  // 400 and an unknown body type with 415, where the answer is 405 (or 404 on an unknown path).
  // GET and HEAD go on to the not-found handler, which shows the page of the signed-in user.
  app.addHook('onRequest', async (req, reply) => {
    if (!req.is404 || req.method === 'GET' || req.method === 'HEAD') return;
    if (notFoundLimit) await notFoundLimit.call(app, req, reply);
    return unrouted(req, reply);
  });
  app.setNotFoundHandler({ preHandler: notFoundLimit }, unrouted);
}

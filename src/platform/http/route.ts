import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import { z } from 'zod';
import { AppError, Invalid, NotFound, type FieldErrors } from '../errors.ts';
import type { MessageVars, Translate } from '../i18n/index.ts';
import { verifyCsrf } from './csrf.ts';
import { checkForm } from './forms.ts';
import { readMultipart, type MultipartLimits, type Upload } from './multipart.ts';
import type { Policy } from './policy.ts';
import type { RequestTenant } from './types.ts';

/**
 * The one route edge of Samenhang (ADR 0007, docs/modules.md). Every route of every module is
 * declared with `routes(app).get|post|put|patch|delete(url, spec, handler)`:
 *
 * - `params`, `query` and `body` are zod schemas, checked before the handler runs; the handler's
 *   request is typed from them (no casts). A path parameter without a schema is refused at start-up.
 *   A path parameter that fails its schema is a 404 on a page (no such page) and a 400 in an API
 *   (a route with `docs`); a bad query or JSON body is a 400.
 * - Under `/:tenant/…` the request's `tenant` is not null (the request hook resolved it, or
 *   answered 404), so routes never write `req.tenant!`.
 * - `form` is the schema of an HTML form (urlencoded, or multipart with `multipart`). When it
 *   fails, or when the handler throws a domain error with field messages (`Invalid`, `Conflict`
 *   with fields…), `invalid` re-renders the form with the messages beside the fields and status 422
 *   (or the error's own 4xx). Without `invalid` the error page says what was wrong.
 * - `multipart` reads the upload with its limits and checks the CSRF token in it before the
 *   handler runs (`req.upload`); the global CSRF check cannot read a multipart body.
 */

type Shape = Record<string, z.ZodType>;

/** The request a handler gets: typed params, query and body; a tenant that is not null under `/:tenant/`. */
export type EdgeRequest<P, Q, B, T> = FastifyRequest<{ Params: P; Querystring: Q; Body: B }> & { tenant: T };

type TenantOf<U extends string> = U extends `/:tenant/${string}` | '/:tenant' ? RequestTenant : RequestTenant | null;
type ParamsOf<S extends Shape, U extends string> = z.output<z.ZodObject<S>> & (U extends `/:tenant${string}` ? { tenant: string } : object);
type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
type BodyOf<B, F> = F extends z.ZodType ? z.output<F> : B extends z.ZodType ? z.output<B> : unknown;

/** The field messages a form failed with, as message keys with their placeholders (for a handler that throws them on). */
export interface FormFailure {
  fields: FieldErrors;
  vars?: MessageVars | undefined;
}

/** Re-renders a form with field messages (`errors`, translated); `values` are the submitted strings (without `_csrf`). */
export type InvalidForm<R> = (
  req: R,
  reply: FastifyReply,
  errors: Record<string, string>,
  values: Record<string, string | string[]>,
  status: number,
  failure: FormFailure,
) => unknown;

export interface RouteSpec<S extends Shape, Q, B, F, U extends string> {
  /** Who may use the route (src/platform/http/policy.ts). */
  policy: Policy;
  /** Schemas of the path parameters other than `tenant` (checked: every `:name` in the URL needs one). */
  params?: S;
  /** Schema of the query string. Without one, the query is ignored (and not readable). */
  query?: Q;
  /** Schema of a JSON body (APIs): a mismatch is a 400 with field messages. */
  body?: B;
  /** Schema of an HTML form body: a mismatch goes to `invalid` (or a 422 error page). */
  form?: F;
  /** Re-render the form with messages (see above). */
  invalid?: InvalidForm<EdgeRequest<ParamsOf<S, U>, Out<Q>, Record<string, string | string[]>, TenantOf<U>>>;
  /** Read a multipart upload with these limits (CSRF checked in it); the result is `req.upload`. */
  multipart?: MultipartLimits;
  /** JSON APIs with their own authentication: no CSRF check. */
  csrf?: false;
  rateLimit?: { max: number; timeWindow: string };
  bodyLimit?: number;
  /** For the OpenAPI document (routes without tags are left out of it). */
  docs?: Omit<FastifySchema, 'params' | 'querystring' | 'body'>;
}

type Handler<R> = (req: R, reply: FastifyReply) => unknown;

const TENANT_PARAM = z.string().min(1).max(100).describe('The municipality (e.g. krimpen-aan-den-ijssel)');
const PATH_PARAM = /:([A-Za-z0-9_]+)/g;

/** Field messages of a domain error that belongs on a form (a 4xx other than 401/403/404 with field messages), translated; null for other errors (the error page shows those). */
export function formErrorsOf(err: unknown, t: Translate): { status: number; errors: Record<string, string> } | null {
  if (!(err instanceof AppError) || !err.fields || err.status >= 500 || [401, 403, 404].includes(err.status)) return null;
  return { status: err.status, errors: translateFields(err.fields, t, err.vars) };
}

/** Field messages, translated. */
export function translateFields(fields: FieldErrors, t: Translate, vars?: MessageVars): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, t(key, vars)]));
}

/** Submitted values to fill a form in again: strings, and arrays (checkbox groups) as arrays; never the CSRF token. */
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

declare module 'fastify' {
  interface FastifyRequest {
    /** The multipart upload of a route declared with `multipart` (null otherwise, or when the form came urlencoded). */
    upload: Upload | null;
  }
}

export interface Router {
  get<U extends string, S extends Shape = Shape, Q extends z.ZodType | undefined = undefined>(
    url: U,
    spec: RouteSpec<S, Q, undefined, undefined, U>,
    handler: Handler<EdgeRequest<ParamsOf<S, U>, Out<Q>, unknown, TenantOf<U>>>,
  ): void;
  post: Write;
  put: Write;
  patch: Write;
  delete: Write;
}

type Write = <
  U extends string,
  S extends Shape = Shape,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  F extends z.ZodType | undefined = undefined,
>(
  url: U,
  spec: RouteSpec<S, Q, B, F, U>,
  handler: Handler<EdgeRequest<ParamsOf<S, U>, Out<Q>, BodyOf<B, F>, TenantOf<U>>>,
) => void;

/** The route edge for one Fastify instance (or plugin scope). `app.ts` decorates `req.upload`. */
export function routes(app: FastifyInstance): Router {
  const add =
    (method: HTTPMethods) =>
    (
      url: string,
      spec: RouteSpec<Shape, z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, string>,
      handler: Handler<never>,
    ): void => {
      const names = [...url.matchAll(PATH_PARAM)].map((m) => m[1]!);
      const shape: Shape = { ...(spec.params ?? {}) };
      for (const name of names) {
        if (name === 'tenant') shape.tenant ??= TENANT_PARAM;
        else if (!shape[name]) throw new Error(`Route ${method} ${url}: the path parameter :${name} has no schema in spec.params.`);
      }
      for (const name of Object.keys(shape)) {
        if (!names.includes(name)) throw new Error(`Route ${method} ${url}: spec.params names :${name}, which is not in the path.`);
      }
      const schema: FastifySchema = { ...(spec.docs ?? {}) };
      if (names.length > 0) schema.params = z.object(shape);
      if (spec.query) schema.querystring = spec.query;
      if (spec.body) schema.body = spec.body;
      const tenantRoute = names[0] === 'tenant' && url.startsWith('/:tenant');
      const form = spec.form;
      const invalid = spec.invalid as InvalidForm<FastifyRequest> | undefined;

      app.route({
        method,
        url,
        schema,
        attachValidation: true,
        ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
        config: {
          policy: spec.policy,
          // A multipart form carries its token inside the upload: readMultipart checks it.
          ...(spec.csrf === false || spec.multipart ? { csrf: false as const } : {}),
          ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
        },
        handler: async (req, reply) => {
          if (req.validationError) {
            const where = (req.validationError as { validationContext?: string }).validationContext;
            // A page whose path does not fit is not there (404); an API answers what was wrong (400), as documented.
            if (where === 'params' && !spec.docs) throw NotFound();
            throw req.validationError;
          }
          if (tenantRoute && !req.tenant) throw NotFound();
          let values: Record<string, string | string[]> = {};
          if (spec.multipart) {
            if (req.isMultipart()) {
              req.upload = await readMultipart(req, app.config.sessionSecret, spec.multipart);
              req.body = req.upload.fields;
            } else verifyCsrf(req, app.config.sessionSecret);
          }
          if (form) {
            values = formValues(req.body);
            const parsed = checkForm(form, req.body ?? {});
            if (!parsed.ok) {
              if (invalid) return invalid(req, reply, translateFields(parsed.errors, req.t), values, 422, { fields: parsed.errors });
              throw Invalid(parsed.errors);
            }
            req.body = parsed.data;
          }
          try {
            return await (handler as Handler<FastifyRequest>)(req, reply);
          } catch (e) {
            const mapped = invalid ? formErrorsOf(e, req.t) : null;
            if (!mapped || !invalid || !(e instanceof AppError) || !e.fields) throw e;
            return invalid(req, reply, mapped.errors, values, mapped.status, { fields: e.fields, vars: e.vars });
          }
        },
      });
    };
  return { get: add('GET'), post: add('POST'), put: add('PUT'), patch: add('PATCH'), delete: add('DELETE') } as Router;
}

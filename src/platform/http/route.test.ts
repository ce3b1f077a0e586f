import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { validatorCompiler, serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, Conflict, Forbidden, Invalid } from '../errors.ts';
import { CSRF_COOKIE, csrfToken, verifyCsrf } from './csrf.ts';
import { translator } from '../i18n/index.ts';
import '../i18n/platform.messages.ts';
import { formErrorsOf, routes } from './route.ts';
import { stringField } from './untyped.ts';

/**
 * The route edge on a bare Fastify (no modules): schemas checked before the handler, a non-null
 * tenant under /:tenant/, forms re-rendered with 422 and field messages, multipart with its CSRF
 * check. The whole app uses the same function (src/modules/*).
 */
const SECRET = 'test-secret-test-secret-test-secret';
const COOKIE = 'a'.repeat(32);
const TOKEN = csrfToken(SECRET, COOKIE);
const TENANTS: Record<string, { id: string; slug: string; name: string }> = {
  krimpen: { id: 't-1', slug: 'krimpen', name: 'Krimpen' },
};
const t = translator('nl');

async function edgeApp(): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', { sessionSecret: SECRET } as never);
  app.decorateRequest('tenant', null);
  app.decorateRequest('upload', null);
  app.decorateRequest('t', null as never);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart);
  app.addHook('onRequest', async (req) => {
    req.t = t;
    const slug = stringField(req.params, 'tenant');
    // An unknown municipality stays null here, so the edge's own 404 is what the test sees.
    req.tenant = slug ? (TENANTS[slug] ?? null) : null;
  });
  app.addHook('preHandler', async (req) => {
    if (req.method === 'POST' && req.routeOptions.config.csrf !== false) verifyCsrf(req, SECRET);
  });
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof AppError) return reply.code(err.status).send({ error: err.code, fields: err.fields ?? null });
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    return reply.code(status).send({ error: status === 400 ? 'bad_request' : 'internal' });
  });

  const route = routes(app);
  route.get('/:tenant/dingen/:id', { policy: 'public', params: { id: z.string().regex(/^\d+$/) } }, async (req) => {
    // Typed: no `!`, no cast. The compiler checks these two lines.
    const slug: string = req.tenant.slug;
    const id: string = req.params.id;
    return { slug, id };
  });
  route.get(
    '/:tenant/api/dingen/:id',
    { policy: 'public', params: { id: z.string().regex(/^\d+$/) }, docs: { tags: ['test'] } },
    async (req) => ({ id: req.params.id }),
  );
  route.get('/lijst', { policy: 'public', query: z.object({ page: z.coerce.number().int().min(1) }) }, async (req) => ({
    page: req.query.page,
    tenant: req.tenant,
  }));
  route.post(
    '/:tenant/naam',
    {
      policy: 'public',
      form: z.object({ name: z.string().trim().min(1, 'form.required'), kind: z.enum(['a', 'b']).default('a') }),
      invalid: (_req, reply, errors, values, status) => reply.code(status).send({ rerendered: true, errors, values }),
    },
    async (req) => {
      if (req.body.name === 'bezet') throw Conflict('error.conflict', { name: 'error.conflict' });
      if (req.body.name === 'verboden') throw Forbidden();
      if (req.body.name === 'ongeldig') throw Invalid({ kind: 'form.required' });
      return { saved: req.body.name, kind: req.body.kind };
    },
  );
  route.post(
    '/:tenant/upload',
    {
      policy: 'public',
      multipart: { fileField: 'file', maxFiles: 1, maxFileBytes: 1024 },
      form: z.object({ title: z.string().default('') }),
    },
    async (req) => ({
      title: req.body.title,
      files: req.upload?.files.map((f) => [f.name, f.data.toString()]) ?? null,
      tooLarge: req.upload?.tooLarge ?? null,
    }),
  );
  await app.ready();
  return app;
}

function multipartBody(fields: Record<string, string>, file?: { name: string; content: string }) {
  const boundary = '----edge' + Math.random().toString(16).slice(2);
  let body = '';
  for (const [k, v] of Object.entries(fields)) body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  if (file) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n${file.content}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `${CSRF_COOKIE}=${COOKIE}` } };
}

describe('route edge', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await edgeApp();
  });
  after(async () => {
    await app.close();
  });

  it('refuses at start-up a path parameter without a schema, and a schema for a parameter that is not in the path', async () => {
    const bare = Fastify();
    const route = routes(bare);
    assert.throws(() => route.get('/:tenant/x/:id', { policy: 'public' }, async () => 'x'), /:id has no schema/);
    assert.throws(
      () => route.get('/:tenant/x', { policy: 'public', params: { id: z.string() } }, async () => 'x'),
      /:id, which is not in the path/,
    );
    await bare.close();
  });

  it('gives the handler typed params and a tenant; a bad parameter is a 404 on a page and a 400 in an API', async () => {
    const ok = await app.inject({ url: '/krimpen/dingen/42' });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { slug: 'krimpen', id: '42' });
    assert.equal((await app.inject({ url: '/krimpen/dingen/abc' })).statusCode, 404);
    assert.equal((await app.inject({ url: '/krimpen/api/dingen/abc' })).statusCode, 400);
    assert.equal((await app.inject({ url: '/onbekend/dingen/42' })).statusCode, 404, 'no tenant: the handler never runs');
  });

  it('checks and converts the query; a bad query is a 400', async () => {
    const ok = await app.inject({ url: '/lijst?page=3' });
    assert.deepEqual(ok.json(), { page: 3, tenant: null });
    assert.equal((await app.inject({ url: '/lijst?page=nul' })).statusCode, 400);
  });

  it('re-renders a form that fails its schema with 422, translated messages and the values sent (never the token)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/krimpen/naam',
      payload: `_csrf=${TOKEN}&name=+&kind=c`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${CSRF_COOKIE}=${COOKIE}` },
    });
    assert.equal(res.statusCode, 422);
    const body = res.json() as { rerendered: boolean; errors: Record<string, string>; values: Record<string, string> };
    assert.equal(body.errors.name, 'Vul dit veld in.');
    assert.ok(body.errors.kind, 'every failing field has a message');
    assert.deepEqual(body.values, { name: ' ', kind: 'c' });
  });

  it('hands a valid form to the handler parsed; field errors of the service come back on the form with their status', async () => {
    const post = (name: string) =>
      app.inject({
        method: 'POST',
        url: '/krimpen/naam',
        payload: `_csrf=${TOKEN}&name=${name}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${CSRF_COOKIE}=${COOKIE}` },
      });
    const ok = await post('+Anna+');
    assert.deepEqual(ok.json(), { saved: 'Anna', kind: 'a' });
    const taken = await post('bezet');
    assert.equal(taken.statusCode, 409);
    assert.deepEqual((taken.json() as { errors: unknown }).errors, { name: 'Dit bestaat al.' });
    const invalid = await post('ongeldig');
    assert.equal(invalid.statusCode, 422);
    assert.equal((invalid.json() as { rerendered: boolean }).rerendered, true);
    const forbidden = await post('verboden');
    assert.equal(forbidden.statusCode, 403);
    assert.equal((forbidden.json() as { rerendered?: boolean }).rerendered, undefined, 'a 403 is not a form error');
  });

  it('reads a multipart form only with its CSRF token, within its limits', async () => {
    const good = await app.inject({
      method: 'POST',
      url: '/krimpen/upload',
      ...multipartBody({ _csrf: TOKEN, title: 'Foto' }, { name: 'a.txt', content: 'hallo' }),
    });
    assert.equal(good.statusCode, 200);
    assert.deepEqual(good.json(), { title: 'Foto', files: [['a.txt', 'hallo']], tooLarge: [] });
    const noToken = await app.inject({
      method: 'POST',
      url: '/krimpen/upload',
      ...multipartBody({ title: 'Foto' }, { name: 'a.txt', content: 'x' }),
    });
    assert.equal(noToken.statusCode, 403);
    const wrong = await app.inject({ method: 'POST', url: '/krimpen/upload', ...multipartBody({ _csrf: 'x'.repeat(43) }) });
    assert.equal(wrong.statusCode, 403);
    const big = await app.inject({
      method: 'POST',
      url: '/krimpen/upload',
      ...multipartBody({ _csrf: TOKEN }, { name: 'b.txt', content: 'x'.repeat(2000) }),
    });
    assert.deepEqual((big.json() as { tooLarge: string[] }).tooLarge, ['b.txt']);
    // The same route sent urlencoded still has its token checked (the route itself opted out of the global check).
    const plain = await app.inject({
      method: 'POST',
      url: '/krimpen/upload',
      payload: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${CSRF_COOKIE}=${COOKIE}` },
    });
    assert.equal(plain.statusCode, 403);
  });

  it('formErrorsOf maps only 4xx errors with field messages', () => {
    assert.deepEqual(formErrorsOf(Invalid({ name: 'form.required' }), t), { status: 422, errors: { name: 'Vul dit veld in.' } });
    assert.equal(formErrorsOf(Forbidden(), t), null);
    assert.equal(formErrorsOf(new AppError(404, 'not_found', 'error.notFound', { a: 'form.required' }), t), null);
    assert.equal(formErrorsOf(new Error('boom'), t), null);
  });
});

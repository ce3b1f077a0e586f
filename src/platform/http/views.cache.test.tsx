import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { CSRF_COOKIE, csrfToken } from './csrf.ts';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, registerViews } from './views.ts';
import '../i18n/platform.messages.ts';

/**
 * reply.page's cache for anonymous visitors (`anonymousCacheDeps`): the document is rendered once
 * per (dependencies, status, language, URL) and sent again while the dependency objects live; a
 * signed-in visitor always gets a fresh render; a document with the visitor's CSRF token is never
 * kept (it would hand one visitor's token to the next).
 */
const SECRET = 'test-secret-test-secret-test-secret';
let renders = 0;
let deps: object[] = [{}];

function Counted({ text }: { text: string }) {
  renders++;
  return <p>{text}</p>;
}

async function viewsApp(): Promise<FastifyInstance> {
  const app = Fastify();
  app.decorate('config', { sessionSecret: SECRET, env: 'test', mapTiles: null } as never);
  app.decorateRequest('tenant', null);
  app.decorateRequest('user', null);
  app.decorateRequest('roles', null as never);
  app.decorateRequest('principal', null as never);
  await app.register(cookie);
  app.addHook('onRequest', async (req) => {
    req.roles = [];
    // A header stands in for a session here: the views only look at req.user.
    if (req.headers['x-user']) req.user = { id: 'u-1', name: 'Ada', isDemo: false, locale: 'nl' } as never;
  });
  registerViews(app, []);
  app.get<{ Querystring: { q?: string } }>('/kaart', async (req, reply) =>
    reply.page(<Counted text={`hallo ${req.query.q ?? ''}`} />, { title: 'Kaart', anonymousCacheDeps: deps }),
  );
  app.get('/formulier', async (req, reply) =>
    reply.page(
      <form method="post">
        <Counted text="formulier" />
        <input type="hidden" name="_csrf" value={req.viewContext().csrfToken} />
      </form>,
      { title: 'Formulier', anonymousCacheDeps: deps },
    ),
  );
  return app;
}

describe('reply.page: the cache for anonymous visitors', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await viewsApp();
  });
  after(async () => {
    await app.close();
  });

  it('renders once while the dependencies live, per URL and language, and again when one is replaced', async () => {
    renders = 0;
    deps = [{}, {}];
    const first = await app.inject({ url: '/kaart' });
    const second = await app.inject({ url: '/kaart' });
    assert.equal(first.statusCode, 200);
    assert.equal(second.body, first.body);
    assert.match(first.body, /<p>hallo <\/p>/);
    assert.equal(renders, 1);
    await app.inject({ url: '/kaart?q=x' });
    await app.inject({ url: '/kaart', cookies: { lang: 'en' } });
    assert.equal(renders, 3, 'another query string and another language are other documents');
    deps = [deps[0]!, {}];
    await app.inject({ url: '/kaart' });
    assert.equal(renders, 4, 'a replaced dependency (new summaries, changed areas) renders again');
  });

  it('a signed-in visitor always gets a fresh render', async () => {
    renders = 0;
    deps = [{}];
    await app.inject({ url: '/kaart' });
    await app.inject({ url: '/kaart', headers: { 'x-user': '1' } });
    await app.inject({ url: '/kaart', headers: { 'x-user': '1' } });
    assert.equal(renders, 3);
  });

  it("never keeps a document that holds the visitor's CSRF token", async () => {
    renders = 0;
    deps = [{}];
    const a = await app.inject({ url: '/formulier', cookies: { [CSRF_COOKIE]: 'a'.repeat(32) } });
    const b = await app.inject({ url: '/formulier', cookies: { [CSRF_COOKIE]: 'b'.repeat(32) } });
    assert.equal(renders, 2);
    assert.match(a.body, new RegExp(csrfToken(SECRET, 'a'.repeat(32))));
    assert.match(b.body, new RegExp(csrfToken(SECRET, 'b'.repeat(32))));
    assert.doesNotMatch(b.body, new RegExp(csrfToken(SECRET, 'a'.repeat(32))));
  });

  it('a kept document goes gzipped to a browser that takes gzip, plain otherwise, with Vary', async () => {
    renders = 0;
    deps = [{}];
    const plain = await app.inject({ url: '/kaart' });
    const zipped = await app.inject({ url: '/kaart', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const refused = await app.inject({ url: '/kaart', headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    assert.equal(renders, 1);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers['vary'], 'accept-encoding');
    assert.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body);
    assert.ok(zipped.rawPayload.length < plain.rawPayload.length);
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.equal(refused.body, plain.body);
    // A signed-in visitor's fresh render is not compressed here.
    const signedIn = await app.inject({ url: '/kaart', headers: { 'x-user': '1', 'accept-encoding': 'gzip' } });
    assert.equal(signedIn.headers['content-encoding'], undefined);
  });

  it('acceptsGzip reads the header as browsers send it', () => {
    assert.equal(acceptsGzip('gzip, deflate, br'), true);
    assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1'), true);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip('gzip;q=0'), false);
    assert.equal(acceptsGzip('identity'), false);
    assert.equal(acceptsGzip(undefined), false);
  });

  it('sets the CSRF cookie only when a page asks for the token (a page with a form), never on a page to read', async () => {
    deps = [{}];
    const read = await app.inject({ url: '/kaart' });
    assert.equal(read.headers['set-cookie'], undefined);
    const form = await app.inject({ url: '/formulier' });
    const cookie = String(form.headers['set-cookie'] ?? '');
    const value = new RegExp(`${CSRF_COOKIE}=([^;]+)`).exec(cookie)?.[1];
    assert.ok(value, 'the form page sets the cookie');
    assert.match(form.body, new RegExp(`name="_csrf" value="${csrfToken(SECRET, value)}"`));
  });
});

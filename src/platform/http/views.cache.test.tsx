import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { CSRF_COOKIE, csrfToken } from './csrf.ts';
import { registerViews } from './views.ts';
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
});

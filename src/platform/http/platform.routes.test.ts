import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { buildApp } from '../../app.ts';
import { testConfig } from '../config.ts';
import { RESERVED_SLUGS } from '../../modules/areas/codes.ts';

describe('platform routes', () => {
  const ctx = useTestApp();

  // Browsers open connections before they need them; such a connection must not hold up a stop
  // (unused-connections.ts). Without the fix close() waits for Node's header timeout (60 s or
  // more); after 15 s the test ends every connection itself and fails.
  it('stops while a browser holds a connection it never used, and ends that connection', async () => {
    const app = await buildApp({ config: testConfig(), database: ctx.database, clock: ctx.clock });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const open = (): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      });
    const unused = await open();
    const unusedClosed = once(unused, 'close');
    // A keep-alive connection that served a request (Fastify ends those itself).
    const used = await open();
    used.write('GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    const [answer] = (await once(used, 'data')) as [Buffer];
    assert.match(answer.toString(), /^HTTP\/1\.1 200/);
    let hung: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([
      app.close().then(() => true),
      new Promise<false>((resolve) => {
        hung = setTimeout(() => resolve(false), 15_000);
      }),
    ]);
    clearTimeout(hung);
    if (!stopped) app.server.closeAllConnections();
    used.destroy();
    assert.equal(stopped, true, 'close() waited for the connection that never carried a request');
    await unusedClosed;
  });

  it('declares a policy on every route', () => {
    assert.deepEqual(ctx.app.routesWithoutPolicy, []);
  });

  it('reserves every fixed first path segment, so no tenant slug can hide a fixed page', () => {
    assert.ok(ctx.app.fixedTopSegments.has('aanmelden'), 'the sign-in page is a fixed route');
    const missing = [...ctx.app.fixedTopSegments].filter((s) => !RESERVED_SLUGS.has(s));
    assert.deepEqual(missing, [], 'add these to RESERVED_SLUGS in src/modules/areas/codes.ts');
  });

  it('answers /health and /ready with JSON', async () => {
    const health = await ctx.app.inject('/health');
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await ctx.app.inject('/ready');
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, 'ready');
    assert.equal(ready.json().pendingMigrations, 0);
  });

  it('serves an OpenAPI 3.1 document that lists the JSON APIs only', async () => {
    const res = await ctx.app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/health']);
    assert.equal(doc.paths['/toegankelijkheid'], undefined);
  });

  it('shows a Dutch 404 page for an unknown page and JSON for an unknown API path', async () => {
    const page = await ctx.app.inject({ url: '/bestaat-niet', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 404);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /Pagina niet gevonden/);
    assert.doesNotMatch(page.body, /at .*\.ts:\d+/);
    const api = await ctx.app.inject('/api/bestaat-niet');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found');
  });

  it('answers 405 with Allow for a wrong method on a known path', async () => {
    const res = await ctx.app.inject({ method: 'DELETE', url: '/health' });
    assert.equal(res.statusCode, 405);
    assert.match(res.headers.allow as string, /GET/);
    // Also on a path with a parameter.
    const param = await ctx.app.inject({ method: 'POST', url: '/taal/en', headers: { accept: 'application/json' } });
    assert.equal(param.statusCode, 405);
    assert.equal(param.headers.allow, 'GET');
    assert.equal(param.json().error.code, 'method_not_allowed');
    // A HEAD on an unknown page stays a 404.
    assert.equal((await ctx.app.inject({ method: 'HEAD', url: '/bestaat-niet/wijken/WK000000' })).statusCode, 404);
  });

  it('sets security headers: CSP without unsafe-inline, no HSTS outside production', async () => {
    const res = await ctx.app.inject({ url: '/toegankelijkheid' });
    const csp = res.headers['content-security-policy'] as string;
    assert.ok(csp.includes("default-src 'self'"));
    assert.ok(!csp.includes('unsafe-inline'));
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['strict-transport-security'], undefined);
    assert.match(csp, /frame-ancestors 'none'/);
    // The same headers on an error page and on a JSON answer.
    for (const url of ['/bestaat-niet/wijken/WK000000', '/health']) {
      const other = await ctx.app.inject({ url });
      assert.equal(other.headers['content-security-policy'], csp, url);
      assert.equal(other.headers['x-content-type-options'], 'nosniff', url);
    }
  });

  it('switches language with a cookie and only redirects to local paths', async () => {
    const browser = new TestBrowser(ctx.app);
    const res = await browser.get('/taal/en?terug=/toegankelijkheid');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/toegankelijkheid');
    const page = await browser.get('/toegankelijkheid');
    assert.match(page.body, /<html lang="en"/);
    assert.match(page.body, /Accessibility statement/);
    const evil = await browser.get('/taal/nl?terug=//evil.example/');
    assert.equal(evil.headers.location, '/');
  });

  it('every page has a skip link, a main landmark and the accessibility statement link', async () => {
    const res = await ctx.app.inject({ url: '/privacy' });
    assert.match(res.body, /Dat logboek bewaren we 12 maanden\./);
    assert.match(res.body, /<a class="skip-link" href="#main">/);
    assert.match(res.body, /<main id="main"/);
    assert.match(res.body, /href="\/toegankelijkheid"/);
  });

  it('escapes user input in pages', async () => {
    const res = await ctx.app.inject({ url: '/bestaat-niet?<script>alert(1)</script>', headers: { accept: 'text/html' } });
    assert.doesNotMatch(res.body, /<script>alert/);
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { testConfig } from '../config.ts';
import type { DbHandle } from '../db/database.ts';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { TestBrowser } from '../../../test/helpers/app.ts';

describe('error handling', () => {
  let app: FastifyInstance;
  let database: DbHandle;

  before(async () => {
    database = await createTestDatabase();
    app = await buildApp({ config: testConfig(), database });
    // A route that fails the way a bug would: the visitor must see neither message nor stack.
    app.get('/test-stuk', { config: { policy: 'public' } }, async () => {
      throw new Error('secret internal detail at /srv/samenhang/src/x.ts:12');
    });
    app.post('/api/test-echo', { config: { policy: 'public', csrf: false } }, async (req) => ({ got: req.body }));
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it('shows a plain Dutch 500 page without the message or a stack trace', async () => {
    const res = await app.inject({ url: '/test-stuk', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /Er ging iets mis/);
    assert.match(res.body, /Uw gegevens zijn niet verloren/);
    assert.doesNotMatch(res.body, /secret internal detail|\.ts:\d+/);
  });

  it('answers a 500 on an API path as JSON without details', async () => {
    const res = await app.inject({ url: '/test-stuk', headers: { accept: 'application/json' } });
    assert.equal(res.statusCode, 500);
    assert.deepEqual(Object.keys(res.json().error).sort(), ['code', 'message']);
    assert.equal(res.json().error.code, 'internal');
  });

  it('refuses malformed JSON with 400 and a clear JSON error', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a": ',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'malformed_json');
    assert.match(res.json().error.message, /JSON/);
  });

  it('refuses an oversized body with 413 and a message, for forms too', async () => {
    const big = 'x'.repeat(300 * 1024);
    const api = await app.inject({
      method: 'POST',
      url: '/api/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ big }),
    });
    assert.equal(api.statusCode, 413);
    assert.equal(api.json().error.code, 'body_too_large');
    const browser = new TestBrowser(app);
    const form = await browser.post('/aanmelden', { email: 'a@example.nl', password: big });
    assert.equal(form.statusCode, 413);
    assert.match(form.body, /te groot/);
  });

  it('refuses an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test-echo',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().error.code, 'unsupported_media_type');
  });

  it('refuses a form post without a CSRF token with 403 and an explanation', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/aanmelden');
    const res = await browser.post('/aanmelden', { _csrf: '', email: 'a@example.nl', password: 'whatever1' });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /formulier is verlopen/);
  });
});

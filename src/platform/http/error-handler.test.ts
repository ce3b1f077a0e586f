import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { testConfig } from '../config.ts';
import type { DbHandle } from '../db/database.ts';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { TestBrowser } from '../../../test/helpers/app.ts';
import { z } from 'zod';
import { routes } from './route.ts';

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
    // A page with a strict query (most pages forgive a bad query with .catch; this one refuses it).
    const strict = z.object({ n: z.coerce.number().int().min(1).max(10), naam: z.string().min(1).max(5) });
    routes(app).get('/test-getal', { policy: 'public', query: strict }, async (req) => ({ n: req.query.n }));
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

  it('says what is wrong with each field in plain words, in the reader’s language, on pages and in JSON', async () => {
    const html = await app.inject({ url: '/test-getal?n=99&naam=', headers: { accept: 'text/html' } });
    assert.equal(html.statusCode, 400);
    assert.match(html.body, /Kijk de punten hieronder na/);
    assert.match(html.body, /<code>n<\/code>: Dit getal is te groot. Het mag hoogstens 10 zijn./);
    assert.match(html.body, /<code>naam<\/code>: Vul dit veld in./);
    assert.doesNotMatch(html.body, /Too big|Invalid input|expected/);

    const json = await app.inject({ url: '/test-getal?n=0&naam=abcdefgh', headers: { accept: 'application/json' } });
    assert.equal(json.statusCode, 400);
    assert.deepEqual(json.json().error.fields, {
      n: 'Dit getal is te klein. Het moet minstens 1 zijn.',
      naam: 'Dit is te lang. Maak de tekst korter.',
    });

    const english = await app.inject({ url: '/test-getal?n=abc&naam=x', headers: { accept: 'text/html', cookie: 'lang=en' } });
    assert.equal(english.statusCode, 400);
    assert.match(english.body, /<code>n<\/code>: This value is not right. Please check it./);
  });
});

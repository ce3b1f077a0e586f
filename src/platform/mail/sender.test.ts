import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { useTestDb } from '../../../test/helpers/app.ts';
import { testConfig } from '../config.ts';
import { queueMail } from './mail.service.ts';
import { sendOutboxMail } from './sender.ts';
import { runDueJobs } from '../jobs/worker.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port that keeps every message it receives. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A loopback port with nothing listening: take a free port and release it. */
async function deadPort(): Promise<number> {
  const s: Server = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('mail.send job', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  // queueMail dates the job with the real time; run the worker a little after that.
  const soon = () => new Date(Date.now() + 1000);

  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => {
    await smtp?.close();
  });
  beforeEach(async () => {
    await db().deleteFrom('jobs').execute();
  });

  const outbox = (id: string) => db().selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const jobOf = (id: string) =>
    db()
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'mail.send')
      .where(sql<string>`payload->>'mailId'`, '=', id)
      .executeTakeFirstOrThrow();

  it('keeps the mail in the outbox when no SMTP server is configured', async () => {
    const id = await queueMail(db(), {
      to: 'Bewoner@Example.org',
      subject: 'Uw aanmeldlink',
      text: 'Klik hier: http://localhost/x',
      locale: 'nl',
      now: new Date(),
    });
    const now = soon();
    const r = await runDueJobs(db(), { 'mail.send': sendOutboxMail }, { now, config: testConfig() });
    assert.deepEqual(r, { done: 1, failed: 0, retried: 0 });
    const mail = await outbox(id);
    assert.equal(mail.status, 'kept');
    assert.equal(mail.sent_at, null);
    assert.equal(smtp.received.length, 0);
  });

  it('delivers the mail to the SMTP server and marks it sent', async () => {
    const config = testConfig({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'noreply@samenhang.test' });
    const id = await queueMail(db(), {
      to: 'bewoner@example.org',
      subject: 'Welkom in de wijk',
      text: 'Hallo buurtgenoot',
      locale: 'nl',
      now: new Date(),
    });
    const now = soon();
    const r = await runDueJobs(db(), { 'mail.send': sendOutboxMail }, { now, config });
    assert.deepEqual(r, { done: 1, failed: 0, retried: 0 });
    assert.equal(smtp.received.length, 1);
    const msg = smtp.received[0]!;
    assert.deepEqual(msg.to, ['bewoner@example.org']);
    assert.equal(msg.from, 'noreply@samenhang.test');
    assert.match(msg.raw, /^Subject: Welkom in de wijk\r?$/m);
    assert.match(msg.raw, /Hallo buurtgenoot/);
    const mail = await outbox(id);
    assert.equal(mail.status, 'sent');
    assert.equal(mail.sent_at?.toISOString(), now.toISOString());

    // A second run (say after a crash) never sends it again.
    await sendOutboxMail({ db: db(), config, payload: { mailId: id }, tenantId: null, now });
    assert.equal(smtp.received.length, 1);
  });

  it('retries with back-off when the SMTP server is down, then gives up', async () => {
    const config = testConfig({ smtpUrl: `smtp://127.0.0.1:${await deadPort()}` });
    const id = await queueMail(db(), { to: 'bewoner@example.org', subject: 'Onbezorgbaar', text: 'Tekst', locale: 'nl', now: new Date() });
    const handlers = { 'mail.send': sendOutboxMail };
    let now = soon();
    const job0 = await jobOf(id);
    await db().updateTable('jobs').set({ max_attempts: 3 }).where('id', '=', job0.id).execute();

    assert.deepEqual(await runDueJobs(db(), handlers, { now, config }), { done: 0, failed: 0, retried: 1 });
    let job = await jobOf(id);
    assert.equal(job.status, 'pending');
    assert.equal(job.run_at.getTime(), now.getTime() + 30_000);
    assert.ok(job.last_error && job.last_error.length > 0);
    assert.equal((await outbox(id)).status, 'queued');

    // Too early: nothing happens.
    assert.deepEqual(await runDueJobs(db(), handlers, { now: new Date(now.getTime() + 10_000), config }), {
      done: 0,
      failed: 0,
      retried: 0,
    });
    now = new Date(now.getTime() + 30_000);
    assert.deepEqual(await runDueJobs(db(), handlers, { now, config }), { done: 0, failed: 0, retried: 1 });
    job = await jobOf(id);
    assert.equal(job.run_at.getTime(), now.getTime() + 60_000);

    now = new Date(now.getTime() + 60_000);
    assert.deepEqual(await runDueJobs(db(), handlers, { now, config }), { done: 0, failed: 1, retried: 0 });
    job = await jobOf(id);
    assert.equal(job.status, 'failed');
    assert.equal(job.attempts, 3);
    assert.equal((await outbox(id)).status, 'failed');
  });

  it('fails at once when the payload names no mail', async () => {
    await db()
      .insertInto('jobs')
      .values({ kind: 'mail.send', payload: JSON.stringify({ mailId: 'nope' }) as never, run_at: new Date(0) })
      .execute();
    assert.deepEqual(await runDueJobs(db(), { 'mail.send': sendOutboxMail }, { now: soon(), config: testConfig() }), {
      done: 0,
      failed: 1,
      retried: 0,
    });
  });
});

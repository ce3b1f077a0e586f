import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseForm } from '../../../platform/http/forms.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { recordAudit, truncateIp } from '../../../platform/audit/audit.service.ts';
import { checkPassword, checkTotpOnce, findAuthUser } from './auth.service.ts';
import { codeForm, signinForm } from './auth.schemas.ts';
import { safeReturn } from '../../../platform/http/return-address.ts';
import { clearPending, finishSignIn, readPending, signInNow } from './flow.ts';
import { endSession } from './session.ts';
import * as store from './auth.store.ts';
import { clearFailures, recordFailures, secondsToWait, totpKey } from './throttle.ts';
import { CodePage, MessagePage, SigninPage } from './views/signin.tsx';

export const RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

function terugOf(query: unknown): string {
  return safeReturn((query as { terug?: unknown } | undefined)?.terug);
}

/** Sign in with a password, the second step, and sign out. */
export async function signinRoutes(app: FastifyInstance): Promise<void> {
  app.get('/aanmelden', { config: { policy: 'public' } }, async (req, reply) => {
    return reply.page(<SigninPage ctx={req.viewContext()} terug={terugOf(req.query)} />, { title: req.t('auth.signin.title') });
  });

  app.post('/aanmelden', { config: { policy: 'public', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const terug = terugOf(req.query);
    const form = parseForm(signinForm, req.body, req.t);
    const title = req.t('auth.signin.title');
    const email = typeof (req.body as { email?: unknown })?.email === 'string' ? (req.body as { email: string }).email.slice(0, 254) : '';
    if (!form.ok) {
      return reply.page(<SigninPage ctx={req.viewContext()} terug={terug} email={email} errors={form.errors} />, { title, status: 422 });
    }
    const check = await checkPassword(app, form.data.email, form.data.password, req.ip);
    if (!check.ok) {
      const throttled = check.reason === 'throttled';
      if (throttled) reply.header('retry-after', String(check.seconds));
      const message = throttled ? req.t('auth.signin.throttled', { seconds: check.seconds }) : req.t('auth.signin.wrong');
      return reply.page(<SigninPage ctx={req.viewContext()} terug={terug} email={form.data.email} errors={{ email: message }} />, {
        title,
        status: throttled ? 429 : 401,
      });
    }
    return finishSignIn(app, req, reply, check.user, 'password', terug);
  });

  /** Who is at the second step: a browser that just passed the first step, or a session without the code yet. */
  async function secondStepSubject(req: FastifyRequest) {
    const pending = readPending(app, req);
    if (pending) {
      const user = await findAuthUser(app, pending.userId);
      if (user?.totpSecret) return { user, pending };
    }
    if (req.user && !req.user.mfaVerified) {
      const user = await findAuthUser(app, req.user.id);
      if (user?.totpSecret) return { user, pending: null };
    }
    return null;
  }

  app.get('/aanmelden/tweestaps', { config: { policy: 'public' } }, async (req, reply) => {
    const terug = terugOf(req.query);
    if (req.user?.mfaVerified) return reply.redirect(terug, 303);
    const subject = await secondStepSubject(req);
    if (!subject) {
      if (req.user) return reply.redirect(`/account/tweestaps${terug === '/' ? '' : `?terug=${encodeURIComponent(terug)}`}`, 303);
      return reply.page(
        <MessagePage
          title={req.t('auth.mfa.title')}
          message={req.t('auth.mfa.expired')}
          link={{ href: '/aanmelden', label: req.t('auth.signin.title') }}
        />,
        { title: req.t('auth.mfa.title'), status: 400 },
      );
    }
    return reply.page(<CodePage ctx={req.viewContext()} terug={terug} />, { title: req.t('auth.mfa.title') });
  });

  app.post('/aanmelden/tweestaps', { config: { policy: 'public', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const terug = terugOf(req.query);
    const title = req.t('auth.mfa.title');
    if (req.user?.mfaVerified) return reply.redirect(terug, 303);
    const subject = await secondStepSubject(req);
    if (!subject) {
      return reply.page(
        <MessagePage title={title} message={req.t('auth.mfa.expired')} link={{ href: '/aanmelden', label: req.t('auth.signin.title') }} />,
        { title, status: 400 },
      );
    }
    const form = parseForm(codeForm, req.body, req.t);
    if (!form.ok) return reply.page(<CodePage ctx={req.viewContext()} terug={terug} errors={form.errors} />, { title, status: 422 });
    const { user, pending } = subject;
    const now = app.clock.now();
    const key = totpKey(user.id);
    const wait = await secondsToWait(app.db, [key], now);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return reply.page(
        <CodePage ctx={req.viewContext()} terug={terug} errors={{ code: req.t('auth.signin.throttled', { seconds: wait }) }} />,
        { title, status: 429 },
      );
    }
    if (!(await checkTotpOnce(app, user, form.data.code, now))) {
      await inTransaction(app.db, async (trx) => {
        await recordFailures(trx, [key], now);
        await recordAudit(trx, {
          tenantId: null,
          actorUserId: req.user?.id ?? null,
          action: 'signin_failed',
          entity: 'user',
          entityId: user.id,
          ip: truncateIp(req.ip),
          detail: { step: 'totp' },
        });
      });
      return reply.page(<CodePage ctx={req.viewContext()} terug={terug} errors={{ code: req.t('auth.mfa.wrongCode') }} />, {
        title,
        status: 401,
      });
    }
    await clearFailures(app.db, key);
    if (pending) {
      clearPending(app, reply);
      await signInNow(app, req, reply, user.id, pending.method, true);
    } else {
      await inTransaction(app.db, async (trx) => {
        await store.setSessionMfa(trx, req.user!.sessionId, now);
        await recordAudit(trx, {
          tenantId: null,
          actorUserId: user.id,
          action: 'mfa_verified',
          entity: 'user',
          entityId: user.id,
          ip: truncateIp(req.ip),
        });
      });
    }
    return reply.redirect(terug, 303);
  });

  app.post('/afmelden', { config: { policy: 'public' } }, async (req, reply) => {
    const user = req.user;
    await inTransaction(app.db, async (trx) => {
      await endSession(app, req, reply, { db: trx });
      if (user) {
        await recordAudit(trx, {
          tenantId: null,
          actorUserId: user.id,
          action: 'signout',
          entity: 'user',
          entityId: user.id,
          ip: truncateIp(req.ip),
        });
      }
    });
    return reply.redirect('/', 303);
  });
}

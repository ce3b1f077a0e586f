import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldErrors } from '../../../ui/form.tsx';
import { routes } from '../../../platform/http/route.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { recordAudit, truncateIp } from '../../../platform/audit/audit.service.ts';
import { checkPassword, checkTotpOnce, findAuthUser } from './auth.service.ts';
import { codeForm, signinForm } from './auth.schemas.ts';
import { EMAIL_MAX } from '../people.schemas.ts';
import { safeReturn } from '../../../platform/http/return-address.ts';
import { clearPending, finishSignIn, readPending, signInNow } from './flow.ts';
import { endSession } from './session.ts';
import { setSessionSecondFactor } from '../../../platform/auth/sessions.service.ts';
import { clearFailures, recordFailures, secondsToWait, totpKey } from './throttle.ts';
import { CodePage, MessagePage, SigninPage } from './views/signin.tsx';

export const RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

/** `?terug=`: where to go after signing in (safeReturn decides; a repeated or odd value is ignored). */
export const returnQuery = z.object({ terug: z.string().optional().catch(undefined) });

/** Sign in with a password, the second step, and sign out. */
export async function signinRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/aanmelden', { policy: 'public', query: returnQuery }, async (req, reply) => {
    return reply.page(<SigninPage ctx={req.viewContext()} terug={safeReturn(req.query.terug)} />, { title: req.t('auth.signin.title') });
  });

  route.post(
    '/aanmelden',
    {
      policy: 'public',
      rateLimit: RATE_LIMIT,
      query: returnQuery,
      form: signinForm,
      invalid: (req, reply, errors, values, status) => {
        const email = typeof values.email === 'string' ? values.email.slice(0, EMAIL_MAX) : '';
        return reply.page(<SigninPage ctx={req.viewContext()} terug={safeReturn(req.query.terug)} email={email} errors={errors} />, {
          title: req.t('auth.signin.title'),
          status,
        });
      },
    },
    async (req, reply) => {
      const terug = safeReturn(req.query.terug);
      const title = req.t('auth.signin.title');
      const { email, password } = req.body;
      const check = await checkPassword(app, email, password, req.ip);
      if (!check.ok) {
        const throttled = check.reason === 'throttled';
        if (throttled) reply.header('retry-after', String(check.seconds));
        const message = throttled ? req.t('auth.signin.throttled', { seconds: check.seconds }) : req.t('auth.signin.wrong');
        return reply.page(<SigninPage ctx={req.viewContext()} terug={terug} email={email} errors={{ email: message }} />, {
          title,
          status: throttled ? 429 : 401,
        });
      }
      return finishSignIn(app, req, reply, check.user, 'password', terug);
    },
  );

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

  route.get('/aanmelden/tweestaps', { policy: 'public', query: returnQuery }, async (req, reply) => {
    const terug = safeReturn(req.query.terug);
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

  /**
   * Before the code is looked at: a session that already passed goes on, and a browser without a
   * first step (or whose first step expired) is told so. Returns the subject, or the reply sent.
   */
  async function atSecondStep(req: FastifyRequest, reply: FastifyReply, terug: string) {
    const title = req.t('auth.mfa.title');
    if (req.user?.mfaVerified) return { sent: reply.redirect(terug, 303) };
    const subject = await secondStepSubject(req);
    if (!subject) {
      return {
        sent: reply.page(
          <MessagePage
            title={title}
            message={req.t('auth.mfa.expired')}
            link={{ href: '/aanmelden', label: req.t('auth.signin.title') }}
          />,
          { title, status: 400 },
        ),
      };
    }
    return { subject };
  }

  const codeAgain = (req: FastifyRequest, reply: FastifyReply, terug: string, errors: FieldErrors, status: number) =>
    reply.page(<CodePage ctx={req.viewContext()} terug={terug} errors={errors} />, { title: req.t('auth.mfa.title'), status });

  route.post(
    '/aanmelden/tweestaps',
    {
      policy: 'public',
      rateLimit: RATE_LIMIT,
      query: returnQuery,
      form: codeForm,
      invalid: async (req, reply, errors, _values, status) => {
        const terug = safeReturn(req.query.terug);
        const at = await atSecondStep(req, reply, terug);
        return 'sent' in at ? at.sent : codeAgain(req, reply, terug, errors, status);
      },
    },
    async (req, reply) => {
      const terug = safeReturn(req.query.terug);
      const title = req.t('auth.mfa.title');
      const at = await atSecondStep(req, reply, terug);
      if ('sent' in at) return at.sent;
      const { code } = req.body;
      const { user, pending } = at.subject;
      const now = app.clock.now();
      const key = totpKey(user.id);
      const wait = await secondsToWait(app.db, [key], now); // unscoped: sign-in and sign-out have no tenant
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return reply.page(
          <CodePage ctx={req.viewContext()} terug={terug} errors={{ code: req.t('auth.signin.throttled', { seconds: wait }) }} />,
          { title, status: 429 },
        );
      }
      if (!(await checkTotpOnce(app, user, code, now))) {
        // unscoped: sign-in and sign-out have no tenant
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
      await clearFailures(app.db, key); // unscoped: sign-in and sign-out have no tenant
      if (pending) {
        clearPending(app, reply);
        await signInNow(app, req, reply, user.id, pending.method, true);
      } else {
        // unscoped: sign-in and sign-out have no tenant
        await inTransaction(app.db, async (trx) => {
          await setSessionSecondFactor(trx, req.user!.sessionId, now);
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
    },
  );

  route.post('/afmelden', { policy: 'public', form: z.object({}) }, async (req, reply) => {
    const user = req.user;
    // unscoped: sign-in and sign-out have no tenant
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

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { routes } from '../../../platform/http/route.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { recordAudit, truncateIp } from '../../../platform/audit/audit.service.ts';
import { isStaffAnywhere } from '../../../platform/auth/memberships.service.ts';
import { checkTotpOnce, findAuthUser } from './auth.service.ts';
import { PENDING_SECRET_MAX, codeForm, enableTotpForm } from './auth.schemas.ts';
import { safeReturn } from '../../../platform/http/return-address.ts';
import * as store from './auth.store.ts';
import { setSessionSecondFactor } from '../../../platform/auth/sessions.service.ts';
import { RATE_LIMIT, returnQuery } from './signin.routes.tsx';
import { clearFailures, recordFailures, secondsToWait, totpKey } from './throttle.ts';
import { decryptTotpSecret, encryptTotpSecret, pendingTotpSecret, totpStep, totpUri } from './totp.ts';
import { TwoStepPage, type TwoStepState } from './views/twostep.tsx';

/** Two-step sign-in (TOTP) on the account: set up, verify in this session, turn off. */
export async function twoStepRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  /** `?terug=…` to keep on the page's forms (only a local path). */
  function keepReturn(terug: string | undefined): string {
    const safe = safeReturn(terug, '');
    return safe ? `?terug=${encodeURIComponent(safe)}` : '';
  }

  async function setupState(req: FastifyRequest, base32?: string): Promise<TwoStepState> {
    const user = req.user!;
    const email = user.email;
    const secret = base32 ?? pendingTotpSecret(app.config, user.id, user.sessionId);
    const svg = await QRCode.toString(totpUri(secret, email), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return {
      kind: 'setup',
      secret,
      pending: encryptTotpSecret(app.config, secret),
      qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    };
  }

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    terug: string | undefined,
    opts: { errors?: Record<string, string>; status?: number; pendingSecret?: string } = {},
  ) {
    const user = req.user!;
    // Staff in any municipality (this page has none; req.user.memberships holds only the request's).
    const staff = await isStaffAnywhere(app.db, user.id); // unscoped: /account/tweestaps has no tenant
    const state: TwoStepState = !user.mfaEnabled
      ? await setupState(req, opts.pendingSecret)
      : user.mfaVerified
        ? { kind: 'on' }
        : { kind: 'verify' };
    const page = (
      <TwoStepPage
        ctx={req.viewContext()}
        state={state}
        staff={staff}
        returnQuery={keepReturn(terug)}
        {...(opts.errors ? { errors: opts.errors } : {})}
      />
    );
    return reply.page(page, { title: req.t('auth.twostep.title'), status: opts.status ?? 200 });
  }

  route.get('/account/tweestaps', { policy: 'signedIn', query: returnQuery }, async (req, reply) => render(req, reply, req.query.terug));

  /**
   * Before the code is looked at: an account that has two-step sign-in already goes back to the
   * page, and a set-up whose secret did not come back intact starts again (400). Returns the secret, or the reply sent.
   */
  function pendingSetup(req: FastifyRequest, reply: FastifyReply, terug: string | undefined, pending: unknown) {
    if (req.user?.mfaEnabled) return { sent: reply.redirect('/account/tweestaps', 303) };
    const base32 = typeof pending === 'string' ? decryptTotpSecret(app.config, pending.slice(0, PENDING_SECRET_MAX)) : null;
    if (!base32) return { sent: render(req, reply, terug, { errors: { code: req.t('auth.twostep.badSetup') }, status: 400 }) };
    return { base32 };
  }

  route.post(
    '/account/tweestaps',
    {
      policy: 'signedIn',
      rateLimit: RATE_LIMIT,
      query: returnQuery,
      form: enableTotpForm,
      invalid: (req, reply, errors, values, status) => {
        const setup = pendingSetup(req, reply, req.query.terug, values.pending);
        return 'sent' in setup ? setup.sent : render(req, reply, req.query.terug, { errors, status, pendingSecret: setup.base32 });
      },
    },
    async (req, reply) => {
      const user = req.user!;
      const terug = req.query.terug;
      const setup = pendingSetup(req, reply, terug, req.body.pending);
      if ('sent' in setup) return setup.sent;
      const { base32 } = setup;
      const now = app.clock.now();
      const step = totpStep(base32, req.body.code, now);
      if (step === null) {
        return render(req, reply, terug, { errors: { code: req.t('auth.mfa.wrongCode') }, status: 422, pendingSecret: base32 });
      }
      // unscoped: /account/tweestaps has no tenant
      await inTransaction(app.db, async (trx) => {
        if (!(await store.enableTotp(trx, user.id, encryptTotpSecret(app.config, base32), step, now))) return;
        await setSessionSecondFactor(trx, user.sessionId, now);
        await recordAudit(trx, {
          tenantId: null,
          actorUserId: user.id,
          action: 'mfa_enabled',
          entity: 'user',
          entityId: user.id,
          ip: truncateIp(req.ip),
        });
      });
      return reply.redirect(safeReturn(terug, '/account/tweestaps'), 303);
    },
  );

  route.post(
    '/account/tweestaps/uitzetten',
    {
      policy: 'signedIn',
      rateLimit: RATE_LIMIT,
      query: returnQuery,
      form: codeForm,
      invalid: async (req, reply, errors, _values, status) => {
        // Without two-step sign-in there is nothing to turn off: back to the page.
        const stored = await findAuthUser(app, req.user!.id);
        if (!stored?.totpSecret) return reply.redirect('/account/tweestaps', 303);
        return render(req, reply, req.query.terug, { errors, status });
      },
    },
    async (req, reply) => {
      const user = req.user!;
      const stored = await findAuthUser(app, user.id);
      if (!stored?.totpSecret) return reply.redirect('/account/tweestaps', 303);
      const now = app.clock.now();
      const key = totpKey(user.id);
      const wait = await secondsToWait(app.db, [key], now); // unscoped: /account/tweestaps has no tenant
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return render(req, reply, req.query.terug, { errors: { code: req.t('auth.signin.throttled', { seconds: wait }) }, status: 429 });
      }
      if (!(await checkTotpOnce(app, stored, req.body.code, now))) {
        await recordFailures(app.db, [key], now); // unscoped: /account/tweestaps has no tenant
        return render(req, reply, req.query.terug, { errors: { code: req.t('auth.mfa.wrongCode') }, status: 422 });
      }
      // unscoped: /account/tweestaps has no tenant
      await inTransaction(app.db, async (trx) => {
        await clearFailures(trx, key);
        await store.disableTotp(trx, user.id, now);
        await setSessionSecondFactor(trx, user.sessionId, null);
        await recordAudit(trx, {
          tenantId: null,
          actorUserId: user.id,
          action: 'mfa_disabled',
          entity: 'user',
          entityId: user.id,
          ip: truncateIp(req.ip),
        });
      });
      return reply.redirect('/account/tweestaps', 303);
    },
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { parseForm } from '../../../platform/http/forms.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { recordAudit, truncateIp } from '../../../platform/audit/audit.service.ts';
import { STAFF_ROLES } from '../../../platform/http/policy.ts';
import { checkTotpOnce, findAuthUser } from './auth.service.ts';
import { codeForm, enableTotpForm } from './auth.schemas.ts';
import { safeReturn } from '../../../platform/http/return-address.ts';
import * as store from './auth.store.ts';
import { RATE_LIMIT } from './signin.routes.tsx';
import { clearFailures, recordFailures, secondsToWait, totpKey } from './throttle.ts';
import { decryptTotpSecret, encryptTotpSecret, pendingTotpSecret, totpStep, totpUri } from './totp.ts';
import { TwoStepPage, type TwoStepState } from './views/twostep.tsx';

/** Two-step sign-in (TOTP) on the account: set up, verify in this session, turn off. */
export async function twoStepRoutes(app: FastifyInstance): Promise<void> {
  function returnQuery(req: FastifyRequest): string {
    const terug = safeReturn((req.query as { terug?: unknown }).terug, '');
    return terug ? `?terug=${encodeURIComponent(terug)}` : '';
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
    opts: { errors?: Record<string, string>; status?: number; pendingSecret?: string } = {},
  ) {
    const user = req.user!;
    const staff = user.memberships.some((m) => STAFF_ROLES.includes(m.role));
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
        returnQuery={returnQuery(req)}
        {...(opts.errors ? { errors: opts.errors } : {})}
      />
    );
    return reply.page(page, { title: req.t('auth.twostep.title'), status: opts.status ?? 200 });
  }

  app.get('/account/tweestaps', { config: { policy: 'signedIn' } }, async (req, reply) => render(req, reply));

  app.post('/account/tweestaps', { config: { policy: 'signedIn', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const user = req.user!;
    if (user.mfaEnabled) return reply.redirect('/account/tweestaps', 303);
    const form = parseForm(enableTotpForm, req.body, req.t);
    const pendingRaw = (req.body as Record<string, unknown> | undefined)?.pending;
    const base32 = typeof pendingRaw === 'string' ? decryptTotpSecret(app.config, pendingRaw.slice(0, 500)) : null;
    if (!base32) return render(req, reply, { errors: { code: req.t('auth.twostep.badSetup') }, status: 400 });
    if (!form.ok) return render(req, reply, { errors: form.errors, status: 422, pendingSecret: base32 });
    const now = app.clock.now();
    const step = totpStep(base32, form.data.code, now);
    if (step === null) return render(req, reply, { errors: { code: req.t('auth.mfa.wrongCode') }, status: 422, pendingSecret: base32 });
    await inTransaction(app.db, async (trx) => {
      if (!(await store.enableTotp(trx, user.id, encryptTotpSecret(app.config, base32), step, now))) return;
      await store.setSessionMfa(trx, user.sessionId, now);
      await recordAudit(trx, {
        tenantId: null,
        actorUserId: user.id,
        action: 'mfa_enabled',
        entity: 'user',
        entityId: user.id,
        ip: truncateIp(req.ip),
      });
    });
    return reply.redirect(safeReturn((req.query as { terug?: unknown }).terug, '/account/tweestaps'), 303);
  });

  app.post('/account/tweestaps/uitzetten', { config: { policy: 'signedIn', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const user = req.user!;
    const stored = await findAuthUser(app, user.id);
    if (!stored?.totpSecret) return reply.redirect('/account/tweestaps', 303);
    const form = parseForm(codeForm, req.body, req.t);
    if (!form.ok) return render(req, reply, { errors: form.errors, status: 422 });
    const now = app.clock.now();
    const key = totpKey(user.id);
    const wait = await secondsToWait(app.db, [key], now);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return render(req, reply, { errors: { code: req.t('auth.signin.throttled', { seconds: wait }) }, status: 429 });
    }
    if (!(await checkTotpOnce(app, stored, form.data.code, now))) {
      await recordFailures(app.db, [key], now);
      return render(req, reply, { errors: { code: req.t('auth.mfa.wrongCode') }, status: 422 });
    }
    await inTransaction(app.db, async (trx) => {
      await clearFailures(trx, key);
      await store.disableTotp(trx, user.id, now);
      await store.setSessionMfa(trx, user.sessionId, null);
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
  });
}

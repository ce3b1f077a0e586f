import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inTransaction } from '../../platform/db/database.ts';
import { Forbidden } from '../../platform/errors.ts';
import { auditFrom, recordAudit } from '../../platform/audit/audit.service.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { passwordProblem } from './auth/password.ts';
import { startSession } from './auth/session.ts';
import { acceptNewUserForm } from './people.schemas.ts';
import { acceptInvitation, getInvitation, type Invitation } from './invitation.service.ts';
import { InvitationPage, type InvitationMode } from './views/invitation.tsx';
import { formErrorsOf } from './form-helpers.ts';

function modeFor(req: FastifyRequest, inv: Invitation): InvitationMode {
  if (inv.existingUserId) {
    if (!req.user) return 'signIn';
    return req.user.id === inv.existingUserId ? 'accept' : 'otherAccount';
  }
  return req.user ? 'otherAccount' : 'create';
}

/** Accepting an invitation into an organisation: `/uitnodiging/{token}` (public; the token is the key). */
export async function invitationRoutes(app: FastifyInstance): Promise<void> {
  const rateLimit = { max: 30, timeWindow: '1 minute' };

  function page(
    req: FastifyRequest,
    token: string,
    inv: Invitation,
    mode: InvitationMode,
    extra: { name?: string; errors?: Record<string, string> } = {},
  ) {
    return (
      <InvitationPage
        ctx={req.viewContext()}
        token={token}
        email={inv.email}
        organisationName={inv.organisationName}
        roleKey={`people.role.${inv.role}`}
        mode={mode}
        name={extra.name ?? inv.name}
        errors={extra.errors}
      />
    );
  }

  app.get('/uitnodiging/:token', { config: { policy: 'public', rateLimit } }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const inv = await getInvitation(app.db, token, app.clock.now());
    return reply
      .header('referrer-policy', 'no-referrer')
      .page(page(req, token, inv, modeFor(req, inv)), { title: req.t('people.invite.pageTitle') });
  });

  app.post('/uitnodiging/:token', { config: { policy: 'public', rateLimit } }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const now = app.clock.now();
    const inv = await getInvitation(app.db, token, now);
    const mode = modeFor(req, inv);
    const title = req.t('people.invite.pageTitle');
    if (mode === 'signIn' || mode === 'otherAccount') throw Forbidden('people.invite.signInFirst');

    let newUser: { name: string; password: string } | undefined;
    if (mode === 'create') {
      const form = parseForm(acceptNewUserForm, req.body, req.t);
      const errors = form.ok ? {} : form.errors;
      if (form.ok) {
        const problem = passwordProblem(form.data.password);
        if (problem) errors.password = req.t(problem);
      }
      const submittedName =
        typeof (req.body as { name?: unknown } | undefined)?.name === 'string' ? (req.body as { name: string }).name : inv.name;
      if (!form.ok || Object.keys(errors).length > 0) {
        return reply.page(page(req, token, inv, mode, { errors, name: submittedName }), { title, status: 422 });
      }
      newUser = { name: form.data.name, password: form.data.password };
    }

    try {
      const result = await inTransaction(app.db, async (trx) => {
        const r = await acceptInvitation(trx, { token, now, signedInUserId: req.user?.id ?? null, ...(newUser ?? {}) });
        const audit = { ...auditFrom(req), actorUserId: r.userId, tenantId: r.tenantId };
        if (r.created) {
          await recordAudit(trx, { ...audit, action: 'create', entity: 'user', entityId: r.userId, detail: { via: 'invitation' } });
        }
        await recordAudit(trx, {
          ...audit,
          action: 'accept_invitation',
          entity: 'membership',
          entityId: r.membershipId,
          detail: { role: r.role, organisationId: r.organisationId },
        });
        // A new role is a change of privilege: rotate the session (keeping a verified second factor).
        await startSession(app, req, reply, r.userId, { mfa: r.created ? false : (req.user?.mfaVerified ?? false), db: trx });
        return r;
      });
      const mfaEnabled = !result.created && (req.user?.mfaEnabled ?? false);
      return reply.redirect(mfaEnabled ? '/account?melding=uitnodiging-aangenomen' : '/account/tweestaps', 303);
    } catch (err) {
      const { status, errors } = formErrorsOf(err, req.t);
      return reply.page(page(req, token, inv, mode, { errors, name: newUser?.name ?? inv.name }), { title, status });
    }
  });
}

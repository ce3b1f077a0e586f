import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inTransaction } from '../../../platform/db/database.ts';
import { Forbidden } from '../../../platform/errors.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { routes } from '../../../platform/http/route.ts';
import { passwordProblem } from '../auth/password.ts';
import { startSession } from '../auth/session.ts';
import { acceptNewUserForm, invitationForm, tokenParams } from '../people.schemas.ts';
import { acceptInvitation, getInvitation, type Invitation } from './invitation.service.ts';
import { InvitationPage, type InvitationMode } from './views/invitation.tsx';

function modeFor(req: FastifyRequest, inv: Invitation): InvitationMode {
  if (inv.existingUserId) {
    if (!req.user) return 'signIn';
    return req.user.id === inv.existingUserId ? 'accept' : 'otherAccount';
  }
  return req.user ? 'otherAccount' : 'create';
}

/** Accepting an invitation into an organisation: `/uitnodiging/{token}` (public; the token is the key). */
export async function invitationRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const rateLimit = { max: 30, timeWindow: '1 minute' };

  function page(
    req: FastifyRequest,
    token: string,
    inv: Invitation,
    mode: InvitationMode,
    extra: { name?: string; errors?: FieldErrors | undefined } = {},
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

  /** The form again with its messages, for the invitation as it is now (an invitation no longer valid is the error page). */
  async function again(
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    errors: FieldErrors,
    name: string | undefined,
    status: number,
  ) {
    const inv = await getInvitation(app.db, token, app.clock.now()); // unscoped: /uitnodiging has no tenant (the invitation names it)
    return reply.page(page(req, token, inv, modeFor(req, inv), { errors, name: name ?? inv.name }), {
      title: req.t('people.invite.pageTitle'),
      status,
    });
  }

  route.get('/uitnodiging/:token', { policy: 'public', rateLimit, params: tokenParams }, async (req, reply) => {
    const { token } = req.params;
    const inv = await getInvitation(app.db, token, app.clock.now()); // unscoped: /uitnodiging has no tenant (the invitation names it)
    return reply
      .header('referrer-policy', 'no-referrer')
      .page(page(req, token, inv, modeFor(req, inv)), { title: req.t('people.invite.pageTitle') });
  });

  route.post(
    '/uitnodiging/:token',
    {
      policy: 'public',
      rateLimit,
      params: tokenParams,
      form: invitationForm,
      invalid: (req, reply, errors, values, status) =>
        again(req, reply, req.params.token, errors, typeof values.name === 'string' ? values.name : undefined, status),
    },
    async (req, reply) => {
      const { token } = req.params;
      const now = app.clock.now();
      const inv = await getInvitation(app.db, token, now); // unscoped: /uitnodiging has no tenant (the invitation names it)
      const mode = modeFor(req, inv);
      if (mode === 'signIn' || mode === 'otherAccount') throw Forbidden('people.invite.signInFirst');

      let newUser: { name: string; password: string } | undefined;
      if (mode === 'create') {
        // Only a new account has fields to fill in: checked here, not by the edge (which cannot know the mode).
        const form = parseForm(acceptNewUserForm, req.body, req.t);
        const errors = form.ok ? {} : form.errors;
        if (form.ok) {
          const problem = passwordProblem(form.data.password);
          if (problem) errors.password = req.t(problem);
        }
        if (!form.ok || Object.keys(errors).length > 0) {
          return reply.page(page(req, token, inv, mode, { errors, name: req.body.name ?? inv.name }), {
            title: req.t('people.invite.pageTitle'),
            status: 422,
          });
        }
        newUser = { name: form.data.name, password: form.data.password };
      }

      // unscoped: /uitnodiging has no tenant (the invitation names it)
      const result = await inTransaction(app.db, async (trx) => {
        const r = await acceptInvitation(trx, req.principal, { token, now, ...(newUser ?? {}) });
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
    },
  );
}

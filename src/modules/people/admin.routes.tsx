import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden, Invalid } from '../../platform/errors.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { auditFrom, recordAudit } from '../../platform/audit/audit.service.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { hasRole } from '../../platform/http/policy.ts';
import { formErrorsOf, formValues } from './form-helpers.ts';
import { addRoleForm, inviteForm, organisationForm } from './people.schemas.ts';
import { addMembership, createOrganisation, getOrganisation, listMembers, listOrganisations, removeMembership } from './people.service.ts';
import { inviteToOrganisation } from './invitation.service.ts';
import { OrganisationsPage } from './views/organisations.tsx';
import { OrganisationPage } from './views/organisation.tsx';
import { UsersPage } from './views/users.tsx';
import { noticeKey } from './views/notice.tsx';

const ADMIN_OR_COORDINATOR = { roles: ['admin', 'coordinator'] } as const;
const ADMIN_PERSONAL = { roles: ['admin'], personalData: true } as const;
const COORD_PERSONAL = { roles: ['admin', 'coordinator'], personalData: true } as const;

/** Administration pages of a tenant: organisations, their people and invitations, users and roles. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const crumbs = (req: FastifyRequest) => [{ href: `/${req.tenant!.slug}/`, label: req.tenant!.name }];

  async function renderOrganisations(
    req: FastifyRequest,
    extra: { errors?: Record<string, string>; values?: Record<string, string>; notice?: string | null } = {},
  ) {
    const organisations = await listOrganisations(app.db, req.tenant!.id);
    return <OrganisationsPage ctx={req.viewContext()} organisations={organisations} canCreate={hasRole(req, 'admin')} {...extra} />;
  }

  app.get('/:tenant/beheer/organisaties', { config: { policy: ADMIN_OR_COORDINATOR } }, async (req, reply) => {
    return reply.page(await renderOrganisations(req, { notice: noticeKey(req.query) }), {
      title: req.t('people.org.title'),
      breadcrumbs: crumbs(req),
    });
  });

  app.post('/:tenant/beheer/organisaties', { config: { policy: ADMIN_OR_COORDINATOR } }, async (req, reply) => {
    if (!hasRole(req, 'admin')) throw Forbidden();
    const tenant = req.tenant!;
    const form = parseForm(organisationForm, req.body, req.t);
    let errors: { status: number; errors: Record<string, string> };
    if (form.ok) {
      try {
        await inTransaction(app.db, async (trx) => {
          const org = await createOrganisation(trx, { tenantId: tenant.id, name: form.data.name, kind: form.data.kind });
          await recordAudit(trx, {
            ...auditFrom(req),
            action: 'create',
            entity: 'organisation',
            entityId: org.id,
            detail: { kind: form.data.kind },
          });
        });
        return reply.redirect(`/${tenant.slug}/beheer/organisaties?melding=organisatie-toegevoegd`, 303);
      } catch (err) {
        errors = formErrorsOf(err, req.t);
      }
    } else {
      errors = { status: 422, errors: form.errors };
    }
    const body = await renderOrganisations(req, { errors: errors.errors, values: formValues(req.body) });
    return reply.page(body, { title: req.t('people.org.title'), status: errors.status, breadcrumbs: crumbs(req) });
  });

  /** Admins and coordinators of the whole tenant manage every organisation; a coordinator of one organisation only that one. */
  function mayManage(req: FastifyRequest, organisationId: string): boolean {
    if (hasRole(req, 'admin')) return true;
    return req.user!.memberships.some(
      (m) =>
        m.tenantId === req.tenant!.id && m.role === 'coordinator' && (m.organisationId === null || m.organisationId === organisationId),
    );
  }

  async function loadOrganisation(req: FastifyRequest, id: string) {
    const organisation = await getOrganisation(app.db, req.tenant!.id, id);
    if (!mayManage(req, organisation.id)) throw Forbidden();
    const members = await listMembers(app.db, req.tenant!.id, { organisationId: organisation.id });
    return { organisation, members };
  }

  app.get('/:tenant/beheer/organisaties/:id', { config: { policy: COORD_PERSONAL } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const { organisation, members } = await loadOrganisation(req, id);
    await recordAudit(app.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'organisation_members',
      entityId: organisation.id,
      detail: { count: members.length },
    });
    return reply.page(
      <OrganisationPage ctx={req.viewContext()} organisation={organisation} members={members} notice={noticeKey(req.query)} />,
      {
        title: organisation.name,
        breadcrumbs: [...crumbs(req), { href: `/${req.tenant!.slug}/beheer/organisaties`, label: req.t('people.org.title') }],
      },
    );
  });

  app.post('/:tenant/beheer/organisaties/:id/uitnodigen', { config: { policy: COORD_PERSONAL } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const tenant = req.tenant!;
    const { organisation, members } = await loadOrganisation(req, id);
    const form = parseForm(inviteForm, req.body, req.t);
    let errors: { status: number; errors: Record<string, string> };
    if (form.ok) {
      try {
        await inTransaction(app.db, async (trx) => {
          const inv = await inviteToOrganisation(trx, {
            tenant,
            organisationId: organisation.id,
            email: form.data.email,
            name: form.data.name,
            role: form.data.role,
            locale: req.locale,
            now: app.clock.now(),
            baseUrl: app.config.baseUrl,
          });
          await recordAudit(trx, {
            ...auditFrom(req),
            action: 'invite',
            entity: 'organisation',
            entityId: organisation.id,
            detail: { role: form.data.role, invitation: inv.invitationId.slice(0, 12) },
          });
        });
        return reply.redirect(`/${tenant.slug}/beheer/organisaties/${organisation.id}?melding=uitnodiging-verstuurd`, 303);
      } catch (err) {
        errors = formErrorsOf(err, req.t);
      }
    } else {
      errors = { status: 422, errors: form.errors };
    }
    return reply.page(
      <OrganisationPage
        ctx={req.viewContext()}
        organisation={organisation}
        members={members}
        errors={errors.errors}
        values={formValues(req.body)}
      />,
      { title: organisation.name, status: errors.status, breadcrumbs: crumbs(req) },
    );
  });

  async function renderUsers(
    req: FastifyRequest,
    extra: { errors?: Record<string, string>; values?: Record<string, string>; notice?: string | null } = {},
  ) {
    const members = await listMembers(app.db, req.tenant!.id);
    const organisations = await listOrganisations(app.db, req.tenant!.id);
    await recordAudit(app.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'user_list',
      entityId: null,
      detail: { count: members.length },
    });
    return <UsersPage ctx={req.viewContext()} members={members} organisations={organisations} {...extra} />;
  }

  app.get('/:tenant/beheer/gebruikers', { config: { policy: ADMIN_PERSONAL } }, async (req, reply) => {
    return reply.page(await renderUsers(req, { notice: noticeKey(req.query) }), {
      title: req.t('people.users.title'),
      breadcrumbs: crumbs(req),
    });
  });

  app.post('/:tenant/beheer/gebruikers', { config: { policy: ADMIN_PERSONAL } }, async (req, reply) => {
    const tenant = req.tenant!;
    const form = parseForm(addRoleForm, req.body, req.t);
    let errors: { status: number; errors: Record<string, string> };
    if (form.ok) {
      try {
        await inTransaction(app.db, async (trx) => {
          // Only people who already have a role in this tenant can be given another one here.
          const known = await listMembers(trx, tenant.id, { userId: form.data.userId });
          if (known.length === 0) throw Invalid({ userId: 'people.userUnknown' });
          const m = await addMembership(trx, {
            tenantId: tenant.id,
            userId: form.data.userId,
            organisationId: form.data.organisationId,
            role: form.data.role,
          });
          await recordAudit(trx, {
            ...auditFrom(req),
            action: 'create',
            entity: 'membership',
            entityId: m.id,
            detail: { role: form.data.role, organisationId: form.data.organisationId },
          });
        });
        return reply.redirect(`/${tenant.slug}/beheer/gebruikers?melding=rol-gegeven`, 303);
      } catch (err) {
        errors = formErrorsOf(err, req.t);
      }
    } else {
      errors = { status: 422, errors: form.errors };
    }
    const body = await renderUsers(req, { errors: errors.errors, values: formValues(req.body) });
    return reply.page(body, { title: req.t('people.users.title'), status: errors.status, breadcrumbs: crumbs(req) });
  });

  app.post('/:tenant/beheer/gebruikers/:id/verwijderen', { config: { policy: ADMIN_PERSONAL } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const tenant = req.tenant!;
    await inTransaction(app.db, async (trx) => {
      const removed = await removeMembership(trx, tenant.id, id);
      await recordAudit(trx, {
        ...auditFrom(req),
        action: 'delete',
        entity: 'membership',
        entityId: id,
        detail: { role: removed.role, organisationId: removed.organisationId },
      });
    });
    return reply.redirect(`/${tenant.slug}/beheer/gebruikers?melding=rol-weggehaald`, 303);
  });
}

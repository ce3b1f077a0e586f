import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../../../platform/errors.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { inTransaction } from '../../../platform/db/database.ts';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { hasRole } from '../../../platform/http/policy.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { addRoleForm, idParams, inviteForm, organisationForm, textValues } from '../people.schemas.ts';
import { addOrganisation, grantRole, organisationsFor, organisationWithMembers, usersFor } from './admin.service.ts';
import { recentRemovals, removalBlocks } from './admin.removals.service.ts';
import { inviteToOrganisation } from '../invitation/invitation.service.ts';
import { OrganisationsPage } from './views/organisations.tsx';
import { OrganisationPage } from './views/organisation.tsx';
import { UsersPage } from './views/users.tsx';
import { noticeKey, noticeQuery } from '../notices.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

const ADMIN_OR_COORDINATOR = { roles: ['admin', 'coordinator'] } as const;
const ADMIN_PERSONAL = { roles: ['admin'], personalData: true } as const;
const COORD_PERSONAL = { roles: ['admin', 'coordinator'], personalData: true } as const;

/** A request under `/:tenant/…` (the edge guarantees the tenant). */
type TenantRequest = FastifyRequest & { tenant: RequestTenant };
/** A form shown again: messages, submitted values, status. */
interface Shown {
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey | null;
}

/** Administration pages of a tenant: organisations, their people and invitations, users and roles. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const crumbs = (tenant: RequestTenant) => [{ href: `/${tenant.slug}/`, label: tenant.name }];

  async function renderOrganisations(req: TenantRequest, extra: Shown = {}) {
    const organisations = await organisationsFor(req.db, req.principal, req.tenant.id);
    return (
      <OrganisationsPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        organisations={organisations}
        canCreate={hasRole(req, 'admin')}
        {...extra}
      />
    );
  }

  route.get('/:tenant/beheer/organisaties', { policy: ADMIN_OR_COORDINATOR, query: noticeQuery }, async (req, reply) => {
    return reply.page(await renderOrganisations(req, { notice: noticeKey(req.query.melding) }), {
      title: req.t('people.org.title'),
      breadcrumbs: crumbs(req.tenant),
    });
  });

  /** Only administrators add organisations (coordinators see the list). */
  const mustBeAdmin = (req: FastifyRequest) => {
    if (!hasRole(req, 'admin')) throw Forbidden();
  };

  route.post(
    '/:tenant/beheer/organisaties',
    {
      policy: ADMIN_OR_COORDINATOR,
      form: organisationForm,
      invalid: async (req, reply, errors, values, status) => {
        mustBeAdmin(req);
        const body = await renderOrganisations(req, { errors, values: textValues(values) });
        return reply.page(body, { title: req.t('people.org.title'), status, breadcrumbs: crumbs(req.tenant) });
      },
    },
    async (req, reply) => {
      mustBeAdmin(req);
      const tenant = req.tenant;
      const { name, kind } = req.body;
      await inTransaction(req.db, async (trx) => {
        const org = await addOrganisation(trx, req.principal, { tenantId: tenant.id, name, kind });
        await recordAudit(trx, { ...auditFrom(req), action: 'create', entity: 'organisation', entityId: org.id, detail: { kind } });
      });
      return reply.redirect(`/${tenant.slug}/beheer/organisaties?melding=organisatie-toegevoegd`, 303);
    },
  );

  /** Admins and coordinators of the whole tenant manage every organisation; a coordinator of one organisation only that one (admin.service.ts). */
  const loadOrganisation = (req: TenantRequest, id: string) => organisationWithMembers(req.db, req.principal, req.tenant.id, id);

  route.get('/:tenant/beheer/organisaties/:id', { policy: COORD_PERSONAL, params: idParams, query: noticeQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const { organisation, members } = await loadOrganisation(req, req.params.id);
    await recordAudit(req.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'organisation_members',
      entityId: organisation.id,
      detail: { count: members.length },
    });
    return reply.page(
      <OrganisationPage
        ctx={req.viewContext()}
        slug={tenant.slug}
        organisation={organisation}
        members={members}
        notice={noticeKey(req.query.melding)}
      />,
      {
        title: organisation.name,
        breadcrumbs: [...crumbs(tenant), { href: `/${tenant.slug}/beheer/organisaties`, label: req.t('people.org.title') }],
      },
    );
  });

  /** The organisation page with the invitation form shown again (a refused organisation or person is an error page). */
  async function inviteAgain(req: TenantRequest, reply: FastifyReply, id: string, shown: Shown, status: number) {
    const { organisation, members } = await loadOrganisation(req, id);
    return reply.page(
      <OrganisationPage ctx={req.viewContext()} slug={req.tenant.slug} organisation={organisation} members={members} {...shown} />,
      { title: organisation.name, status, breadcrumbs: crumbs(req.tenant) },
    );
  }

  route.post(
    '/:tenant/beheer/organisaties/:id/uitnodigen',
    {
      policy: COORD_PERSONAL,
      params: idParams,
      form: inviteForm,
      invalid: (req, reply, errors, values, status) =>
        inviteAgain(req, reply, req.params.id, { errors, values: textValues(values) }, status),
    },
    async (req, reply) => {
      const tenant = req.tenant;
      const { organisation } = await loadOrganisation(req, req.params.id);
      const { email, name, role } = req.body;
      await inTransaction(req.db, async (trx) => {
        const inv = await inviteToOrganisation(trx, req.principal, {
          tenant,
          organisationId: organisation.id,
          email,
          name,
          role,
          locale: req.locale,
          now: app.clock.now(),
          baseUrl: app.config.baseUrl,
        });
        await recordAudit(trx, {
          ...auditFrom(req),
          action: 'invite',
          entity: 'organisation',
          entityId: organisation.id,
          detail: { role, invitation: inv.invitationId.slice(0, 12) },
        });
      });
      return reply.redirect(`/${tenant.slug}/beheer/organisaties/${organisation.id}?melding=uitnodiging-verstuurd`, 303);
    },
  );

  async function renderUsers(req: TenantRequest, extra: Shown = {}) {
    const members = await usersFor(req.db, req.principal, req.tenant.id);
    const organisations = await organisationsFor(req.db, req.principal, req.tenant.id);
    const removals = await recentRemovals(req.db, req.principal, req.tenant.id);
    await recordAudit(req.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'user_list',
      entityId: null,
      detail: { count: members.length },
    });
    return (
      <UsersPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        members={members}
        organisations={organisations}
        removals={removals}
        blocked={removalBlocks(req.principal, members)}
        {...extra}
      />
    );
  }

  route.get('/:tenant/beheer/gebruikers', { policy: ADMIN_PERSONAL, query: noticeQuery }, async (req, reply) => {
    return reply.page(await renderUsers(req, { notice: noticeKey(req.query.melding) }), {
      title: req.t('people.users.title'),
      breadcrumbs: crumbs(req.tenant),
    });
  });

  route.post(
    '/:tenant/beheer/gebruikers',
    {
      policy: ADMIN_PERSONAL,
      form: addRoleForm,
      invalid: async (req, reply, errors, values, status) => {
        const body = await renderUsers(req, { errors, values: textValues(values) });
        return reply.page(body, { title: req.t('people.users.title'), status, breadcrumbs: crumbs(req.tenant) });
      },
    },
    async (req, reply) => {
      const tenant = req.tenant;
      const { userId, organisationId, role } = req.body;
      await inTransaction(req.db, async (trx) => {
        // Only people who already have a role in this tenant can be given another one here (grantRole).
        const m = await grantRole(trx, req.principal, { tenantId: tenant.id, userId, organisationId, role });
        await recordAudit(trx, {
          ...auditFrom(req),
          action: 'create',
          entity: 'membership',
          entityId: m.id,
          detail: { role, organisationId },
        });
      });
      return reply.redirect(`/${tenant.slug}/beheer/gebruikers?melding=rol-gegeven`, 303);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../../platform/errors.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { routes } from '../../../platform/http/route.ts';
import { emptyForm, idParams } from '../people.schemas.ts';
import { revokeRole, usersFor } from './admin.service.ts';
import { removalBlocks, UNDO_MINUTES, undoRemoval } from './admin.removals.service.ts';
import { RemoveRolePage } from './views/remove-role.tsx';

const ADMIN_PERSONAL = { roles: ['admin'], personalData: true } as const;

/**
 * Taking a role away: a confirm page (GET, a plain form), the removal (POST), and undo (POST)
 * within UNDO_MINUTES from the "recently removed" list on the users page.
 */
export async function roleRemovalRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/beheer/gebruikers/:id/verwijderen', { policy: ADMIN_PERSONAL, params: idParams }, async (req, reply) => {
    const tenant = req.tenant;
    const members = await usersFor(req.db, req.principal, tenant.id);
    const member = members.find((m) => m.membershipId === req.params.id);
    if (!member) throw NotFound();
    const block = removalBlocks(req.principal, members)[member.membershipId] ?? null;
    return reply.page(
      <RemoveRolePage ctx={req.viewContext()} slug={tenant.slug} member={member} block={block} undoMinutes={UNDO_MINUTES} />,
      {
        title: req.t('people.users.confirmTitle'),
        status: block ? 409 : 200,
        breadcrumbs: [
          { href: `/${tenant.slug}/`, label: tenant.name },
          { href: `/${tenant.slug}/beheer/gebruikers`, label: req.t('people.users.title') },
        ],
      },
    );
  });

  route.post(
    '/:tenant/beheer/gebruikers/:id/verwijderen',
    { policy: ADMIN_PERSONAL, params: idParams, form: emptyForm },
    async (req, reply) => {
      const tenant = req.tenant;
      const { id } = req.params;
      await inTransaction(req.db, async (trx) => {
        const removed = await revokeRole(trx, req.principal, tenant.id, id);
        await recordAudit(trx, {
          ...auditFrom(req),
          action: 'delete',
          entity: 'membership',
          entityId: id,
          detail: { role: removed.role, organisationId: removed.organisationId, userId: removed.userId },
        });
      });
      return reply.redirect(`/${tenant.slug}/beheer/gebruikers?melding=rol-weggehaald`, 303);
    },
  );

  route.post(
    '/:tenant/beheer/gebruikers/herstellen/:id',
    { policy: ADMIN_PERSONAL, params: idParams, form: emptyForm },
    async (req, reply) => {
      const tenant = req.tenant;
      await inTransaction(req.db, async (trx) => {
        const restored = await undoRemoval(trx, req.principal, tenant.id, req.params.id);
        await recordAudit(trx, {
          ...auditFrom(req),
          action: 'restore',
          entity: 'membership',
          entityId: restored.membershipId,
          detail: { role: restored.role, organisationId: restored.organisationId, userId: restored.userId },
        });
      });
      return reply.redirect(`/${tenant.slug}/beheer/gebruikers?melding=rol-teruggegeven`, 303);
    },
  );
}

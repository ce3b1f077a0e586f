import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { z } from 'zod';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { Forbidden } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { listMembers, listOrganisations } from '../../people/people.service.ts';
import { type VacancyRow } from '../safety/safety.store.ts';
import { listOpenVacancies, createVacancy, getVacancy, listVacancyResponses, respondToVacancy, closeVacancy } from './vacancies.service.ts';
import { idParam, optionalMessageForm, vacancyForm } from '../helpmatch.schemas.ts';
import { VacanciesPage, VacancyFormPage, VacancyPage, type VacancyItem } from './views/vacancies.tsx';
import { actorOf, MEMBERS, noticeOf, noticeQuery, singleValues } from '../helpmatch.http.ts';
import { organisationsReaching, reachOf } from '../../../platform/principal.ts';
import { can, RULES } from '../policies.ts';

/** Vacancies of organisations: list (public), post (organisation members), respond (volunteers), responses (organisation). */
export async function vacancyRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const params = { id: idParam };
  const crumbs = (req: FastifyRequest, tenant: RequestTenant) => [{ href: `/${tenant.slug}/hulp`, label: req.t('helpmatch.title') }];
  async function orgNames(db: DbOrTrx, tenantId: string) {
    return new Map((await listOrganisations(db, tenantId)).map((o) => [o.id, o.name]));
  }
  function item(v: VacancyRow, names: Map<string, string>): VacancyItem {
    return {
      id: v.id,
      title: v.title,
      description: v.description,
      category: v.category,
      hoursPerWeek: v.hours_per_week,
      organisation: names.get(v.organisation_id) ?? '',
      isDemo: v.is_demo,
      state: v.state,
    };
  }

  route.get('/:tenant/hulp/vacatures', { policy: 'public', query: noticeQuery }, async (req, reply) => {
    const names = await orgNames(req.db, req.tenant.id);
    const vacancies = (await listOpenVacancies(req.db, req.tenant.id)).map((v) => item(v, names));
    const canCreate = !!req.user && (req.principal.organisationIds.length > 0 || req.roles.includes('coordinator'));
    return reply.page(<VacanciesPage ctx={req.viewContext()} vacancies={vacancies} canCreate={canCreate} notice={noticeOf(req.query)} />, {
      title: req.t('helpmatch.vacancy.title'),
      breadcrumbs: crumbs(req, req.tenant),
    });
  });

  async function formOrganisations(req: FastifyRequest, tenant: RequestTenant) {
    const names = await orgNames(req.db, tenant.id);
    // A coordinator posts for any organisation; others for their own.
    const ids =
      reachOf(RULES, req.principal, 'vacancy.create') === 'all'
        ? [...names.keys()]
        : organisationsReaching(RULES, req.principal, 'vacancy.create');
    return ids.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
  }

  route.get('/:tenant/hulp/vacatures/nieuw', { policy: { roles: MEMBERS } }, async (req, reply) => {
    const organisations = await formOrganisations(req, req.tenant);
    if (organisations.length === 0) throw Forbidden('helpmatch.vacancy.notMember');
    return reply.page(<VacancyFormPage ctx={req.viewContext()} organisations={organisations} values={{}} />, {
      title: req.t('helpmatch.vacancy.newTitle'),
      breadcrumbs: crumbs(req, req.tenant),
    });
  });

  route.post(
    '/:tenant/hulp/vacatures/nieuw',
    {
      policy: { roles: MEMBERS },
      form: vacancyForm,
      invalid: async (req, reply, errors, values, status) =>
        reply.page(
          <VacancyFormPage
            ctx={req.viewContext()}
            organisations={await formOrganisations(req, req.tenant)}
            values={singleValues(values)}
            errors={errors}
          />,
          {
            title: req.t('helpmatch.vacancy.newTitle'),
            status,
          },
        ),
    },
    async (req, reply) => {
      const v = await createVacancy(req.db, req.tenant.id, actorOf(req), req.body, app.clock.now());
      return reply.redirect(`/${req.tenant.slug}/hulp/vacatures/${v.id}?melding=vacature-geplaatst`, 303);
    },
  );

  route.get('/:tenant/hulp/vacatures/:id', { policy: 'public', params, query: noticeQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const { id } = req.params;
    const v = await getVacancy(req.db, tenant.id, id);
    const names = await orgNames(req.db, tenant.id);
    const member = !!req.user && req.roles.length > 0;
    const ownOrg = member && can(req.principal, 'vacancy.viewResponses', { tenantId: v.tenant_id, organisationIds: [v.organisation_id] });
    let responses: { name: string; email: string | null; message: string; createdAt: Date }[] | null = null;
    if (ownOrg) {
      // Responders' names and e-mail addresses are personal data: staff need the second factor, and the view is audited.
      if (req.roles.some((r) => r === 'professional' || r === 'coordinator' || r === 'admin') && !req.user!.mfaVerified) {
        responses = null;
      } else {
        const rows = await listVacancyResponses(req.db, tenant.id, actorOf(req), id);
        const people = new Map((await listMembers(req.db, tenant.id)).map((m) => [m.userId, m]));
        responses = rows.map((r) => ({
          name: people.get(r.user_id)?.name ?? '?',
          email: people.get(r.user_id)?.email ?? null,
          message: r.message,
          createdAt: r.created_at,
        }));
        if (rows.length > 0) {
          await recordAudit(req.db, {
            ...auditFrom(req),
            action: 'view',
            entity: 'help_vacancy_responses',
            entityId: id,
            detail: { count: rows.length },
          });
        }
      }
    }
    return reply.page(
      <VacancyPage
        ctx={req.viewContext()}
        v={item(v, names)}
        canRespond={member && v.state === 'open' && !ownOrg}
        signedIn={!!req.user}
        responses={responses}
        canClose={ownOrg}
        notice={noticeOf(req.query)}
      />,
      {
        title: v.title,
        breadcrumbs: [...crumbs(req, tenant), { href: `/${tenant.slug}/hulp/vacatures`, label: req.t('helpmatch.vacancy.title') }],
      },
    );
  });

  route.post(
    '/:tenant/hulp/vacatures/:id/reageren',
    { policy: { roles: MEMBERS }, params, form: optionalMessageForm },
    async (req, reply) => {
      const { id } = req.params;
      await respondToVacancy(req.db, req.tenant.id, actorOf(req), id, req.body.message, app.clock.now());
      return reply.redirect(`/${req.tenant.slug}/hulp/vacatures/${id}?melding=vacature-gereageerd`, 303);
    },
  );

  route.post('/:tenant/hulp/vacatures/:id/sluiten', { policy: { roles: MEMBERS }, params, form: z.object({}) }, async (req, reply) => {
    const { id } = req.params;
    await closeVacancy(req.db, req.tenant.id, actorOf(req), id, app.clock.now());
    return reply.redirect(`/${req.tenant.slug}/hulp/vacatures?melding=vacature-gesloten`, 303);
  });
}

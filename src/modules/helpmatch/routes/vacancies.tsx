import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { Forbidden } from '../../../platform/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { listMembers, listOrganisations } from '../../people/people.service.ts';
import * as hm from '../helpmatch.service.ts';
import { optionalMessageForm, vacancyForm } from '../helpmatch.schemas.ts';
import { VacanciesPage, VacancyFormPage, VacancyPage, type VacancyItem } from '../views/vacancies.tsx';
import { actorOf, formErrorsOf, MEMBERS, noticeOf, organisationsOf } from './shared.ts';

/** Vacancies of organisations: list (public), post (organisation members), respond (volunteers), responses (organisation). */
export async function vacancyRoutes(app: FastifyInstance): Promise<void> {
  const crumbs = (req: FastifyRequest) => [{ href: `/${req.tenant!.slug}/hulp`, label: req.t('helpmatch.title') }];
  async function orgNames(tenantId: string) {
    return new Map((await listOrganisations(app.db, tenantId)).map((o) => [o.id, o.name]));
  }
  function item(v: hm.VacancyRow, names: Map<string, string>): VacancyItem {
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

  app.get('/:tenant/hulp/vacatures', { config: { policy: 'public' } }, async (req, reply) => {
    const names = await orgNames(req.tenant!.id);
    const vacancies = (await hm.listOpenVacancies(app.db, req.tenant!.id)).map((v) => item(v, names));
    const canCreate = !!req.user && (organisationsOf(req).length > 0 || req.roles.includes('coordinator'));
    return reply.page(<VacanciesPage ctx={req.viewContext()} vacancies={vacancies} canCreate={canCreate} notice={noticeOf(req.query)} />, {
      title: req.t('helpmatch.vacancy.title'),
      breadcrumbs: crumbs(req),
    });
  });

  async function formOrganisations(req: FastifyRequest) {
    const names = await orgNames(req.tenant!.id);
    const ids = hm.isCoordinator(actorOf(req)) ? [...names.keys()] : organisationsOf(req);
    return ids.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
  }

  app.get('/:tenant/hulp/vacatures/nieuw', { config: { policy: { roles: MEMBERS } } }, async (req, reply) => {
    const organisations = await formOrganisations(req);
    if (organisations.length === 0) throw Forbidden('helpmatch.vacancy.notMember');
    return reply.page(<VacancyFormPage ctx={req.viewContext()} organisations={organisations} values={{}} />, {
      title: req.t('helpmatch.vacancy.newTitle'),
      breadcrumbs: crumbs(req),
    });
  });

  app.post('/:tenant/hulp/vacatures/nieuw', { config: { policy: { roles: MEMBERS } } }, async (req, reply) => {
    const values = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>;
    const render = async (errors: Record<string, string>, status: number) =>
      reply.page(<VacancyFormPage ctx={req.viewContext()} organisations={await formOrganisations(req)} values={values} errors={errors} />, {
        title: req.t('helpmatch.vacancy.newTitle'),
        status,
      });
    const form = parseForm(vacancyForm, req.body, req.t);
    if (!form.ok) return render(form.errors, 422);
    try {
      const v = await hm.createVacancy(app.db, req.tenant!.id, actorOf(req), organisationsOf(req), form.data, app.clock.now());
      return reply.redirect(`/${req.tenant!.slug}/hulp/vacatures/${v.id}?melding=vacature-geplaatst`, 303);
    } catch (err) {
      const { status, errors } = formErrorsOf(err, req.t);
      return render(errors, status);
    }
  });

  app.get('/:tenant/hulp/vacatures/:id', { config: { policy: 'public' } }, async (req, reply) => {
    const tenant = req.tenant!;
    const { id } = req.params as { id: string };
    const v = await hm.getVacancy(app.db, tenant.id, id);
    const names = await orgNames(tenant.id);
    const member = !!req.user && req.roles.length > 0;
    const ownOrg = member && (organisationsOf(req).includes(v.organisation_id) || hm.isCoordinator(actorOf(req)));
    let responses: { name: string; email: string | null; message: string; createdAt: Date }[] | null = null;
    if (ownOrg) {
      // Responders' names and e-mail addresses are personal data: staff need the second factor, and the view is audited.
      if (req.roles.some((r) => r === 'professional' || r === 'coordinator' || r === 'admin') && !req.user!.mfaVerified) {
        responses = null;
      } else {
        const rows = await hm.listVacancyResponses(app.db, tenant.id, actorOf(req), organisationsOf(req), id);
        const people = new Map((await listMembers(app.db, tenant.id)).map((m) => [m.userId, m]));
        responses = rows.map((r) => ({
          name: people.get(r.user_id)?.name ?? '?',
          email: people.get(r.user_id)?.email ?? null,
          message: r.message,
          createdAt: r.created_at,
        }));
        if (rows.length > 0) {
          await recordAudit(app.db, {
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
        breadcrumbs: [...crumbs(req), { href: `/${tenant.slug}/hulp/vacatures`, label: req.t('helpmatch.vacancy.title') }],
      },
    );
  });

  app.post('/:tenant/hulp/vacatures/:id/reageren', { config: { policy: { roles: MEMBERS } } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const form = parseForm(optionalMessageForm, req.body, req.t);
    const message = form.ok ? form.data.message : '';
    await hm.respondToVacancy(app.db, req.tenant!.id, actorOf(req), id, message, app.clock.now());
    return reply.redirect(`/${req.tenant!.slug}/hulp/vacatures/${id}?melding=vacature-gereageerd`, 303);
  });

  app.post('/:tenant/hulp/vacatures/:id/sluiten', { config: { policy: { roles: MEMBERS } } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    await hm.closeVacancy(app.db, req.tenant!.id, actorOf(req), organisationsOf(req), id, app.clock.now());
    return reply.redirect(`/${req.tenant!.slug}/hulp/vacatures?melding=vacature-gesloten`, 303);
  });
}

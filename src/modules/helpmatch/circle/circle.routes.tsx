/**
 * Care circle pages under /{tenant}/hulp/kring. Every route checks that the signed-in user is a
 * member of the circle in this tenant (NotFound otherwise): there is no staff path into a circle.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { z } from 'zod';
import type { Policy } from '../../../platform/http/policy.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { listAreas } from '../../areas/areas.service.ts';
import * as circles from './circle.service.ts';
import { createCircleForm, dateParam, hoursForm, noticeOf, noticeQuery, taskForm, weekQuery } from './circle.schemas.ts';
import { uuidParam } from '../helpmatch.schemas.ts';
import { localDate } from '../../../platform/time.ts';
import { circleHoursTotal } from './ledger.ts';
import { CircleListPage, NewCirclePage } from './views/list.tsx';
import { CircleOverviewPage } from './views/overview.tsx';
import { SlotPage } from './views/slot.tsx';
import { actorOf, circlePath, crumbs } from './circle.http.ts';
import { circleTask, circleTurn, circleView } from './circle.presenter.ts';
import { singleValues } from '../helpmatch.http.ts';

const ANY_ROLE: Policy = { roles: ['resident', 'volunteer', 'professional', 'coordinator', 'admin'] };

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
interface FormState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  status?: number;
}

export async function circleRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const member = (req: TenantRequest, circleId: string) => circles.getCircle(req.db, req.tenant.id, circleId, actorOf(req));
  const circleParams = { id: uuidParam };
  const slotParams = { id: uuidParam, taskId: uuidParam, date: dateParam };

  async function renderOverview(
    req: TenantRequest,
    reply: FastifyReply,
    circle: circles.MemberCircle,
    query: { week?: string | undefined; melding?: string | undefined },
    extra: FormState = {},
  ) {
    const now = app.clock.now();
    const week = await circles.circleWeek(req.db, circle, actorOf(req), { week: query.week, now });
    const members = await circles.listCircleMembers(req.db, circle, actorOf(req));
    const hours = await circleHoursTotal(req.db, circle.tenant_id, circle.id);
    await circles.audit(req.db, circle.tenant_id, actorOf(req), 'view', 'helpmatch_circle', circle.id);
    return reply
      .header('cache-control', 'no-store')
      .page(
        <CircleOverviewPage
          ctx={req.viewContext()}
          circle={circleView(circle)}
          names={new Map(members.map((m) => [m.userId, m.name]))}
          week={week}
          hours={hours}
          notice={noticeOf(query)}
          {...extra}
        />,
        {
          title: req.t('helpmatch.circle.page.title', { name: circle.person_name }),
          breadcrumbs: crumbs(req, req.tenant),
          ...(extra.status ? { status: extra.status } : {}),
        },
      );
  }

  route.get('/:tenant/hulp/kring', { policy: 'signedIn', query: noticeQuery }, async (req, reply) => {
    const mine = await circles.listMyCircles(req.db, req.tenant.id, actorOf(req));
    return reply.page(
      <CircleListPage ctx={req.viewContext()} circles={mine} canCreate={req.roles.length > 0} notice={noticeOf(req.query)} />,
      {
        title: req.t('helpmatch.circle.title'),
        breadcrumbs: crumbs(req, req.tenant).slice(0, 1),
      },
    );
  });

  const areasOf = async (db: DbOrTrx, tenantId: string) =>
    (await listAreas(db, tenantId, { level: 'neighbourhood' }))
      .map((a) => ({ code: a.code, name: a.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  route.get('/:tenant/hulp/kring/nieuw', { policy: ANY_ROLE }, async (req, reply) => {
    return reply.page(<NewCirclePage ctx={req.viewContext()} areas={await areasOf(req.db, req.tenant.id)} />, {
      title: req.t('helpmatch.circle.new.title'),
      breadcrumbs: crumbs(req, req.tenant),
    });
  });

  route.post(
    '/:tenant/hulp/kring/nieuw',
    {
      policy: ANY_ROLE,
      form: createCircleForm,
      invalid: async (req, reply, errors, values, status) =>
        reply.page(
          <NewCirclePage
            ctx={req.viewContext()}
            areas={await areasOf(req.db, req.tenant.id)}
            values={singleValues(values)}
            errors={errors}
          />,
          { title: req.t('helpmatch.circle.new.title'), status, breadcrumbs: crumbs(req, req.tenant) },
        ),
    },
    async (req, reply) => {
      const id = await circles.createCircle(req.db, req.tenant.id, actorOf(req), {
        ...req.body,
        areaCode: req.body.areaCode || null,
        now: app.clock.now(),
      });
      return reply.redirect(`${circlePath(req.tenant, id)}/leden?melding=kring-gemaakt`, 303);
    },
  );

  route.get('/:tenant/hulp/kring/:id', { policy: 'signedIn', params: circleParams, query: weekQuery }, async (req, reply) =>
    renderOverview(req, reply, await member(req, req.params.id), req.query),
  );

  route.post(
    '/:tenant/hulp/kring/:id/taken',
    {
      policy: 'signedIn',
      params: circleParams,
      form: taskForm,
      invalid: async (req, reply, errors, values, status) =>
        renderOverview(req, reply, await member(req, req.params.id), {}, { values: singleValues(values), errors, status }),
    },
    async (req, reply) => {
      const circle = await member(req, req.params.id);
      await circles.addTask(req.db, circle, actorOf(req), { ...req.body, timeOfDay: req.body.timeOfDay || null, now: app.clock.now() });
      return reply.redirect(`${circlePath(req.tenant, circle.id)}?week=${req.body.startsOn}&melding=taak-toegevoegd`, 303);
    },
  );

  route.post(
    '/:tenant/hulp/kring/:id/taken/:taskId/stoppen',
    { policy: 'signedIn', params: { id: uuidParam, taskId: uuidParam }, form: z.object({}) },
    async (req, reply) => {
      const circle = await member(req, req.params.id);
      await circles.archiveTask(req.db, circle, actorOf(req), req.params.taskId, app.clock.now());
      return reply.redirect(`${circlePath(req.tenant, circle.id)}?melding=taak-gestopt`, 303);
    },
  );

  // --- one occurrence of a task (a turn) ---
  async function renderSlot(
    req: TenantRequest,
    reply: FastifyReply,
    circle: circles.MemberCircle,
    at: { taskId: string; date: string },
    extra: FormState = {},
  ) {
    const { taskId, date } = at;
    const slot = await circles.getSlot(req.db, circle, actorOf(req), taskId, date);
    const members = await circles.listCircleMembers(req.db, circle, actorOf(req));
    const takerName = slot.turn?.taken_by ? (members.find((m) => m.userId === slot.turn!.taken_by)?.name ?? null) : null;
    return reply
      .header('cache-control', 'no-store')
      .page(
        <SlotPage
          ctx={req.viewContext()}
          circleId={circle.id}
          task={circleTask(slot.task)}
          date={date}
          turn={slot.turn && circleTurn(slot.turn)}
          takerName={takerName}
          today={localDate(app.clock.now())}
          {...extra}
        />,
        {
          title: req.t('helpmatch.circle.slot.title', { task: slot.task.title, date }),
          breadcrumbs: crumbs(req, req.tenant, circle),
          ...(extra.status ? { status: extra.status } : {}),
        },
      );
  }

  route.get('/:tenant/hulp/kring/:id/beurten/:taskId/:date', { policy: 'signedIn', params: slotParams }, async (req, reply) =>
    renderSlot(req, reply, await member(req, req.params.id), req.params),
  );

  route.post(
    '/:tenant/hulp/kring/:id/beurten/:taskId/:date/oppakken',
    { policy: 'signedIn', params: slotParams, form: z.object({}) },
    async (req, reply) => {
      const circle = await member(req, req.params.id);
      const { taskId, date } = req.params;
      await circles.takeTurn(req.db, circle, actorOf(req), taskId, date, app.clock.now());
      return reply.redirect(`${circlePath(req.tenant, circle.id)}?week=${date}&melding=opgepakt`, 303);
    },
  );

  route.post(
    '/:tenant/hulp/kring/:id/beurten/:taskId/:date/teruggeven',
    { policy: 'signedIn', params: slotParams, form: z.object({}) },
    async (req, reply) => {
      const circle = await member(req, req.params.id);
      const { taskId, date } = req.params;
      await circles.releaseTurn(req.db, circle, actorOf(req), taskId, date);
      return reply.redirect(`${circlePath(req.tenant, circle.id)}?week=${date}&melding=teruggegeven`, 303);
    },
  );

  route.post(
    '/:tenant/hulp/kring/:id/beurten/:taskId/:date/gedaan',
    {
      policy: 'signedIn',
      params: slotParams,
      form: hoursForm,
      invalid: async (req, reply, errors, values, status) =>
        renderSlot(req, reply, await member(req, req.params.id), req.params, { values: singleValues(values), errors, status }),
    },
    async (req, reply) => {
      const circle = await member(req, req.params.id);
      const { taskId, date } = req.params;
      await circles.completeTurn(req.db, circle, actorOf(req), taskId, date, req.body.hours, app.clock.now());
      return reply.redirect(`${circlePath(req.tenant, circle.id)}?week=${date}&melding=gedaan`, 303);
    },
  );
}

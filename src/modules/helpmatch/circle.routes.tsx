/**
 * Care circle pages under /{tenant}/hulp/kring. Every route checks that the signed-in user is a
 * member of the circle in this tenant (NotFound otherwise): there is no staff path into a circle.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm } from '../../platform/http/forms.ts';
import type { Policy } from '../../platform/http/policy.ts';
import { listAreas } from '../areas/areas.service.ts';
import * as circles from './circle.service.ts';
import { createCircleForm, hoursForm, noticeOf, taskForm, weekOf } from './circle.schemas.ts';
import { localDate } from '../../platform/time.ts';
import { circleHoursTotal } from './ledger.ts';
import { CircleListPage, NewCirclePage } from './views/circle/list.tsx';
import { CircleOverviewPage } from './views/circle/overview.tsx';
import { SlotPage } from './views/circle/slot.tsx';
import { circleMemberRoutes } from './circle.members.routes.tsx';
import { actorOf, circlePath, crumbs, formErrors, stringFields } from './circle.http.ts';

const ANY_ROLE: Policy = { roles: ['resident', 'volunteer', 'professional', 'coordinator', 'admin'] };

export async function circleRoutes(app: FastifyInstance): Promise<void> {
  const member = (req: FastifyRequest) => circles.getCircle(app.db, req.tenant!.id, (req.params as { id: string }).id, req.user!.id);

  async function renderOverview(
    req: FastifyRequest,
    reply: FastifyReply,
    circle: circles.MemberCircle,
    extra: { values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
  ) {
    const now = app.clock.now();
    const week = await circles.circleWeek(app.db, circle, { week: weekOf(req.query), now });
    const members = await circles.listCircleMembers(app.db, circle);
    const hours = await circleHoursTotal(app.db, circle.tenant_id, circle.id);
    await circles.audit(app.db, circle.tenant_id, actorOf(req), 'view', 'helpmatch_circle', circle.id);
    return reply
      .header('cache-control', 'no-store')
      .page(
        <CircleOverviewPage
          ctx={req.viewContext()}
          circle={circle}
          names={new Map(members.map((m) => [m.userId, m.name]))}
          week={week}
          hours={hours}
          notice={noticeOf(req.query)}
          {...extra}
        />,
        {
          title: req.t('helpmatch.circle.page.title', { name: circle.person_name }),
          breadcrumbs: crumbs(req),
          ...(extra.status ? { status: extra.status } : {}),
        },
      );
  }

  app.get('/:tenant/hulp/kring', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const mine = await circles.listMyCircles(app.db, req.tenant!.id, req.user!.id);
    return reply.page(
      <CircleListPage ctx={req.viewContext()} circles={mine} canCreate={req.roles.length > 0} notice={noticeOf(req.query)} />,
      {
        title: req.t('helpmatch.circle.title'),
        breadcrumbs: crumbs(req).slice(0, 1),
      },
    );
  });

  const areasOf = async (tenantId: string) =>
    (await listAreas(app.db, tenantId, { level: 'neighbourhood' }))
      .map((a) => ({ code: a.code, name: a.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  app.get('/:tenant/hulp/kring/nieuw', { config: { policy: ANY_ROLE } }, async (req, reply) => {
    return reply.page(<NewCirclePage ctx={req.viewContext()} areas={await areasOf(req.tenant!.id)} />, {
      title: req.t('helpmatch.circle.new.title'),
      breadcrumbs: crumbs(req),
    });
  });

  app.post('/:tenant/hulp/kring/nieuw', { config: { policy: ANY_ROLE } }, async (req, reply) => {
    const title = req.t('helpmatch.circle.new.title');
    const form = parseForm(createCircleForm, req.body, req.t);
    const again = async (errors: Record<string, string>, status: number) =>
      reply.page(
        <NewCirclePage ctx={req.viewContext()} areas={await areasOf(req.tenant!.id)} values={stringFields(req.body)} errors={errors} />,
        { title, status, breadcrumbs: crumbs(req) },
      );
    if (!form.ok) return again(form.errors, 422);
    try {
      const id = await circles.createCircle(app.db, req.tenant!.id, actorOf(req), {
        ...form.data,
        areaCode: form.data.areaCode || null,
        now: app.clock.now(),
      });
      return reply.redirect(`${circlePath(req, id)}/leden?melding=kring-gemaakt`, 303);
    } catch (err) {
      const { status, errors } = formErrors(err, req.t);
      return again(errors, status);
    }
  });

  app.get('/:tenant/hulp/kring/:id', { config: { policy: 'signedIn' } }, async (req, reply) =>
    renderOverview(req, reply, await member(req)),
  );

  app.post('/:tenant/hulp/kring/:id/taken', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const circle = await member(req);
    const form = parseForm(taskForm, req.body, req.t);
    if (!form.ok) return renderOverview(req, reply, circle, { values: stringFields(req.body), errors: form.errors, status: 422 });
    try {
      await circles.addTask(app.db, circle, actorOf(req), { ...form.data, timeOfDay: form.data.timeOfDay || null, now: app.clock.now() });
    } catch (err) {
      const { status, errors } = formErrors(err, req.t);
      return renderOverview(req, reply, circle, { values: stringFields(req.body), errors, status });
    }
    return reply.redirect(`${circlePath(req, circle.id)}?week=${form.data.startsOn}&melding=taak-toegevoegd`, 303);
  });

  app.post('/:tenant/hulp/kring/:id/taken/:taskId/stoppen', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const circle = await member(req);
    await circles.archiveTask(app.db, circle, actorOf(req), (req.params as { taskId: string }).taskId, app.clock.now());
    return reply.redirect(`${circlePath(req, circle.id)}?melding=taak-gestopt`, 303);
  });

  // --- one occurrence of a task (a turn) ---
  type SlotParams = { id: string; taskId: string; date: string };

  async function renderSlot(
    req: FastifyRequest,
    reply: FastifyReply,
    circle: circles.MemberCircle,
    extra: { values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
  ) {
    const { taskId, date } = req.params as SlotParams;
    const slot = await circles.getSlot(app.db, circle, taskId, date);
    const members = await circles.listCircleMembers(app.db, circle);
    const takerName = slot.turn?.taken_by ? (members.find((m) => m.userId === slot.turn!.taken_by)?.name ?? null) : null;
    return reply
      .header('cache-control', 'no-store')
      .page(
        <SlotPage
          ctx={req.viewContext()}
          circleId={circle.id}
          task={slot.task}
          date={date}
          turn={slot.turn}
          takerName={takerName}
          today={localDate(app.clock.now())}
          {...extra}
        />,
        {
          title: req.t('helpmatch.circle.slot.title', { task: slot.task.title, date }),
          breadcrumbs: crumbs(req, circle),
          ...(extra.status ? { status: extra.status } : {}),
        },
      );
  }

  app.get('/:tenant/hulp/kring/:id/beurten/:taskId/:date', { config: { policy: 'signedIn' } }, async (req, reply) =>
    renderSlot(req, reply, await member(req)),
  );

  app.post('/:tenant/hulp/kring/:id/beurten/:taskId/:date/oppakken', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const circle = await member(req);
    const { taskId, date } = req.params as SlotParams;
    await circles.takeTurn(app.db, circle, actorOf(req), taskId, date, app.clock.now());
    return reply.redirect(`${circlePath(req, circle.id)}?week=${date}&melding=opgepakt`, 303);
  });

  app.post('/:tenant/hulp/kring/:id/beurten/:taskId/:date/teruggeven', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const circle = await member(req);
    const { taskId, date } = req.params as SlotParams;
    await circles.releaseTurn(app.db, circle, actorOf(req), taskId, date);
    return reply.redirect(`${circlePath(req, circle.id)}?week=${date}&melding=teruggegeven`, 303);
  });

  app.post('/:tenant/hulp/kring/:id/beurten/:taskId/:date/gedaan', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const circle = await member(req);
    const { taskId, date } = req.params as SlotParams;
    const form = parseForm(hoursForm, req.body, req.t);
    if (!form.ok) return renderSlot(req, reply, circle, { values: stringFields(req.body), errors: form.errors, status: 422 });
    try {
      await circles.completeTurn(app.db, circle, actorOf(req), taskId, date, form.data.hours, app.clock.now());
    } catch (err) {
      const { status, errors } = formErrors(err, req.t);
      return renderSlot(req, reply, circle, { values: stringFields(req.body), errors, status });
    }
    return reply.redirect(`${circlePath(req, circle.id)}?week=${date}&melding=gedaan`, 303);
  });

  await circleMemberRoutes(app);
}

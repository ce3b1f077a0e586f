/**
 * The intervention library: `/{tenant}/wat-werkt` (search), `/{tenant}/wat-werkt/{slug}` (one card),
 * `/{tenant}/wat-werkt.json` and `/{tenant}/wat-werkt/{slug}.json` (the exchange format, published
 * cards only), and for coordinators `/{tenant}/beheer/wat-werkt/…` (new, edit, publish, import).
 * Everything works without JavaScript.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { SUBJECTS } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { can, RULES, type EvaluationAction } from '../policies.ts';
import { interventionFromEvaluation } from './library.from-evaluation.ts';
import type { Municipality } from './library.exchange.ts';
import { cardView, formField, formToInput, inputToForm, interventionToInput, type FormValues } from './library.presenter.ts';
import { LIMITS, SLUG, searchQuery } from './library.schemas.ts';
import {
  createIntervention,
  exportInterventions,
  getIntervention,
  importInterventions,
  listInterventions,
  publishIntervention,
  searchInterventions,
  updateIntervention,
} from './library.service.ts';
import { CardForm } from './views/card-form.tsx';
import { CardPage } from './views/card-page.tsx';
import { ImportPage, type ImportOutcome } from './views/import-page.tsx';
import { LibraryPage } from './views/library-page.tsx';

const rolesFor = (action: EvaluationAction) => ({
  roles: SUBJECTS.filter((s): s is Role => s !== 'anyone' && s !== 'signedIn' && RULES[action][s] !== undefined),
});
const MANAGE = rolesFor('intervention.manage');
const IMPORT = rolesFor('intervention.import');
const slugParam = { slug: z.string().regex(SLUG) };
const cardParam = { card: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}(\.json)?$/) };
const anyForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const cardQuery = z.object({ klaar: z.enum(['bewaard', 'gepubliceerd', 'teruggezet']).optional().catch(undefined) });
const newQuery = z.object({ evaluatie: z.string().trim().max(40).optional() });
const importForm = z.object({ json: z.string().max(LIMITS.fileBytes).optional() });
const UPLOAD = {
  fileField: 'file',
  maxFiles: 1,
  maxFileBytes: LIMITS.fileBytes,
  maxFields: 5,
  maxFieldBytes: LIMITS.fileBytes,
  rejectTooLarge: true,
};
const NOTICE: Record<string, MessageKey> = {
  bewaard: 'evaluation.library.card.saved',
  gepubliceerd: 'evaluation.library.card.published',
  teruggezet: 'evaluation.library.card.unpublished',
};

type TenantRequest = FastifyRequest & { tenant: RequestTenant };

const municipalityOf = (tenant: RequestTenant): Municipality => ({ code: /^GM\d{4}$/.test(tenant.id) ? tenant.id : '', name: tenant.name });
const libraryCrumb = (req: TenantRequest) => [{ href: `/${req.tenant.slug}/wat-werkt`, label: req.t('evaluation.library.title') }];

export async function libraryRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const json = (reply: FastifyReply, body: unknown, fileName: string) =>
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(`${JSON.stringify(body, null, 2)}\n`);

  route.get('/:tenant/wat-werkt', { policy: 'public', query: searchQuery }, async (req, reply) => {
    const all = await listInterventions(req.db, req.principal, req.tenant.id);
    const found = searchInterventions(all, req.query);
    const groups = [...new Set(all.flatMap((c) => c.targetGroups))].sort((a, b) => a.localeCompare(b, 'nl'));
    const model = {
      cards: found.map((c) => cardView(c, req.t, req.locale, req.tenant.name)),
      query: req.query,
      targetGroups: groups,
      canManage: can(req.principal, 'intervention.manage'),
      canImport: can(req.principal, 'intervention.import'),
    };
    return reply.page(<LibraryPage ctx={req.viewContext()} model={model} />, { title: req.t('evaluation.library.title') });
  });

  route.get('/:tenant/wat-werkt.json', { policy: 'public' }, async (req, reply) => {
    const file = await exportInterventions(req.db, req.principal, req.tenant.id, {
      installation: app.config.baseUrl,
      municipality: municipalityOf(req.tenant),
      now: app.clock.now(),
    });
    return json(reply, file, `wat-werkt-${req.tenant.slug}.json`);
  });

  route.get('/:tenant/wat-werkt/:card', { policy: 'public', params: cardParam, query: cardQuery }, async (req, reply) => {
    if (req.params.card.endsWith('.json')) {
      const slug = req.params.card.slice(0, -'.json'.length);
      const file = await exportInterventions(req.db, req.principal, req.tenant.id, {
        installation: app.config.baseUrl,
        municipality: municipalityOf(req.tenant),
        now: app.clock.now(),
        slug,
      });
      return json(reply, file, `wat-werkt-${req.tenant.slug}-${slug}.json`);
    }
    const card = await getIntervention(req.db, req.principal, req.tenant.id, req.params.card);
    const view = cardView(card, req.t, req.locale, req.tenant.name);
    const notice = req.query.klaar ? NOTICE[req.query.klaar] : null;
    return reply.page(
      <CardPage ctx={req.viewContext()} card={view} canManage={can(req.principal, 'intervention.manage')} notice={notice ?? null} />,
      { title: view.title, breadcrumbs: libraryCrumb(req) },
    );
  });

  const renderForm = async (
    req: TenantRequest,
    reply: FastifyReply,
    opts: { slug?: string; values: FormValues; errors: Record<string, string>; status: number; intro?: string | null },
  ) => {
    const heading = opts.slug
      ? req.t('evaluation.library.form.editTitle', {
          title: (await getIntervention(req.db, req.principal, req.tenant.id, opts.slug)).titleNl,
        })
      : req.t('evaluation.library.form.newTitle');
    const action = opts.slug ? `/${req.tenant.slug}/beheer/wat-werkt/${opts.slug}/bewerken` : `/${req.tenant.slug}/beheer/wat-werkt/nieuw`;
    const reference = typeof opts.values.evaluatie === 'string' ? opts.values.evaluatie : '';
    const intro = opts.intro ?? (reference ? req.t('evaluation.library.form.fromEvaluation', { reference }) : null);
    const errors = Object.fromEntries(Object.entries(opts.errors).map(([k, v]) => [formField(k), v]));
    return reply.page(
      <CardForm ctx={req.viewContext()} action={action} heading={heading} intro={intro} values={opts.values} errors={errors} />,
      { title: heading, status: opts.status, breadcrumbs: libraryCrumb(req) },
    );
  };

  route.get('/:tenant/beheer/wat-werkt/nieuw', { policy: MANAGE, query: newQuery }, async (req, reply) => {
    if (!req.query.evaluatie) return renderForm(req, reply, { values: {}, errors: {}, status: 200 });
    const prefill = await interventionFromEvaluation(req.db, req.principal, req.tenant.id, req.query.evaluatie);
    return renderForm(req, reply, { values: { ...inputToForm(prefill.input), evaluatie: prefill.reference }, errors: {}, status: 200 });
  });

  route.post(
    '/:tenant/beheer/wat-werkt/nieuw',
    { policy: MANAGE, form: anyForm, invalid: (req, reply, errors, values, status) => renderForm(req, reply, { values, errors, status }) },
    async (req, reply) => {
      const reference = typeof req.body.evaluatie === 'string' ? req.body.evaluatie.trim() : '';
      const from = reference ? await interventionFromEvaluation(req.db, req.principal, req.tenant.id, reference) : null;
      const slug = await createIntervention(req.db, req.principal, req.tenant.id, formToInput(req.body), {
        ...(from ? { evaluationId: from.evaluationId, evaluationReference: from.reference } : {}),
      });
      return reply.redirect(`/${req.tenant.slug}/wat-werkt/${slug}?klaar=bewaard`, 303);
    },
  );

  route.get('/:tenant/beheer/wat-werkt/:slug/bewerken', { policy: MANAGE, params: slugParam }, async (req, reply) => {
    const card = await getIntervention(req.db, req.principal, req.tenant.id, req.params.slug);
    return renderForm(req, reply, { slug: card.slug, values: inputToForm(interventionToInput(card)), errors: {}, status: 200 });
  });

  route.post(
    '/:tenant/beheer/wat-werkt/:slug/bewerken',
    {
      policy: MANAGE,
      params: slugParam,
      form: anyForm,
      invalid: (req, reply, errors, values, status) => renderForm(req, reply, { slug: req.params.slug, values, errors, status }),
    },
    async (req, reply) => {
      const slug = await updateIntervention(req.db, req.principal, req.tenant.id, req.params.slug, formToInput(req.body));
      return reply.redirect(`/${req.tenant.slug}/wat-werkt/${slug}?klaar=bewaard`, 303);
    },
  );

  route.post(
    '/:tenant/beheer/wat-werkt/:slug/publiceren',
    { policy: MANAGE, params: slugParam, form: z.object({ published: z.enum(['0', '1']) }) },
    async (req, reply) => {
      const published = req.body.published === '1';
      await publishIntervention(req.db, req.principal, req.tenant.id, req.params.slug, published);
      return reply.redirect(`/${req.tenant.slug}/wat-werkt/${req.params.slug}?klaar=${published ? 'gepubliceerd' : 'teruggezet'}`, 303);
    },
  );

  const importPage = (
    req: TenantRequest,
    reply: FastifyReply,
    status: number,
    props: { errors?: Record<string, string>; outcome?: ImportOutcome; pasted?: string } = {},
  ) =>
    reply.page(<ImportPage ctx={req.viewContext()} {...props} />, {
      title: req.t('evaluation.library.import.title'),
      status,
      breadcrumbs: libraryCrumb(req),
    });

  route.get('/:tenant/beheer/wat-werkt/import', { policy: IMPORT }, async (req, reply) => importPage(req, reply, 200));

  route.post(
    '/:tenant/beheer/wat-werkt/import',
    {
      policy: IMPORT,
      multipart: UPLOAD,
      form: importForm,
      invalid: (req, reply, errors, values, status) => importPage(req, reply, status, { errors, pasted: String(values.json ?? '') }),
    },
    async (req, reply) => {
      const file = req.upload?.files[0];
      const pasted = req.body.json?.trim() ?? '';
      const text = file && file.data.length > 0 ? file.data.toString('utf8') : pasted;
      if (!text) throw Invalid({ file: 'evaluation.library.import.noInput' });
      const report = await importInterventions(req.db, req.principal, req.tenant.id, text);
      const imported = report.ok
        ? (await listInterventions(req.db, req.principal, req.tenant.id))
            .filter((c) => report.imported.includes(c.slug))
            .map((c) => ({ slug: c.slug, title: c.titleNl }))
        : [];
      return importPage(req, reply, report.ok ? 200 : 422, {
        outcome: { ok: report.ok, imported, problems: report.problems },
        pasted: report.ok ? '' : pasted,
      });
    },
  );
}

import './merge.messages.ts';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { auditFrom, recordAudit } from '../../platform/audit/audit.service.ts';
import { listOrganisations } from '../people/people.service.ts';
import { accessTo, viewerOf } from './access.ts';
import { listCategories } from './categories.service.ts';
import { checkMerge, followerCount, mergeCandidatesFor, mergeSignals, routedOrganisation, splitSignal } from './merge.service.ts';
import { getSignal, type SignalRow } from './signals.service.ts';
import { MergeChoosePage, MergeConfirmPage, SplitPage, type MergeSide, type SplitValues } from './views/merge.tsx';
import { isUuid, UUID_RE } from '../../platform/ids.ts';

const COORDINATOR = { roles: ['coordinator'], personalData: true } as const;
const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;
const SIG = /^SIG-\d{4}-\d{6}$/;

const mergeSchema = z.object({
  met: z.string().trim().toUpperCase().regex(SIG, 'signals.merge.error.format'),
  hoofd: z.string().trim().toUpperCase().regex(SIG, 'form.invalidValue'),
  note: z.string().max(2000, 'signals.error.tooLong').optional().default(''),
});
const splitSchema = z.object({
  submissionId: z.string().regex(UUID_RE, 'form.invalidValue'),
  categoryId: z.string().regex(UUID_RE, 'signals.error.category'),
  organisationId: z
    .union([z.literal(''), z.string().regex(UUID_RE, 'form.invalidValue')])
    .optional()
    .default(''),
  description: z.string().trim().min(1, 'signals.error.descriptionRequired').max(5000, 'signals.error.descriptionTooLong'),
});

/** Merging duplicates (coordinators) and splitting off a part (coordinators and the routed organisation). */
export async function mergeRoutes(app: FastifyInstance): Promise<void> {
  const links = (req: FastifyRequest) => ({ baseUrl: app.config.baseUrl, tenantSlug: req.tenant!.slug });
  const handlePath = (req: FastifyRequest, publicId: string) => `/${req.tenant!.slug}/meldingen/behandelen/${publicId}`;

  const load = async (req: FastifyRequest) => {
    const { publicId } = req.params as { publicId: string };
    if (!SIG.test(publicId)) throw NotFound('signals.error.notFound');
    const signal = await getSignal(app.db, req.tenant!.id, publicId);
    const viewer = viewerOf(req);
    const access = await accessTo(app.db, viewer, signal);
    return { signal, viewer, access };
  };

  const side = async (
    req: FastifyRequest,
    signal: SignalRow,
    orgNames: Map<string, string>,
    categories: Awaited<ReturnType<typeof listCategories>>,
  ): Promise<MergeSide> => ({
    signal,
    category: categories.find((c) => c.id === signal.category_id),
    organisation: (signal.organisation_id && orgNames.get(signal.organisation_id)) || '—',
    followers: await followerCount(app.db, req.tenant!.id, signal.id),
  });

  app.get('/:tenant/meldingen/behandelen/:publicId/samenvoegen', { config: { policy: COORDINATOR } }, async (req, reply) => {
    const { signal, access } = await load(req);
    if (!access.canReassign) throw Forbidden();
    const tenantId = req.tenant!.id;
    const title = req.t('signals.merge.title', { id: signal.public_id });
    const breadcrumbs = [
      { href: `/${req.tenant!.slug}/meldingen/behandelen`, label: req.t('signals.handle.title') },
      { href: handlePath(req, signal.public_id), label: signal.public_id },
    ];
    const { met } = (req.query ?? {}) as { met?: unknown };
    const choose = async (other: string, error?: string, status = 200) => {
      const candidates = await mergeCandidatesFor(app.db, signal, app.clock.now());
      return reply.page(
        <MergeChoosePage
          ctx={req.viewContext()}
          slug={req.tenant!.slug}
          signal={signal}
          candidates={candidates}
          other={other}
          {...(error ? { errors: { met: error } } : {})}
        />,
        { title, breadcrumbs, status },
      );
    };
    if (typeof met !== 'string' || met.trim() === '') return choose('');
    const wanted = met.trim().toUpperCase().slice(0, 20);
    if (!SIG.test(wanted)) return choose(wanted, req.t('signals.merge.error.format'), 422);
    let other: SignalRow;
    try {
      other = await getSignal(app.db, tenantId, wanted);
      await checkMerge(app.db, signal, other);
    } catch (e) {
      if (e instanceof AppError && e.status < 500) return choose(wanted, req.t(e.message, e.vars), e.status);
      throw e;
    }
    const [categories, organisations] = await Promise.all([listCategories(app.db, tenantId), listOrganisations(app.db, tenantId)]);
    const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
    for (const s of [signal, other]) {
      await recordAudit(app.db, {
        ...auditFrom(req),
        action: 'view',
        entity: 'signal',
        entityId: s.id,
        detail: { reporterDetails: true, merge: true },
      });
    }
    const keep = other.created_at.getTime() <= signal.created_at.getTime() ? other.public_id : signal.public_id;
    return reply.page(
      <MergeConfirmPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        current={await side(req, signal, orgNames, categories)}
        other={await side(req, other, orgNames, categories)}
        keep={keep}
      />,
      {
        title: req.t('signals.merge.confirmTitle'),
        breadcrumbs,
      },
    );
  });

  app.post('/:tenant/meldingen/behandelen/:publicId/samenvoegen', { config: { policy: COORDINATOR } }, async (req, reply) => {
    const { signal, access } = await load(req);
    if (!access.canReassign) throw Forbidden();
    const parsed = parseForm(mergeSchema, req.body, req.t);
    if (!parsed.ok) throw Invalid(parsed.errors);
    const other = await getSignal(app.db, req.tenant!.id, parsed.data.met);
    if (parsed.data.hoofd !== signal.public_id && parsed.data.hoofd !== other.public_id) throw Invalid({ hoofd: 'form.invalidValue' });
    const [main, duplicate] = parsed.data.hoofd === signal.public_id ? [signal, other] : [other, signal];
    await mergeSignals(app.db, {
      tenantId: req.tenant!.id,
      duplicateId: duplicate.id,
      mainId: main.id,
      note: parsed.data.note,
      actorUserId: req.user!.id,
      ip: auditFrom(req).ip,
      locale: req.locale,
      links: links(req),
      now: app.clock.now(),
    });
    return reply.redirect(handlePath(req, main.public_id), 303);
  });

  const splitPage = async (req: FastifyRequest, signal: SignalRow, values: SplitValues, errors?: Record<string, string>) => {
    const tenantId = req.tenant!.id;
    const [categories, organisations] = await Promise.all([
      listCategories(app.db, tenantId, { activeOnly: true }),
      listOrganisations(app.db, tenantId),
    ]);
    const routedId = await routedOrganisation(app.db, signal, values.categoryId);
    const sensitive = (await listCategories(app.db, tenantId)).find((c) => c.id === signal.category_id)?.sensitive ?? false;
    return (
      <SplitPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        signal={signal}
        sensitive={sensitive}
        categories={categories}
        organisations={organisations}
        routedName={organisations.find((o) => o.id === routedId)?.name ?? null}
        values={values}
        {...(errors ? { errors } : {})}
      />
    );
  };
  const splitOpts = (req: FastifyRequest, signal: SignalRow, status = 200) => ({
    title: req.t('signals.merge.split.title', { id: signal.public_id }),
    breadcrumbs: [
      { href: `/${req.tenant!.slug}/meldingen/behandelen`, label: req.t('signals.handle.title') },
      { href: handlePath(req, signal.public_id), label: signal.public_id },
    ],
    status,
  });

  app.get('/:tenant/meldingen/behandelen/:publicId/afsplitsen', { config: { policy: STAFF } }, async (req, reply) => {
    const { signal, access } = await load(req);
    if (!access.canHandle) throw Forbidden();
    const values: SplitValues = {
      categoryId: signal.category_id,
      organisationId: '',
      description: signal.description,
      submissionId: randomUUID(),
    };
    return reply.page(await splitPage(req, signal, values), splitOpts(req, signal));
  });

  app.post('/:tenant/meldingen/behandelen/:publicId/afsplitsen', { config: { policy: STAFF } }, async (req, reply) => {
    const { signal, viewer, access } = await load(req);
    if (!access.canHandle) throw Forbidden();
    const body = (req.body ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const values: SplitValues = {
      categoryId: str('categoryId'),
      organisationId: str('organisationId'),
      description: str('description').slice(0, 6000),
      submissionId: isUuid(str('submissionId')) ? str('submissionId') : randomUUID(),
    };
    const parsed = parseForm(splitSchema, req.body, req.t);
    if (!parsed.ok) return reply.page(await splitPage(req, signal, values, parsed.errors), splitOpts(req, signal, 422));
    try {
      const { child } = await splitSignal(app.db, {
        tenantId: req.tenant!.id,
        originalId: signal.id,
        categoryId: parsed.data.categoryId,
        organisationId: parsed.data.organisationId || null,
        description: parsed.data.description,
        submissionId: parsed.data.submissionId,
        actorUserId: req.user!.id,
        ip: auditFrom(req).ip,
        locale: req.locale,
        links: links(req),
        now: app.clock.now(),
      });
      const seesChild = viewer.all || (!!child.organisation_id && viewer.organisations.includes(child.organisation_id));
      return reply.redirect(handlePath(req, seesChild ? child.public_id : signal.public_id), 303);
    } catch (e) {
      if (e instanceof AppError && e.status === 422 && e.fields) {
        const errors = Object.fromEntries(
          Object.entries(e.fields).map(([k, v]) => [
            k === 'description' ? k : k.startsWith('answer_') || k === 'email' ? 'categoryId' : k,
            req.t(v),
          ]),
        );
        return reply.page(await splitPage(req, signal, values, errors), splitOpts(req, signal, 422));
      }
      if (e instanceof AppError && e.status === 404 && e.message !== 'signals.error.notFound') {
        return reply.page(
          await splitPage(req, signal, values, { organisationId: req.t('form.invalidValue') }),
          splitOpts(req, signal, 422),
        );
      }
      throw e;
    }
  });
}

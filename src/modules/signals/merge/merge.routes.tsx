import './merge.messages.ts';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, Forbidden, Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { listOrganisations } from '../../people/people.service.ts';
import { listCategories } from '../config/categories.service.ts';
import { MAX_NUMBER_INPUT, mergeForm, mergeQuery, splitForm } from './merge.schemas.ts';
import { checkMerge, followerCount, mergeCandidatesFor, mergeSignals, routedOrganisation, splitSignal } from './merge.service.ts';
import { getSignal, openSignal } from '../signals.service.ts';
import type { SignalRow } from '../signals.store.ts';
import { can, signalFacts } from '../policies.ts';
import { signalDetail } from '../signals.presenter.ts';
import { PUBLIC_ID_RE, publicIdParam } from '../signals.schemas.ts';
import { MergeChoosePage, MergeConfirmPage, SplitPage, type SplitValues } from './views/merge.tsx';
import { candidateLine, categoryChoice, mergeSide, type MergeSide } from './merge.presenter.ts';
import { isUuid } from '../../../platform/ids.ts';

const COORDINATOR = { roles: ['coordinator'], personalData: true } as const;
const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;

type TenantRequest = FastifyRequest & { tenant: RequestTenant };

/** Merging duplicates (coordinators) and splitting off a part (coordinators and the routed organisation). */
export async function mergeRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const links = (tenant: RequestTenant) => ({ baseUrl: app.config.baseUrl, tenantSlug: tenant.slug });
  const handlePath = (tenant: RequestTenant, publicId: string) => `/${tenant.slug}/meldingen/behandelen/${publicId}`;

  /** The signal as the principal may see it (404 when unknown or not visible) and what they may do with it. */
  const load = (req: TenantRequest, publicId: string) => openSignal(req.db, req.principal, req.tenant.id, publicId);

  const side = async (
    req: TenantRequest,
    signal: SignalRow,
    orgNames: Map<string, string>,
    categories: Awaited<ReturnType<typeof listCategories>>,
  ): Promise<MergeSide> => mergeSide(signal, categories, orgNames, await followerCount(req.db, req.principal, signal));

  route.get(
    '/:tenant/meldingen/behandelen/:publicId/samenvoegen',
    { policy: COORDINATOR, params: publicIdParam, query: mergeQuery },
    async (req, reply) => {
      const { signal, access } = await load(req, req.params.publicId);
      if (!access.canReassign) throw Forbidden();
      const tenant = req.tenant;
      const title = req.t('signals.merge.title', { id: signal.public_id });
      const breadcrumbs = [
        { href: `/${tenant.slug}/meldingen/behandelen`, label: req.t('signals.handle.title') },
        { href: handlePath(tenant, signal.public_id), label: signal.public_id },
      ];
      const { met } = req.query;
      const choose = async (other: string, error?: string, status = 200) => {
        const candidates = (await mergeCandidatesFor(req.db, req.principal, signal, app.clock.now())).map(candidateLine);
        return reply.page(
          <MergeChoosePage
            ctx={req.viewContext()}
            slug={tenant.slug}
            signal={signalDetail(signal)}
            candidates={candidates}
            other={other}
            {...(error ? { errors: { met: error } } : {})}
          />,
          { title, breadcrumbs, status },
        );
      };
      if (met === undefined || met.trim() === '') return choose('');
      const wanted = met.trim().toUpperCase().slice(0, MAX_NUMBER_INPUT);
      if (!PUBLIC_ID_RE.test(wanted)) return choose(wanted, req.t('signals.merge.error.format'), 422);
      let other: SignalRow;
      try {
        other = await getSignal(req.db, req.principal, tenant.id, wanted);
        await checkMerge(req.db, signal, other);
      } catch (e) {
        if (e instanceof AppError && e.status < 500) return choose(wanted, req.t(e.message, e.vars), e.status);
        throw e;
      }
      const [categories, organisations] = await Promise.all([listCategories(req.db, tenant.id), listOrganisations(req.db, tenant.id)]);
      const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
      for (const s of [signal, other]) {
        await recordAudit(req.db, {
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
          slug={tenant.slug}
          current={await side(req, signal, orgNames, categories)}
          other={await side(req, other, orgNames, categories)}
          keep={keep}
        />,
        {
          title: req.t('signals.merge.confirmTitle'),
          breadcrumbs,
        },
      );
    },
  );

  route.post(
    '/:tenant/meldingen/behandelen/:publicId/samenvoegen',
    {
      policy: COORDINATOR,
      params: publicIdParam,
      form: mergeForm,
      // Bad input on a signal the viewer may not see or merge is a 404 or 403, as good input is.
      invalid: async (req, _reply, _errors, _values, _status, failure) => {
        const { access } = await load(req, req.params.publicId);
        if (!access.canReassign) throw Forbidden();
        throw new AppError(422, 'invalid', 'error.invalid', failure.fields, failure.vars);
      },
    },
    async (req, reply) => {
      const { signal, access } = await load(req, req.params.publicId);
      if (!access.canReassign) throw Forbidden();
      const { met, hoofd, note } = req.body;
      const other = await getSignal(req.db, req.principal, req.tenant.id, met);
      if (hoofd !== signal.public_id && hoofd !== other.public_id) throw Invalid({ hoofd: 'form.invalidValue' });
      const [main, duplicate] = hoofd === signal.public_id ? [signal, other] : [other, signal];
      await mergeSignals(req.db, {
        tenantId: req.tenant.id,
        duplicateId: duplicate.id,
        mainId: main.id,
        note,
        principal: req.principal,
        ip: auditFrom(req).ip,
        locale: req.locale,
        links: links(req.tenant),
        now: app.clock.now(),
      });
      return reply.redirect(handlePath(req.tenant, main.public_id), 303);
    },
  );

  const splitPage = async (req: TenantRequest, signal: SignalRow, values: SplitValues, errors?: Record<string, string>) => {
    const tenantId = req.tenant.id;
    const [categories, organisations] = await Promise.all([
      listCategories(req.db, tenantId, { activeOnly: true }),
      listOrganisations(req.db, tenantId),
    ]);
    const routedId = await routedOrganisation(req.db, req.principal, signal, values.categoryId);
    const sensitive = (await listCategories(req.db, tenantId)).find((c) => c.id === signal.category_id)?.sensitive ?? false;
    return (
      <SplitPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        signal={signalDetail(signal)}
        sensitive={sensitive}
        categories={categories.map(categoryChoice)}
        organisations={organisations}
        routedName={organisations.find((o) => o.id === routedId)?.name ?? null}
        values={values}
        {...(errors ? { errors } : {})}
      />
    );
  };
  const splitOpts = (req: TenantRequest, signal: SignalRow, status = 200) => ({
    title: req.t('signals.merge.split.title', { id: signal.public_id }),
    breadcrumbs: [
      { href: `/${req.tenant.slug}/meldingen/behandelen`, label: req.t('signals.handle.title') },
      { href: handlePath(req.tenant, signal.public_id), label: signal.public_id },
    ],
    status,
  });
  /** The signal for the split pages: 404 when not visible, 403 when the viewer may not handle it. */
  const loadForSplit = async (req: TenantRequest, publicId: string) => {
    const loaded = await load(req, publicId);
    if (!loaded.access.canHandle) throw Forbidden();
    return loaded;
  };

  route.get('/:tenant/meldingen/behandelen/:publicId/afsplitsen', { policy: STAFF, params: publicIdParam }, async (req, reply) => {
    const { signal } = await loadForSplit(req, req.params.publicId);
    const values: SplitValues = {
      categoryId: signal.category_id,
      organisationId: '',
      description: signal.description,
      submissionId: randomUUID(),
    };
    return reply.page(await splitPage(req, signal, values), splitOpts(req, signal));
  });

  route.post(
    '/:tenant/meldingen/behandelen/:publicId/afsplitsen',
    {
      policy: STAFF,
      params: publicIdParam,
      form: splitForm,
      // The form again with the messages; a refused extra question or e-mail belongs to the category choice.
      invalid: async (req, reply, errors, values, status) => {
        const { signal } = await loadForSplit(req, req.params.publicId);
        const str = (k: string) => {
          const v = values[k];
          return typeof v === 'string' ? v : '';
        };
        const shown: SplitValues = {
          categoryId: str('categoryId'),
          organisationId: str('organisationId'),
          description: str('description').slice(0, 6000),
          submissionId: isUuid(str('submissionId')) ? str('submissionId') : randomUUID(),
        };
        const fields = Object.fromEntries(
          Object.entries(errors).map(([k, v]) => [k.startsWith('answer_') || k === 'email' ? 'categoryId' : k, v]),
        );
        return reply.page(await splitPage(req, signal, shown, fields), splitOpts(req, signal, status));
      },
    },
    async (req, reply) => {
      const { signal } = await loadForSplit(req, req.params.publicId);
      try {
        const { child } = await splitSignal(req.db, {
          tenantId: req.tenant.id,
          originalId: signal.id,
          categoryId: req.body.categoryId,
          organisationId: req.body.organisationId || null,
          description: req.body.description,
          submissionId: req.body.submissionId,
          principal: req.principal,
          ip: auditFrom(req).ip,
          locale: req.locale,
          links: links(req.tenant),
          now: app.clock.now(),
        });
        const seesChild = can(req.principal, 'signal.view', signalFacts(child));
        return reply.redirect(handlePath(req.tenant, seesChild ? child.public_id : signal.public_id), 303);
      } catch (e) {
        // An unknown organisation (not the signal itself) is a wrong choice in the form.
        if (e instanceof AppError && e.status === 404 && e.message !== 'signals.error.notFound') {
          throw Invalid({ organisationId: 'form.invalidValue' });
        }
        throw e;
      }
    },
  );
}

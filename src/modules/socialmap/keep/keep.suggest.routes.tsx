/**
 * Correction suggestions: the public form at /{tenant}/sociale-kaart/aanbod/{id}/correctie (anyone,
 * also without an account; CSRF, rate-limited, stored before the thank-you page) and the list at
 * /{tenant}/sociale-kaart/beheer/voorstellen where the provider or a coordinator accepts or rejects.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { z } from 'zod';
import { truncateIp } from '../../../platform/audit/audit.service.ts';
import { routes } from '../../../platform/http/route.ts';
import { getService } from '../records/services.service.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { KEEP_ROLES } from './keep.access.ts';
import { handleForm, handleSuggestion, openSuggestions, suggestCorrection, suggestionForm } from './keep.service.ts';
import { formText, noticeQuery, uuidParam } from './keep.forms.ts';
import { keepBase, keepCrumbs, type TenantRequest } from './keep.pages.tsx';
import { noticeKey } from './views/fields.tsx';
import { SuggestionsPage, SuggestPage, SuggestThanksPage, suggestionSuffix } from './views/suggestions.tsx';

/** Anonymous suggestions per network: enough for a person, too few for a flood. */
export const SUGGEST_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

/**
 * The decision on one suggestion: the list has a form per suggestion whose fields carry the first
 * characters of its id (`decision-1a2b3c4d`), so that the messages land beside the right one. The
 * suffix is returned so that the route can check it belongs to the suggestion in the path.
 */
const decisionForm = z.preprocess(
  (raw) => {
    const entries = raw && typeof raw === 'object' ? Object.entries(raw) : [];
    const decision = entries.find(([k]) => k.startsWith('decision-'));
    const suffix = decision ? decision[0].slice('decision-'.length) : '';
    const value = (name: string) => {
      const v = formText.parse(entries.find(([k]) => k === `${name}-${suffix}`)?.[1]);
      return v || undefined;
    };
    return { suffix, fields: { decision: value('decision'), reason: value('reason') } };
  },
  z.object({ suffix: z.string(), fields: handleForm }),
);

export async function keepSuggestRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const params = { id: uuidParam };

  async function serviceOf(db: DbOrTrx, tenantId: string, id: string) {
    const s = await getService(db, tenantId, id);
    if (!s) throw NotFound('socialmap.error.serviceNotFound');
    return { id: s.id, name: s.name };
  }
  const crumbs = (req: TenantRequest, s: { id: string; name: string }) => [
    { href: `/${req.tenant.slug}/sociale-kaart`, label: req.t('socialmap.find.nav') },
    { href: `/${req.tenant.slug}/sociale-kaart/aanbod/${s.id}`, label: s.name },
  ];
  const suggestPage = async (
    req: TenantRequest & { params: { id: string } },
    reply: FastifyReply,
    shown?: { errors: Record<string, string>; values: Record<string, string | string[]>; status: number },
  ) => {
    const service = await serviceOf(req.db, req.tenant.id, req.params.id);
    const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
    const values = shown && { message: text(shown.values.message), email: text(shown.values.email) };
    return reply.page(<SuggestPage ctx={req.viewContext()} service={service} values={values} errors={shown?.errors} />, {
      title: req.t('socialmap.keep.suggest.title'),
      status: shown?.status ?? 200,
      breadcrumbs: crumbs(req, service),
    });
  };

  route.get('/:tenant/sociale-kaart/aanbod/:id/correctie', { policy: 'public', params }, (req, reply) => suggestPage(req, reply));

  route.post(
    '/:tenant/sociale-kaart/aanbod/:id/correctie',
    {
      policy: 'public',
      params,
      rateLimit: SUGGEST_RATE_LIMIT,
      form: suggestionForm,
      invalid: (req, reply, errors, values, status) => suggestPage(req, reply, { errors, values, status }),
    },
    async (req, reply) => {
      const service = await serviceOf(req.db, req.tenant.id, req.params.id);
      await suggestCorrection(req.db, {
        tenantId: req.tenant.id,
        serviceId: service.id,
        message: req.body.message,
        email: req.body.email,
        locale: req.locale,
        now: app.clock.now(),
        ip: truncateIp(req.ip),
        userId: req.user?.id ?? null,
      });
      return reply.page(<SuggestThanksPage ctx={req.viewContext()} service={service} withEmail={req.body.email !== null} />, {
        title: req.t('socialmap.keep.suggest.thanksTitle'),
        breadcrumbs: crumbs(req, service),
      });
    },
  );

  const policy = { roles: KEEP_ROLES };

  route.get('/:tenant/sociale-kaart/beheer/voorstellen', { policy, query: noticeQuery }, async (req, reply) => {
    const p = req.principal;
    return reply.page(
      <SuggestionsPage ctx={req.viewContext()} suggestions={await openSuggestions(req.db, p)} notice={noticeKey(req.query.melding)} />,
      { title: req.t('socialmap.keep.sugg.title'), breadcrumbs: keepCrumbs(req) },
    );
  });

  route.post(
    '/:tenant/sociale-kaart/beheer/voorstellen/:id',
    {
      policy,
      params,
      form: decisionForm,
      // The messages go beside the fields of this suggestion (`decision-1a2b3c4d`).
      invalid: async (req, reply, errors, _values, status) => {
        const p = req.principal;
        const { id } = req.params;
        const suffix = suggestionSuffix(id);
        const named = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${k.replace(/^fields\./, '')}-${suffix}`, v]));
        return reply.page(
          <SuggestionsPage ctx={req.viewContext()} suggestions={await openSuggestions(req.db, p)} errorsFor={{ id, errors: named }} />,
          { title: req.t('socialmap.keep.sugg.title'), status, breadcrumbs: keepCrumbs(req) },
        );
      },
    },
    async (req, reply) => {
      const p = req.principal;
      const { id } = req.params;
      const form = req.body.suffix === suggestionSuffix(id) ? req.body.fields : null;
      // A decision sent with another suggestion's fields is no decision on this one.
      if (!form) throw Invalid({ decision: 'socialmap.keep.handle.decision' });
      await handleSuggestion(req.db, p, {
        id,
        decision: form.decision,
        reason: form.reason,
        now: app.clock.now(),
        ip: truncateIp(req.ip),
        baseUrl: app.config.baseUrl,
        tenantSlug: req.tenant.slug,
      });
      return reply.redirect(`${keepBase(req)}/voorstellen?melding=verwerkt`, 303);
    },
  );
}

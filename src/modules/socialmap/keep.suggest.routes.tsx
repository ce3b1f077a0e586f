/**
 * Correction suggestions: the public form at /{tenant}/sociale-kaart/aanbod/{id}/correctie (anyone,
 * also without an account; CSRF, rate-limited, stored before the thank-you page) and the list at
 * /{tenant}/sociale-kaart/beheer/voorstellen where the provider or a coordinator accepts or rejects.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { truncateIp } from '../../platform/audit/audit.service.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { getService } from './socialmap.service.ts';
import { NotFound } from '../../platform/errors.ts';
import { KEEP_ROLES, maintainerFrom } from './keep.access.ts';
import { handleForm, handleSuggestion, openSuggestions, suggestCorrection, suggestionForm } from './keep.service.ts';
import { field, formErrors } from './keep.forms.ts';
import { keepBase, keepCrumbs } from './keep.pages.tsx';
import { noticeKey } from './views/keep/fields.tsx';
import { SuggestionsPage, SuggestPage, SuggestThanksPage, suggestionSuffix } from './views/keep/suggestions.tsx';
import { isUuid } from '../../platform/ids.ts';

/** Anonymous suggestions per network: enough for a person, too few for a flood. */
export const SUGGEST_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

export async function keepSuggestRoutes(app: FastifyInstance): Promise<void> {
  async function serviceOf(tenantId: string, id: string) {
    const s = await getService(app.db, tenantId, id);
    if (!s) throw NotFound('socialmap.error.serviceNotFound');
    return { id: s.id, name: s.name };
  }
  const crumbs = (req: FastifyRequest, s: { id: string; name: string }) => [
    { href: `/${req.tenant!.slug}/sociale-kaart`, label: req.t('socialmap.find.nav') },
    { href: `/${req.tenant!.slug}/sociale-kaart/aanbod/${s.id}`, label: s.name },
  ];

  app.get('/:tenant/sociale-kaart/aanbod/:id/correctie', { config: { policy: 'public' } }, async (req, reply) => {
    const service = await serviceOf(req.tenant!.id, (req.params as { id: string }).id);
    return reply.page(<SuggestPage ctx={req.viewContext()} service={service} />, {
      title: req.t('socialmap.keep.suggest.title'),
      breadcrumbs: crumbs(req, service),
    });
  });

  app.post(
    '/:tenant/sociale-kaart/aanbod/:id/correctie',
    { config: { policy: 'public', rateLimit: SUGGEST_RATE_LIMIT } },
    async (req, reply) => {
      const tenant = req.tenant!;
      const service = await serviceOf(tenant.id, (req.params as { id: string }).id);
      const form = parseForm(suggestionForm, req.body, req.t);
      const title = req.t('socialmap.keep.suggest.title');
      if (!form.ok) {
        const values = { message: field(req.body, 'message', 2100), email: field(req.body, 'email', 300) };
        return reply.page(<SuggestPage ctx={req.viewContext()} service={service} values={values} errors={form.errors} />, {
          title,
          status: 422,
          breadcrumbs: crumbs(req, service),
        });
      }
      await suggestCorrection(app.db, {
        tenantId: tenant.id,
        serviceId: service.id,
        message: form.data.message,
        email: form.data.email,
        locale: req.locale,
        now: app.clock.now(),
        ip: truncateIp(req.ip),
        userId: req.user?.id ?? null,
      });
      return reply.page(<SuggestThanksPage ctx={req.viewContext()} service={service} withEmail={form.data.email !== null} />, {
        title: req.t('socialmap.keep.suggest.thanksTitle'),
        breadcrumbs: crumbs(req, service),
      });
    },
  );

  const policy = { roles: KEEP_ROLES };

  app.get('/:tenant/sociale-kaart/beheer/voorstellen', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    return reply.page(
      <SuggestionsPage ctx={req.viewContext()} suggestions={await openSuggestions(app.db, m)} notice={noticeKey(req.query)} />,
      {
        title: req.t('socialmap.keep.sugg.title'),
        breadcrumbs: keepCrumbs(req),
      },
    );
  });

  app.post('/:tenant/sociale-kaart/beheer/voorstellen/:id', { config: { policy } }, async (req, reply) => {
    const m = maintainerFrom(req);
    const { id } = req.params as { id: string };
    if (!isUuid(id)) throw NotFound('socialmap.keep.suggestionNotFound');
    const suffix = suggestionSuffix(id);
    const body = {
      decision: field(req.body, `decision-${suffix}`, 20) || undefined,
      reason: field(req.body, `reason-${suffix}`, 1100) || undefined,
    };
    const form = parseForm(handleForm, body, req.t);
    let errors: Record<string, string>;
    if (form.ok) {
      try {
        await handleSuggestion(app.db, m, {
          id,
          decision: form.data.decision,
          reason: form.data.reason,
          now: app.clock.now(),
          ip: truncateIp(req.ip),
          baseUrl: app.config.baseUrl,
          tenantSlug: req.tenant!.slug,
        });
        return reply.redirect(`${keepBase(req)}/voorstellen?melding=verwerkt`, 303);
      } catch (err) {
        errors = formErrors(err, req.t);
      }
    } else {
      errors = form.errors;
    }
    const named = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${k}-${suffix}`, v]));
    return reply.page(
      <SuggestionsPage ctx={req.viewContext()} suggestions={await openSuggestions(app.db, m)} errorsFor={{ id, errors: named }} />,
      {
        title: req.t('socialmap.keep.sugg.title'),
        status: 422,
        breadcrumbs: keepCrumbs(req),
      },
    );
  });
}

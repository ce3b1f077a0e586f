import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, NotFound } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { findCategoryByCode, listCategoryTree } from './categories.service.ts';
import { nearbySignals } from './feedback.service.ts';
import { findHardStop } from './questions.ts';
import { createSignal, getSignal } from './signals.service.ts';
import { followSignal, trackingPath, type LinkBase } from './tracking.service.ts';
import { ChooseCategoryPage, FollowedPage, HardStopPage, ReportFormPage, ThanksPage, type ReportValues } from './views/report.tsx';
import { handleRoutes } from './handle.routes.tsx';
import { trackRoutes } from './track.routes.tsx';

/** Submissions per client per minute (report and follow forms). */
export const SUBMIT_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

export function linkBase(app: FastifyInstance, req: FastifyRequest): LinkBase {
  return { baseUrl: app.config.baseUrl, tenantSlug: req.tenant!.slug };
}

const str = (max: number) => z.string().max(max, 'signals.error.tooLong').optional().default('');
const reportSchema = z.object({
  description: z.string().max(20_000, 'signals.error.descriptionTooLong').optional().default(''),
  address: str(500),
  lat: str(30),
  lon: str(30),
  name: str(500),
  email: str(500),
  phone: str(100),
  wantsFeedback: z.literal('1').optional(),
  onBehalf: z.literal('1').optional(),
  submissionId: z.string().regex(/^[0-9a-f-]{36}$/, 'form.invalidValue'),
  nearbySeen: z.literal('1').optional(),
});

function num(s: string): number | null | 'bad' {
  const v = s.trim().replace(',', '.');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : 'bad';
}

function rawAnswers(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (k.startsWith('answer_') && typeof v === 'string') out[k.slice(7)] = v.slice(0, 1000);
  }
  return out;
}

function rawValues(body: unknown, submissionId: string): ReportValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const s = (k: string, max = 500) => (typeof b[k] === 'string' ? (b[k] as string).slice(0, max) : '');
  return {
    description: s('description', 5000),
    address: s('address'),
    lat: s('lat', 30),
    lon: s('lon', 30),
    name: s('name'),
    email: s('email'),
    phone: s('phone', 100),
    wantsFeedback: b.wantsFeedback === '1',
    onBehalf: b.onBehalf === '1',
    answers: rawAnswers(body),
    submissionId,
  };
}

/** Resident pages: choose a subject, report, thank-you, follow a nearby signal; plus the tracking and handling pages. */
export async function signalRoutes(app: FastifyInstance): Promise<void> {
  const canActOnBehalf = (req: FastifyRequest) => req.roles.some((r) => r === 'professional' || r === 'volunteer' || r === 'coordinator');

  app.get('/:tenant/meldingen', { config: { policy: 'public' } }, async (req, reply) => {
    const tree = await listCategoryTree(app.db, req.tenant!.id, { activeOnly: true });
    return reply.page(<ChooseCategoryPage ctx={req.viewContext()} slug={req.tenant!.slug} tree={tree} />, { title: req.t('signals.report.title') });
  });

  const categoryOf = async (req: FastifyRequest) => {
    const { code } = req.params as { code: string };
    const category = /^[a-z0-9-]{1,60}$/.test(code) ? await findCategoryByCode(app.db, req.tenant!.id, code) : null;
    if (!category || !category.active) throw NotFound('signals.error.categoryNotFound');
    return category;
  };

  app.get('/:tenant/meldingen/nieuw/:code', { config: { policy: 'public' } }, async (req, reply) => {
    const category = await categoryOf(req);
    const values: ReportValues = { description: '', address: '', lat: '', lon: '', name: req.user?.name ?? '', email: req.user?.email ?? '', phone: '', wantsFeedback: false, onBehalf: false, answers: {}, submissionId: randomUUID() };
    return reply.page(<ReportFormPage ctx={req.viewContext()} slug={req.tenant!.slug} category={category} values={values} canActOnBehalf={canActOnBehalf(req)} />, {
      title: req.t('signals.report.formTitle', { category: category.name }),
      breadcrumbs: [{ href: `/${req.tenant!.slug}/meldingen`, label: req.t('signals.report.title') }],
    });
  });

  app.post('/:tenant/meldingen/nieuw/:code', { config: { policy: 'public', rateLimit: SUBMIT_RATE_LIMIT } }, async (req, reply) => {
    const category = await categoryOf(req);
    const ctx = req.viewContext();
    const slug = req.tenant!.slug;
    const parsed = parseForm(reportSchema, req.body, req.t);
    const values = rawValues(req.body, parsed.ok ? parsed.data.submissionId : randomUUID());
    const title = req.t('signals.report.formTitle', { category: category.name });
    const again = (errors: Record<string, string>, status = 422, nearby?: Parameters<typeof ReportFormPage>[0]['nearby']) =>
      reply.page(<ReportFormPage ctx={ctx} slug={slug} category={category} values={values} errors={errors} nearby={nearby} canActOnBehalf={canActOnBehalf(req)} />, { title, status });
    if (!parsed.ok) return again(parsed.errors);
    const hard = findHardStop(category.questions, values.answers);
    if (hard?.hardStop) return reply.page(<HardStopPage ctx={ctx} message={hard.hardStop.message} back={`/${slug}/meldingen`} />, { title: req.t('signals.report.hardStopTitle') });
    const lat = num(parsed.data.lat);
    const lon = num(parsed.data.lon);
    if (lat === 'bad' || lon === 'bad') return again({ lat: req.t('signals.error.coordinates') });
    const now = app.clock.now();
    if (lat !== null && lon !== null && !parsed.data.nearbySeen) {
      const nearby = await nearbySignals(app.db, req.tenant!.id, category.id, lat, lon, now);
      if (nearby.length > 0) return again({}, 200, nearby);
    }
    const onBehalf = !!parsed.data.onBehalf && canActOnBehalf(req);
    try {
      const created = await createSignal(app.db, {
        tenantId: req.tenant!.id,
        category: { id: category.id },
        description: parsed.data.description,
        latitude: lat,
        longitude: lon,
        address: parsed.data.address,
        reporter: { name: parsed.data.name, email: parsed.data.email, phone: parsed.data.phone },
        wantsFeedback: !!parsed.data.wantsFeedback,
        reporterUserId: onBehalf ? null : (req.user?.id ?? null),
        createdBy: onBehalf ? req.user!.id : null,
        source: 'web',
        answers: values.answers,
        idempotencyKey: `web:${parsed.data.submissionId}`,
        locale: req.locale,
        links: linkBase(app, req),
        now,
      });
      const s = created.signal;
      return reply.page(<ThanksPage ctx={ctx} publicId={s.public_id} trackingUrl={created.trackingToken ? trackingPath(slug, created.trackingToken) : null} mailed={!!s.reporter_email} />, {
        title: req.t('signals.thanks.title'),
      });
    } catch (e) {
      if (e instanceof AppError && e.status === 422 && e.fields) {
        const errors = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k === 'location' ? 'address' : k, req.t(v)]));
        return again(errors);
      }
      throw e;
    }
  });

  app.post('/:tenant/meldingen/:publicId/volgen', { config: { policy: 'public', rateLimit: SUBMIT_RATE_LIMIT } }, async (req, reply) => {
    const { publicId } = req.params as { publicId: string };
    if (!/^SIG-\d{4}-\d{6}$/.test(publicId)) throw NotFound('signals.error.notFound');
    const parsed = parseForm(z.object({ email: z.email('signals.error.email').max(254, 'signals.error.email') }), req.body, req.t);
    if (!parsed.ok) throw new AppError(422, 'invalid', 'signals.error.email', parsed.errors);
    const now = app.clock.now();
    await inTransaction(app.db, async (trx) => {
      const signal = await getSignal(trx, req.tenant!.id, publicId);
      const cats = await listCategoryTree(trx, req.tenant!.id, {});
      const sensitive = cats.some((g) => g.categories.some((c) => c.id === signal.category_id && c.sensitive));
      // Sensitive signals cannot be followed by others and do not reveal that they exist.
      if (sensitive) throw NotFound('signals.error.notFound');
      await followSignal(trx, signal, { email: parsed.data.email, userId: req.user?.id ?? null, sensitive, links: linkBase(app, req), locale: req.locale, now });
    });
    return reply.page(<FollowedPage ctx={req.viewContext()} publicId={publicId} />, { title: req.t('signals.follow.title', { id: publicId }) });
  });

  await app.register(trackRoutes);
  await app.register(handleRoutes);
}

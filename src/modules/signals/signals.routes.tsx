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
import { CSRF_COOKIE, verifyCsrf } from '../../platform/http/csrf.ts';
import {
  attachPhotos,
  listPendingPhotos,
  MAX_PHOTOS,
  ownerHash,
  PhotoError,
  processPhotos,
  savePendingPhotos,
  tooLarge,
  tooMany,
  type PendingKey,
  type PendingMeta,
  type ProcessedPhoto,
} from './photos.service.ts';
import { readReportUpload, verifyMultipartCsrf, type ReportUpload } from './photos.routes.tsx';
import { trackRoutes } from './track.routes.tsx';
import { parseCoordinate, rawAnswers } from './form-input.ts';

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

/** The pending photos the reporter unticked ("do not send"): ids from repeated `removePhoto` fields. */
function removedPhotos(body: unknown): string[] {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>).removePhoto : undefined;
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string' && /^[0-9a-f-]{36}$/.test(x)).slice(0, 20);
}

/** Resident pages: choose a subject, report, thank-you, follow a nearby signal; plus the tracking and handling pages. */
export async function signalRoutes(app: FastifyInstance): Promise<void> {
  const canActOnBehalf = (req: FastifyRequest) => req.roles.some((r) => r === 'professional' || r === 'volunteer' || r === 'coordinator');

  app.get('/:tenant/meldingen', { config: { policy: 'public' } }, async (req, reply) => {
    const tree = await listCategoryTree(app.db, req.tenant!.id, { activeOnly: true });
    return reply.page(<ChooseCategoryPage ctx={req.viewContext()} slug={req.tenant!.slug} tree={tree} />, {
      title: req.t('signals.report.title'),
    });
  });

  const categoryOf = async (req: FastifyRequest) => {
    const { code } = req.params as { code: string };
    const category = /^[a-z0-9-]{1,60}$/.test(code) ? await findCategoryByCode(app.db, req.tenant!.id, code) : null;
    if (!category || !category.active) throw NotFound('signals.error.categoryNotFound');
    return category;
  };

  app.get('/:tenant/meldingen/nieuw/:code', { config: { policy: 'public' } }, async (req, reply) => {
    const category = await categoryOf(req);
    const values: ReportValues = {
      description: '',
      address: '',
      lat: '',
      lon: '',
      name: req.user?.name ?? '',
      email: req.user?.email ?? '',
      phone: '',
      wantsFeedback: false,
      onBehalf: false,
      answers: {},
      submissionId: randomUUID(),
    };
    return reply.page(
      <ReportFormPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        category={category}
        values={values}
        canActOnBehalf={canActOnBehalf(req)}
      />,
      {
        title: req.t('signals.report.formTitle', { category: category.name }),
        breadcrumbs: [{ href: `/${req.tenant!.slug}/meldingen`, label: req.t('signals.report.title') }],
      },
    );
  });

  // CSRF: checked here, not globally: a multipart body is only readable in the handler (see readReportUpload).
  app.post(
    '/:tenant/meldingen/nieuw/:code',
    { config: { policy: 'public', csrf: false, rateLimit: SUBMIT_RATE_LIMIT } },
    async (req, reply) => {
      const category = await categoryOf(req);
      const ctx = req.viewContext();
      const slug = req.tenant!.slug;
      let body: unknown = req.body;
      let upload: ReportUpload | null = null;
      if (req.isMultipart()) {
        upload = await readReportUpload(req);
        verifyMultipartCsrf(req, app.config.sessionSecret, upload.csrf);
        body = upload.fields;
      } else verifyCsrf(req, app.config.sessionSecret);
      const parsed = parseForm(reportSchema, body, req.t);
      const values = rawValues(body, parsed.ok ? parsed.data.submissionId : randomUUID());
      const title = req.t('signals.report.formTitle', { category: category.name });
      const now = app.clock.now();
      const key: PendingKey | null = parsed.ok
        ? { tenantId: req.tenant!.id, submissionId: parsed.data.submissionId, owner: ownerHash(req.cookies[CSRF_COOKIE]!) }
        : null;
      const remove = removedPhotos(body);
      let pending: PendingMeta[] = key ? await listPendingPhotos(app.db, key, now) : [];
      const again = (errors: Record<string, string>, status = 422, nearby?: Parameters<typeof ReportFormPage>[0]['nearby']) =>
        reply.page(
          <ReportFormPage
            ctx={ctx}
            slug={slug}
            category={category}
            values={values}
            errors={errors}
            nearby={nearby}
            pending={pending}
            canActOnBehalf={canActOnBehalf(req)}
          />,
          { title, status },
        );
      // Photos first: a refused photo stores nothing and keeps the photos added before.
      let photos: ProcessedPhoto[] = [];
      try {
        if (upload?.tooMany || pending.filter((p) => !remove.includes(p.id)).length + (upload?.files.length ?? 0) > MAX_PHOTOS) {
          throw tooMany();
        }
        if (upload?.tooLarge.length) throw tooLarge(upload.tooLarge[0]);
        photos = await processPhotos(upload?.files ?? []);
      } catch (e) {
        if (!(e instanceof PhotoError)) throw e;
        const message = req.t(e.message);
        const name = String(e.vars?.name ?? '');
        return again(
          { ...(parsed.ok ? {} : parsed.errors), photos: name ? req.t('signals.photos.error.withName', { name, message }) : message },
          e.status,
        );
      }
      // A round trip back to the form keeps the new photos as pending uploads: the reporter need not choose them again.
      const keep = async () => {
        if (key && (photos.length || remove.length)) pending = await savePendingPhotos(app.db, key, photos, now, remove);
      };
      if (!parsed.ok) return again(parsed.errors);
      const hard = findHardStop(category.questions, values.answers);
      if (hard?.hardStop) {
        return reply.page(<HardStopPage ctx={ctx} message={hard.hardStop.message} back={`/${slug}/meldingen`} />, {
          title: req.t('signals.report.hardStopTitle'),
        });
      }
      const lat = parseCoordinate(parsed.data.lat);
      const lon = parseCoordinate(parsed.data.lon);
      if (lat === 'bad' || lon === 'bad') {
        await keep();
        return again({ lat: req.t('signals.error.coordinates') });
      }
      if (lat !== null && lon !== null && !parsed.data.nearbySeen) {
        const nearby = await nearbySignals(app.db, req.tenant!.id, category.id, lat, lon, now);
        if (nearby.length > 0) {
          await keep();
          return again({}, 200, nearby);
        }
      }
      const onBehalf = !!parsed.data.onBehalf && canActOnBehalf(req);
      try {
        // The signal, its photos, its mail and its audit record commit together (createSignal joins this transaction).
        const { created, photoCount } = await inTransaction(app.db, async (trx) => {
          const created = await createSignal(trx, {
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
          // A replay attaches nothing: the photos went with the first submission.
          const photoCount = created.replayed
            ? created.signal.photo_count
            : await attachPhotos(trx, key!, created.signal.id, photos, now, remove);
          return { created, photoCount };
        });
        const s = created.signal;
        return reply.page(
          <ThanksPage
            ctx={ctx}
            publicId={s.public_id}
            trackingUrl={created.trackingToken ? trackingPath(slug, created.trackingToken) : null}
            mailed={!!s.reporter_email}
            photoCount={photoCount}
          />,
          {
            title: req.t('signals.thanks.title'),
          },
        );
      } catch (e) {
        if (e instanceof AppError && e.status === 422 && e.fields) {
          await keep();
          const errors = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k === 'location' ? 'address' : k, req.t(v)]));
          return again(errors);
        }
        throw e;
      }
    },
  );

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
      await followSignal(trx, signal, {
        email: parsed.data.email,
        userId: req.user?.id ?? null,
        sensitive,
        links: linkBase(app, req),
        locale: req.locale,
        now,
      });
    });
    return reply.page(<FollowedPage ctx={req.viewContext()} publicId={publicId} />, {
      title: req.t('signals.follow.title', { id: publicId }),
    });
  });

  await app.register(trackRoutes);
  await app.register(handleRoutes);
}

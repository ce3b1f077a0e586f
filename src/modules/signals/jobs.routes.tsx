import './jobs.messages.ts';
import type { FastifyInstance } from 'fastify';
import { parseForm } from '../../platform/http/forms.ts';
import { auditFrom } from '../../platform/audit/audit.service.ts';
import { getJobSettings, jobSettingsSchema, saveJobSettings, type JobSettings } from './jobs.settings.ts';
import { JobSettingsPage, type JobSettingsValues } from './views/settings-jobs.tsx';

const MANAGERS = { roles: ['coordinator', 'admin'] } as const;

function asValues(s: JobSettings): JobSettingsValues {
  return {
    reminderDays: String(s.reminderDays),
    escalationEnabled: s.escalationEnabled,
    anonymiseAfterMonths: String(s.anonymiseAfterMonths),
    deleteCancelledAfterMonths: String(s.deleteCancelledAfterMonths),
    deleteClosedAfterMonths: String(s.deleteClosedAfterMonths),
  };
}

function rawValues(body: unknown): JobSettingsValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).slice(0, 10) : '');
  return {
    reminderDays: str('reminderDays'),
    escalationEnabled: b.escalationEnabled === '1',
    anonymiseAfterMonths: str('anonymiseAfterMonths'),
    deleteCancelledAfterMonths: str('deleteCancelledAfterMonths'),
    deleteClosedAfterMonths: str('deleteClosedAfterMonths'),
  };
}

/** Routes of the signals jobs part: the deadline and retention settings page `/{tenant}/beheer/meldingen/termijnen`. */
export async function jobsSettingsRoutes(app: FastifyInstance): Promise<void> {
  const crumbs = (slug: string, t: (k: string) => string) => [{ href: `/${slug}/beheer/meldingen`, label: t('signals.jobs.hub') }];

  app.get('/:tenant/beheer/meldingen/termijnen', { config: { policy: MANAGERS } }, async (req, reply) => {
    const slug = req.tenant!.slug;
    const settings = await getJobSettings(app.db, req.tenant!.id);
    const saved = (req.query as Record<string, unknown> | undefined)?.opgeslagen === '1';
    return reply.page(<JobSettingsPage ctx={req.viewContext()} slug={slug} values={asValues(settings)} saved={saved} />, {
      title: req.t('signals.jobs.title'),
      breadcrumbs: crumbs(slug, req.t),
    });
  });

  app.post('/:tenant/beheer/meldingen/termijnen', { config: { policy: MANAGERS } }, async (req, reply) => {
    const slug = req.tenant!.slug;
    const parsed = parseForm(jobSettingsSchema, req.body, req.t);
    if (!parsed.ok) {
      return reply.page(<JobSettingsPage ctx={req.viewContext()} slug={slug} values={rawValues(req.body)} errors={parsed.errors} />, {
        title: req.t('signals.jobs.title'),
        status: 422,
        breadcrumbs: crumbs(slug, req.t),
      });
    }
    const audit = auditFrom(req);
    await saveJobSettings(app.db, {
      tenantId: req.tenant!.id,
      settings: parsed.data,
      actorUserId: audit.actorUserId,
      ip: audit.ip,
      now: app.clock.now(),
    });
    return reply.redirect(`/${slug}/beheer/meldingen/termijnen?opgeslagen=1`, 303);
  });
}

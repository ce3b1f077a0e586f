import './apply.messages.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import { Invalid, type FieldErrors } from '../../../platform/errors.ts';
import { parseEuros } from '../funds/funds.money.ts';
import {
  applyChoices,
  confirmCosign,
  cosignView,
  myApplications,
  submitApplication,
  trackApplication,
  type ApplicationInput,
} from './apply.service.ts';
import { applyPrefill } from './links.ts';
import { ApplyPage, COSIGNER_ROWS, CosignPage, LINE_ROWS, MyApplicationsPage, SubmittedPage, TrackPage } from './views/apply.tsx';

const RATE = { max: 20, timeWindow: '1 minute' };
const fundParam = { fund: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/) };
const tokenParam = { token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) };
const referenceParam = { reference: z.string().regex(/^INI-\d{4}-\d{4,6}$/) };
/** `?oproep=<call>` or `?jongerenidee=<idea>`: anything is accepted here; links.ts says whether it leads anywhere. */
const applyQuery = z.object({ oproep: z.string().max(100).optional(), jongerenidee: z.string().max(100).optional() });
/** The form: strings, turned into the service's input (euros → cents) by `toInput`. */
const applyForm = z.record(z.string(), z.union([z.string().max(4000), z.array(z.string().max(4000))]));

function private_(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

const s = (body: Record<string, unknown>, k: string): string => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
/** A day as typed: "16-01-2027" (Dutch order) or "2027-01-16"; anything else is passed on for the service to refuse. */
const dayOf = (text: string): string => {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text;
};

/** Form strings → the service's input; an amount that is not euros is a field error here. */
export function toInput(body: Record<string, unknown>): ApplicationInput {
  const errors: FieldErrors = {};
  const euros = (field: string, required: boolean): number => {
    const text = s(body, field);
    if (!text) {
      if (required) errors[field] = 'initiatives.apply.error.requested';
      return 0;
    }
    const c = parseEuros(text);
    if (c === null) errors[field] = 'initiatives.funds.error.cents';
    return c ?? 0;
  };
  const budgetLines = [];
  for (let i = 0; i < LINE_ROWS; i++) {
    const label = s(body, `budgetLines.${i}.label`);
    const amount = s(body, `budgetLines.${i}.amountCents`);
    if (!label && !amount) continue;
    budgetLines.push({ label, amountCents: euros(`budgetLines.${i}.amountCents`, true) });
  }
  const cosigners = [];
  for (let i = 0; i < COSIGNER_ROWS; i++) {
    const displayName = s(body, `cosigners.${i}.displayName`);
    const postcode = s(body, `cosigners.${i}.postcode`);
    const email = s(body, `cosigners.${i}.email`);
    if (!displayName && !postcode && !email) continue;
    cosigners.push({ displayName, postcode, email });
  }
  const whose = s(body, 'whose');
  const onBehalf = whose === 'account' || whose === 'contact';
  const input: ApplicationInput = {
    fundId: s(body, 'fundId'),
    roundId: s(body, 'roundId') || null,
    groupName: s(body, 'groupName'),
    title: s(body, 'title'),
    what: s(body, 'what'),
    forWhom: s(body, 'forWhom'),
    areaCode: s(body, 'areaCode'),
    startsOn: dayOf(s(body, 'startsOn')),
    endsOn: dayOf(s(body, 'endsOn')) || null,
    budgetLines,
    requestedCents: euros('requestedCents', true),
    ownMoneyCents: euros('ownMoneyCents', false),
    ownInKind: s(body, 'ownInKind'),
    cosigners,
    onBehalf,
    subject: !onBehalf
      ? null
      : whose === 'account'
        ? { kind: 'account', email: s(body, 'subject.accountEmail') }
        : { kind: 'contact', name: s(body, 'subject.name'), phone: s(body, 'subject.phone'), email: s(body, 'subject.email') },
    callId: s(body, 'callId') || null,
    youthIdeaId: s(body, 'youthIdeaId') || null,
  };
  if (Object.keys(errors).length > 0) throw Invalid(errors, 'initiatives.apply.error.form');
  return input;
}

/** Applying (`/{tenant}/samen-doen/{fund}/aanvragen`), co-signing by link, tracking and "my applications". */
export async function applyRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/samen-doen/mijn-aanvragen', { policy: 'signedIn' }, async (req, reply) => {
    const apps = await myApplications(req.db, req.principal, req.tenant.id);
    return private_(reply).page(<MyApplicationsPage ctx={req.viewContext()} apps={apps} />, { title: req.t('initiatives.mine.title') });
  });

  route.get('/:tenant/samen-doen/aanvraag/:reference', { policy: 'signedIn', params: referenceParam }, async (req, reply) => {
    const tr = await trackApplication(req.db, req.principal, req.tenant.id, req.params.reference);
    return private_(reply).page(<TrackPage ctx={req.viewContext()} tr={tr} />, {
      title: req.t('initiatives.track.title', { reference: tr.application.reference }),
    });
  });

  route.get('/:tenant/samen-doen/:fund/aanvragen', { policy: 'signedIn', params: fundParam, query: applyQuery }, async (req, reply) => {
    const c = await applyChoices(req.db, req.principal, req.tenant.id, req.params.fund);
    const pre = await applyPrefill(req.db, req.principal, {
      tenantId: req.tenant.id,
      fundId: c.fund.id,
      oproep: req.query.oproep,
      jongerenidee: req.query.jongerenidee,
      locale: req.locale,
    });
    return private_(reply).page(<ApplyPage ctx={req.viewContext()} {...c} values={pre.values} from={pre.from} notice={pre.notice} />, {
      title: req.t('initiatives.apply.title', { fund: c.fund.nameNl }),
    });
  });

  route.post(
    '/:tenant/samen-doen/:fund/aanvragen',
    {
      policy: 'signedIn',
      params: fundParam,
      rateLimit: RATE,
      form: applyForm,
      invalid: async (req, reply, errors, values, status) => {
        const c = await applyChoices(req.db, req.principal, req.tenant.id, req.params.fund);
        return private_(reply).page(<ApplyPage ctx={req.viewContext()} {...c} errors={errors} values={values} />, {
          title: req.t('initiatives.apply.title', { fund: c.fund.nameNl }),
          status,
        });
      },
    },
    async (req, reply) => {
      const c = await applyChoices(req.db, req.principal, req.tenant.id, req.params.fund);
      const input = { ...toInput(req.body), fundId: c.fund.id };
      const base = `${app.config.baseUrl.replace(/\/$/, '')}/${req.tenant.slug}/samen-doen/steun/`;
      const r = await submitApplication(req.db, req.principal, req.tenant.id, input, { linkBase: base, locale: req.locale });
      return private_(reply).page(
        <SubmittedPage
          ctx={req.viewContext()}
          reference={r.application.reference}
          links={r.cosignerTokens.map((x) => ({ displayName: x.displayName, url: x.mailed ? null : base + x.token }))}
        />,
        { title: req.t('initiatives.apply.sentTitle') },
      );
    },
  );

  route.get('/:tenant/samen-doen/steun/:token', { policy: 'public', params: tokenParam, rateLimit: RATE }, async (req, reply) => {
    const view = await cosignView(req.db, req.principal, req.tenant.id, req.params.token);
    return private_(reply).page(<CosignPage ctx={req.viewContext()} view={view} token={req.params.token} done={false} />, {
      title: req.t('initiatives.cosign.title'),
    });
  });

  route.post('/:tenant/samen-doen/steun/:token', { policy: 'public', params: tokenParam, rateLimit: RATE }, async (req, reply) => {
    await confirmCosign(req.db, req.principal, req.tenant.id, req.params.token);
    const view = await cosignView(req.db, req.principal, req.tenant.id, req.params.token);
    return private_(reply).page(<CosignPage ctx={req.viewContext()} view={view} token={req.params.token} done />, {
      title: req.t('initiatives.cosign.title'),
    });
  });
}

import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  fieldId,
  type FieldErrors,
} from '../../../../ui/form.tsx';
import { formatEuros } from '../../funds/funds.money.ts';
import type { Fund, Round } from '../../initiatives.service.ts';
import type { CosignView, StepKey, Tracking } from '../apply.service.ts';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { BehalfFacts, BehalfFieldset, FromNote } from './apply-parts.tsx';

type Values = Record<string, string | string[]>;
const str = (v: Values | undefined, k: string): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : '';
};
/** Rows the no-JavaScript form offers for budget lines and co-signers. */
export const LINE_ROWS = 5;
export const COSIGNER_ROWS = 4;

export function DemoNote({ ctx, isDemo }: { ctx: ViewContext; isDemo: boolean }) {
  if (!isDemo) return null;
  return (
    <p class="utrecht-alert utrecht-alert--warning" role="note">
      {ctx.t('initiatives.demoLabel')}
    </p>
  );
}

function GroupError({ error }: { error?: string | undefined }) {
  return error ? <p class="utrecht-form-field-error-message">{error}</p> : null;
}

export function ApplyPage({
  ctx,
  fund,
  rounds,
  buurten,
  earliestStart,
  canApplyOnBehalf,
  canFindAccount,
  errors,
  values,
  from,
  notice,
}: {
  ctx: ViewContext;
  fund: Fund;
  rounds: Round[];
  buurten: { value: string; label: string }[];
  earliestStart: string;
  canApplyOnBehalf: boolean;
  /** Professionals and coordinators may name a resident's account by e-mail (`initiative.findAccount`). */
  canFindAccount: boolean;
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
  from?: { kind: 'call' | 'idea'; text: string } | null | undefined;
  notice?: MessageKey | null | undefined;
}) {
  const { t } = ctx;
  const en = ctx.locale === 'en';
  const root = tenantPath(ctx, '');
  const name = en && fund.nameEn ? fund.nameEn : fund.nameNl;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.apply.title', { fund: name })}</h1>
      <DemoNote ctx={ctx} isDemo={fund.isDemo} />
      {rounds.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.apply.error.roundClosed')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('initiatives.apply.intro')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={`${root}/samen-doen/${fund.slug}/aanvragen`} label={t('initiatives.apply.formLabel')}>
            <input type="hidden" name="fundId" value={fund.id} />
            <FromNote ctx={ctx} from={from} notice={notice} values={values} errors={errors} />
            {canApplyOnBehalf && <BehalfFieldset ctx={ctx} values={values} errors={errors} canFindAccount={canFindAccount} />}
            {rounds.length > 1 ? (
              <SelectField
                name="roundId"
                label={t('initiatives.apply.round')}
                options={rounds.map((r) => ({ value: r.id, label: en && r.nameEn ? r.nameEn : r.nameNl }))}
                value={str(values, 'roundId')}
                error={errors?.roundId}
              />
            ) : (
              <>
                <input type="hidden" name="roundId" value={rounds[0]!.id} />
                <GroupError error={errors?.roundId} />
              </>
            )}
            <TextField
              name="title"
              label={t('initiatives.apply.what.title')}
              value={str(values, 'title')}
              error={errors?.title}
              maxLength={160}
              required
            />
            <TextField
              name="groupName"
              label={t('initiatives.apply.groupName')}
              hint={t('initiatives.apply.groupNameHint')}
              value={str(values, 'groupName')}
              error={errors?.groupName}
              maxLength={120}
              required
            />
            <TextAreaField
              name="what"
              label={t('initiatives.apply.what')}
              value={str(values, 'what')}
              error={errors?.what}
              maxLength={4000}
            />
            <TextAreaField
              name="forWhom"
              label={t('initiatives.apply.forWhom')}
              value={str(values, 'forWhom')}
              error={errors?.forWhom}
              maxLength={2000}
            />
            <SelectField
              name="areaCode"
              label={t('initiatives.apply.buurt')}
              options={[{ value: '', label: t('initiatives.apply.buurtNone') }, ...buurten]}
              value={str(values, 'areaCode')}
              error={errors?.areaCode}
            />
            <TextField
              name="startsOn"
              label={t('initiatives.apply.startsOn')}
              hint={t('initiatives.apply.startsOnHint', { date: earliestStart.split('-').reverse().join('-') })}
              value={str(values, 'startsOn')}
              error={errors?.startsOn}
              required
            />
            <TextField
              name="endsOn"
              type="date"
              label={t('initiatives.apply.endsOn')}
              value={str(values, 'endsOn')}
              error={errors?.endsOn}
            />
            <fieldset class="utrecht-form-fieldset" id={fieldId('budgetLines')}>
              <legend class="utrecht-form-fieldset__legend">{t('initiatives.apply.lines')}</legend>
              <p class="utrecht-paragraph">{t('initiatives.apply.linesHint')}</p>
              <GroupError error={errors?.budgetLines} />
              {Array.from({ length: LINE_ROWS }, (_, i) => (
                <div class="ini-row">
                  <TextField
                    name={`budgetLines.${i}.label`}
                    label={t('initiatives.apply.lineLabel', { n: i + 1 })}
                    value={str(values, `budgetLines.${i}.label`)}
                    error={errors?.[`budgetLines.${i}.label`]}
                    maxLength={160}
                  />
                  <TextField
                    name={`budgetLines.${i}.amountCents`}
                    label={t('initiatives.apply.lineAmount', { n: i + 1 })}
                    value={str(values, `budgetLines.${i}.amountCents`)}
                    error={errors?.[`budgetLines.${i}.amountCents`]}
                    inputMode="decimal"
                    maxLength={20}
                  />
                </div>
              ))}
            </fieldset>
            <TextField
              name="requestedCents"
              label={t('initiatives.apply.requested')}
              hint={
                fund.maxPerInitiativeCents !== null
                  ? t('initiatives.apply.requestedMax', { max: formatEuros(fund.maxPerInitiativeCents) })
                  : undefined
              }
              value={str(values, 'requestedCents')}
              error={errors?.requestedCents}
              inputMode="decimal"
              maxLength={20}
              required
            />
            <TextField
              name="ownMoneyCents"
              label={t('initiatives.apply.ownMoney')}
              hint={t(`initiatives.apply.own.${fund.ownContribution}`)}
              value={str(values, 'ownMoneyCents')}
              error={errors?.ownMoneyCents}
              inputMode="decimal"
              maxLength={20}
            />
            <TextAreaField
              name="ownInKind"
              label={t('initiatives.apply.ownInKind')}
              value={str(values, 'ownInKind')}
              error={errors?.ownInKind}
              maxLength={1000}
            />
            <fieldset class="utrecht-form-fieldset" id={fieldId('cosigners')}>
              <legend class="utrecht-form-fieldset__legend">{t('initiatives.apply.cosigners')}</legend>
              <p class="utrecht-paragraph">{t('initiatives.apply.cosignersHint', { n: fund.minCosigners })}</p>
              <GroupError error={errors?.cosigners} />
              {Array.from({ length: COSIGNER_ROWS }, (_, i) => (
                <div class="ini-row">
                  <TextField
                    name={`cosigners.${i}.displayName`}
                    label={t('initiatives.apply.cosignerName', { n: i + 1 })}
                    value={str(values, `cosigners.${i}.displayName`)}
                    error={errors?.[`cosigners.${i}.displayName`]}
                    maxLength={80}
                  />
                  <TextField
                    name={`cosigners.${i}.postcode`}
                    label={t('initiatives.apply.cosignerPostcode', { n: i + 1 })}
                    value={str(values, `cosigners.${i}.postcode`)}
                    error={errors?.[`cosigners.${i}.postcode`]}
                    autocomplete="off"
                    maxLength={10}
                  />
                  <TextField
                    name={`cosigners.${i}.email`}
                    type="email"
                    label={t('initiatives.apply.cosignerEmail', { n: i + 1 })}
                    value={str(values, `cosigners.${i}.email`)}
                    error={errors?.[`cosigners.${i}.email`]}
                    autocomplete="off"
                    maxLength={254}
                  />
                </div>
              ))}
            </fieldset>
            <SubmitButton>{t('initiatives.apply.send')}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

/** After sending: the reference, and each co-signer's link, shown this once. */
export function SubmittedPage({
  ctx,
  reference,
  links,
}: {
  ctx: ViewContext;
  reference: string;
  links: { displayName: string; url: string | null }[];
}) {
  const { t } = ctx;
  const root = tenantPath(ctx, '');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.apply.sentTitle')}</h1>
      <p class="utrecht-paragraph">{t('initiatives.apply.sentReference', { reference })}</p>
      {links.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t('initiatives.apply.linksTitle')}</h2>
          <p class="utrecht-paragraph">{t('initiatives.apply.linksOnce')}</p>
          <ul class="utrecht-unordered-list">
            {links.map((l) => (
              <li>
                {l.displayName}: {l.url ? <code class="ini-link">{l.url}</code> : t('initiatives.apply.linkMailed')}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${root}/samen-doen/aanvraag/${reference}`}>
          {t('initiatives.track.follow')}
        </a>
      </p>
    </>
  );
}

export function CosignPage({ ctx, view, token, done }: { ctx: ViewContext; view: CosignView; token: string; done: boolean }) {
  const { t } = ctx;
  const root = tenantPath(ctx, '');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.cosign.title')}</h1>
      <p class="utrecht-paragraph">{t('initiatives.cosign.hello', { name: view.displayName })}</p>
      <dl class="ini-facts">
        <dt>{t('initiatives.apply.what.title')}</dt>
        <dd>{view.title}</dd>
        <dt>{t('initiatives.apply.groupName')}</dt>
        <dd>{view.groupName}</dd>
        <dt>{t('initiatives.apply.buurt')}</dt>
        <dd>{view.areaName}</dd>
        <dt>{t('initiatives.apply.requested')}</dt>
        <dd>{formatEuros(view.requestedCents)}</dd>
      </dl>
      <p class="utrecht-paragraph">{view.what}</p>
      {done || view.confirmedOn ? (
        <p class="utrecht-alert utrecht-alert--ok" role="status">
          {t('initiatives.cosign.thanks')}
        </p>
      ) : (
        <Form ctx={ctx} action={`${root}/samen-doen/steun/${token}`} label={t('initiatives.cosign.title')}>
          <p class="utrecht-paragraph">{t('initiatives.cosign.explain')}</p>
          <SubmitButton>{t('initiatives.cosign.confirm')}</SubmitButton>
        </Form>
      )}
    </>
  );
}

const STEP_LABEL: Record<
  StepKey,
  | 'initiatives.track.submitted'
  | 'initiatives.track.received'
  | 'initiatives.track.inReview'
  | 'initiatives.track.decision'
  | 'initiatives.track.paid'
  | 'initiatives.track.accounted'
> = {
  submitted: 'initiatives.track.submitted',
  received: 'initiatives.track.received',
  inReview: 'initiatives.track.inReview',
  decision: 'initiatives.track.decision',
  paid: 'initiatives.track.paid',
  accounted: 'initiatives.track.accounted',
};

export function TrackPage({ ctx, tr }: { ctx: ViewContext; tr: Tracking }) {
  const { t } = ctx;
  const a = tr.application;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.track.title', { reference: a.reference })}</h1>
      <DemoNote ctx={ctx} isDemo={a.isDemo} />
      <BehalfFacts ctx={ctx} tr={tr} />
      <dl class="ini-facts">
        <dt>{t('initiatives.apply.what.title')}</dt>
        <dd>{a.title}</dd>
        <dt>{t('initiatives.apply.buurt')}</dt>
        <dd>{tr.areaName}</dd>
        <dt>{t('initiatives.apply.requested')}</dt>
        <dd>{formatEuros(a.requestedCents)}</dd>
        <dt>{t('initiatives.track.cosigners')}</dt>
        <dd>{t('initiatives.track.cosignersCount', { confirmed: tr.confirmedCosigners, needed: tr.minCosigners })}</dd>
      </dl>
      {!a.cosignersComplete && <p class="utrecht-paragraph">{t('initiatives.track.waitingCosigners')}</p>}
      <h2 class="utrecht-heading-2">{t('initiatives.track.where')}</h2>
      <ol class="ini-timeline">
        {tr.steps.map((s) => (
          <li
            class={s.done ? 'ini-step ini-step--done' : 'ini-step'}
            aria-current={s.done && !tr.steps[tr.steps.indexOf(s) + 1]?.done ? 'step' : undefined}
          >
            {t(STEP_LABEL[s.key])}
            {': '}
            {s.done ? (s.on ? t('initiatives.track.doneOn', { date: s.on }) : t('initiatives.track.done')) : t('initiatives.track.notYet')}
          </li>
        ))}
      </ol>
      {a.decision && a.grantedCents !== null && (
        <p class="utrecht-paragraph">{t('initiatives.track.granted', { amount: formatEuros(a.grantedCents) })}</p>
      )}
    </>
  );
}

export function MyApplicationsPage({ ctx, apps }: { ctx: ViewContext; apps: { reference: string; title: string; status: string }[] }) {
  const { t } = ctx;
  const root = tenantPath(ctx, '');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.mine.title')}</h1>
      {apps.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.mine.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {apps.map((a) => (
            <li>
              <a class="utrecht-link" href={`${root}/samen-doen/aanvraag/${a.reference}`}>
                {a.reference}: {a.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

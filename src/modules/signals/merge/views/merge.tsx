import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { formatMoment as formatDateTime } from '../../dates.ts';
import type { CandidateLine, CategoryChoice, MergeSide } from '../merge.presenter.ts';
import { MAX_MERGE_NOTE, MAX_NUMBER_INPUT } from '../merge.schemas.ts';
import { MAX_DESCRIPTION } from '../../signals.schemas.ts';
import type { HistoryStep, SignalDetail } from '../../signals.presenter.ts';
import { Radios, TextArea } from '../../views/parts.tsx';

const place = (s: SignalDetail) =>
  [s.address, s.latitude !== null ? `${s.latitude}, ${s.longitude}` : null, s.buurtCode].filter(Boolean).join(' · ') || '—';

/** Step 1 of merging: likely duplicates (links) and a field for any report number (GET, works without JavaScript). */
export function MergeChoosePage({
  ctx,
  slug,
  signal,
  candidates,
  other,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  signal: SignalDetail;
  candidates: CandidateLine[];
  other?: string;
  errors?: FieldErrors;
}) {
  const { t, locale } = ctx;
  const base = `/${slug}/meldingen/behandelen/${signal.publicId}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.merge.title', { id: signal.publicId })}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="utrecht-paragraph">{t('signals.merge.intro')}</p>
      <h2 class="utrecht-heading-2">{t('signals.merge.candidates')}</h2>
      <p class="utrecht-paragraph">{t('signals.merge.candidatesHint')}</p>
      {candidates.length === 0 ? (
        <p class="utrecht-paragraph" id="geen-kandidaten">
          {t('signals.merge.noCandidates')}
        </p>
      ) : (
        <table class="utrecht-table" id="kandidaten">
          <caption class="utrecht-table__caption">{t('signals.merge.candidates')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('signals.handle.number')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('signals.handle.state')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('signals.merge.reported')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('signals.merge.where')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('signals.track.description')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {candidates.map((c) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={`${base}/samenvoegen?met=${c.publicId}`}>
                    {t('signals.merge.choose', { id: c.publicId })}
                  </a>
                </td>
                <td class="utrecht-table__cell">{t(`signals.state.${c.state}`)}</td>
                <td class="utrecht-table__cell">{formatDateTime(locale, c.createdAt)}</td>
                <td class="utrecht-table__cell">
                  {c.distance !== null ? t('signals.merge.distance', { n: c.distance }) : t('signals.merge.sameBuurt')}
                </td>
                <td class="utrecht-table__cell">{c.description.length > 140 ? `${c.description.slice(0, 140)}…` : c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="get" action={`${base}/samenvoegen`} class="form" aria-label={t('signals.merge.other')}>
        <TextField
          name="met"
          label={t('signals.merge.other')}
          hint={t('signals.merge.otherHint')}
          value={other}
          error={errors?.met}
          maxLength={MAX_NUMBER_INPUT}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('signals.merge.next')}
        </button>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('signals.merge.back')}
        </a>
      </p>
    </>
  );
}

/** Step 2 of merging: both signals side by side, the choice which one stays, and the confirmation (POST). */
export function MergeConfirmPage({
  ctx,
  slug,
  current,
  other,
  keep,
}: {
  ctx: ViewContext;
  slug: string;
  current: MergeSide;
  other: MergeSide;
  keep: string;
}) {
  const { t, locale } = ctx;
  const base = `/${slug}/meldingen/behandelen/${current.signal.publicId}`;
  const sides = [current, other];
  const row = (label: string, value: (s: MergeSide) => string) => (
    <tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="row">
        {label}
      </th>
      {sides.map((s) => (
        <td class="utrecht-table__cell">{value(s)}</td>
      ))}
    </tr>
  );
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.merge.confirmTitle')}</h1>
      <table class="utrecht-table" id="vergelijking">
        <caption class="utrecht-table__caption">{t('signals.merge.compare')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {t('signals.merge.field')}
            </th>
            {sides.map((s) => (
              <th class="utrecht-table__header-cell" scope="col">
                {s.signal.publicId}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {row(t('signals.handle.category'), (s) => s.categoryName ?? '—')}
          {row(t('signals.handle.state'), (s) => t(`signals.state.${s.signal.state}`))}
          {row(t('signals.merge.reported'), (s) => formatDateTime(locale, s.signal.createdAt))}
          {row(t('signals.handle.organisation'), (s) => s.organisation)}
          {row(t('signals.handle.place'), (s) => place(s.signal))}
          {row(t('signals.track.description'), (s) => s.signal.description)}
          {row(
            t('signals.handle.reporter'),
            (s) =>
              [s.signal.reporterName, s.signal.reporterEmail, s.signal.reporterPhone].filter(Boolean).join(' · ') ||
              t('signals.handle.anonymous'),
          )}
          {row(t('signals.merge.followers'), (s) => String(s.followers))}
        </tbody>
      </table>
      <Form ctx={ctx} action={`${base}/samenvoegen`} label={t('signals.merge.submit')}>
        <input type="hidden" name="met" value={other.signal.publicId} />
        <Radios
          name="hoofd"
          legend={t('signals.merge.keepWhich')}
          options={sides.map((s) => ({ value: s.signal.publicId, label: t('signals.merge.keep', { id: s.signal.publicId }) }))}
          value={keep}
        />
        <p class="utrecht-paragraph">{t('signals.merge.keepHint')}</p>
        <TextArea name="note" label={t('signals.merge.note')} hint={t('signals.merge.noteHint')} rows={3} maxLength={MAX_MERGE_NOTE} />
        <SubmitButton>{t('signals.merge.submit')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/samenvoegen`}>
          {t('signals.merge.title', { id: current.signal.publicId })}
        </a>
      </p>
    </>
  );
}

export interface SplitValues {
  categoryId: string;
  organisationId: string;
  description: string;
  submissionId: string;
}

/** The split form: subject, organisation (default: routing) and the part of the description. */
export function SplitPage({
  ctx,
  slug,
  signal,
  sensitive,
  categories,
  organisations,
  routedName,
  values,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  signal: SignalDetail;
  sensitive: boolean;
  categories: readonly CategoryChoice[];
  organisations: { id: string; name: string }[];
  routedName: string | null;
  values: SplitValues;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const base = `/${slug}/meldingen/behandelen/${signal.publicId}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.merge.split.title', { id: signal.publicId })}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="utrecht-paragraph">{t('signals.merge.split.intro')}</p>
      {sensitive && <p class="utrecht-paragraph notice">{t('signals.merge.split.sensitiveHint')}</p>}
      <Form ctx={ctx} action={`${base}/afsplitsen`} label={t('signals.merge.split.submit')}>
        <input type="hidden" name="submissionId" value={values.submissionId} />
        <SelectField
          name="categoryId"
          label={t('signals.merge.split.category')}
          value={values.categoryId}
          error={errors?.categoryId}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          name="organisationId"
          label={t('signals.merge.split.organisation')}
          hint={t('signals.merge.split.organisationHint')}
          value={values.organisationId}
          error={errors?.organisationId}
          options={[
            {
              value: '',
              label: routedName ? t('signals.merge.split.routing', { name: routedName }) : t('signals.merge.split.routingNone'),
            },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <TextArea
          name="description"
          label={t('signals.merge.split.description')}
          hint={t('signals.merge.split.descriptionHint')}
          value={values.description}
          error={errors?.description}
          maxLength={MAX_DESCRIPTION}
        />
        <SubmitButton>{t('signals.merge.split.submit')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('signals.merge.back')}
        </a>
      </p>
    </>
  );
}

/** The other signal named in the last history step with this reason (merge and split steps name it). */
function otherIn(signal: SignalDetail, history: readonly HistoryStep[], reason: string): string | null {
  const step = [...history].reverse().find((h) => h.reason === reason);
  const text = `${step?.internalNote ?? ''} ${step?.publicMessage ?? ''}`;
  return [...text.matchAll(/SIG-\d{4}-\d{6}/g)].map((m) => m[0]).find((id) => id !== signal.publicId) ?? null;
}

/** On a signal page: links to merge and split, and to the signal it was merged into or split from. */
export function MergeLinks({
  ctx,
  slug,
  signal,
  history,
  canMerge,
  canSplit,
}: {
  ctx: ViewContext;
  slug: string;
  signal: SignalDetail;
  history: readonly HistoryStep[];
  canMerge: boolean;
  canSplit: boolean;
}) {
  const { t } = ctx;
  const handle = `/${slug}/meldingen/behandelen`;
  const base = `${handle}/${signal.publicId}`;
  const open = !signal.closed && !signal.merged;
  const mainId = signal.merged ? otherIn(signal, history, 'merged') : null;
  const originalId = signal.splitOff ? otherIn(signal, history, 'split_from') : null;
  const links = [
    mainId ? { href: `${handle}/${mainId}`, label: t('signals.merge.mergedInto', { id: mainId }), id: 'samengevoegd-met' } : null,
    originalId ? { href: `${handle}/${originalId}`, label: t('signals.merge.splitFrom', { id: originalId }), id: 'afgesplitst-van' } : null,
    canMerge && open ? { href: `${base}/samenvoegen`, label: t('signals.merge.link.merge'), id: 'samenvoegen' } : null,
    canSplit && open ? { href: `${base}/afsplitsen`, label: t('signals.merge.link.split'), id: 'afsplitsen' } : null,
  ].filter((l): l is { href: string; label: string; id: string } => !!l);
  if (links.length === 0) return null;
  return (
    <ul class="utrecht-unordered-list" aria-label={t('signals.merge.related')}>
      {links.map((l) => (
        <li>
          <a class="utrecht-link" id={`link-${l.id}`} href={l.href}>
            {l.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** On the tracking page of a merged duplicate: which signal it was merged into (from the public merge step). */
export function MergedNotice({ ctx, mergedInto: main }: { ctx: ViewContext; mergedInto: string | null }) {
  if (!main) return null;
  return (
    <div class="utrecht-alert" role="status" id="samengevoegd">
      <p class="utrecht-paragraph">{ctx.t('signals.merge.track.merged', { main })}</p>
    </div>
  );
}

/** The history label of a merge or split step on the handling page (null for other same-state steps). */
export function mergeStepLabel(t: ViewContext['t'], h: Pick<HistoryStep, 'reason'>): string | null {
  return h.reason === 'merge' || h.reason === 'split' || h.reason === 'split_from' ? t(`signals.merge.history.${h.reason}`) : null;
}

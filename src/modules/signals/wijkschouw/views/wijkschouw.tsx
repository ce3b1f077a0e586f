import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { SessionListItem, SessionView, SummaryLine } from '../wijkschouw.presenter.ts';
import { TextArea } from '../../views/parts.tsx';
import { formatDay } from '../../dates.ts';
import { MAX_MEETING_POINT, MAX_PARTICIPANTS_INPUT, MAX_TITLE } from '../wijkschouw.schemas.ts';

/** `2026-11-24` as `24 nov 2026` (the one date format of the signals pages). */
export const dutchDate = (ctx: Pick<ViewContext, 'locale'>, iso: string) => formatDay(ctx.locale, iso);

/** The sessions the viewer may see, with a link to start a new one. */
export function WijkschouwListPage({ ctx, slug, sessions }: { ctx: ViewContext; slug: string; sessions: SessionListItem[] }) {
  const { t } = ctx;
  const base = `/${slug}/meldingen/wijkschouw`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.wijkschouw.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.wijkschouw.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/nieuw`} id="nieuwe-wijkschouw">
          {t('signals.wijkschouw.new')}
        </a>
      </p>
      <h2 class="utrecht-heading-2">{t('signals.wijkschouw.listTitle')}</h2>
      {sessions.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.wijkschouw.none')}</p>
      ) : (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('signals.wijkschouw.listCaption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {(['title', 'area', 'date', 'status', 'signals'] as const).map((c) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {t(`signals.wijkschouw.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {sessions.map((s) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={`${base}/${s.id}`}>
                    {s.title}
                  </a>
                </td>
                <td class="utrecht-table__cell">{s.areaName}</td>
                <td class="utrecht-table__cell">{dutchDate(ctx, s.walkDate)}</td>
                <td class="utrecht-table__cell">{t(`signals.wijkschouw.status.${s.status}`)}</td>
                <td class="utrecht-table__cell">{s.signalCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export interface NewSessionValues {
  title: string;
  areaCode: string;
  date: string;
  meetingPoint: string;
  participants: string;
}

/** The "Nieuwe wijkschouw" form: one participant per line in a textarea (no JavaScript needed). */
export function NewSessionPage({
  ctx,
  slug,
  areas,
  values,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  areas: { value: string; label: string }[];
  values: NewSessionValues;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const action = `/${slug}/meldingen/wijkschouw/nieuw`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.wijkschouw.new')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={t('signals.wijkschouw.new')}>
        <TextField
          name="title"
          label={t('signals.wijkschouw.form.title')}
          hint={t('signals.wijkschouw.form.titleHint')}
          value={values.title}
          error={errors?.title}
          maxLength={MAX_TITLE}
        />
        <SelectField
          name="areaCode"
          label={t('signals.wijkschouw.form.area')}
          options={[{ value: '', label: t('signals.wijkschouw.form.chooseArea') }, ...areas]}
          value={values.areaCode}
          error={errors?.areaCode}
        />
        <TextField
          name="date"
          label={t('signals.wijkschouw.form.date')}
          hint={t('signals.wijkschouw.form.dateHint')}
          value={values.date}
          error={errors?.date}
          maxLength={10}
        />
        <TextField
          name="meetingPoint"
          label={t('signals.wijkschouw.form.meetingPoint')}
          hint={t('signals.wijkschouw.form.meetingPointHint')}
          value={values.meetingPoint}
          error={errors?.meetingPoint}
          maxLength={MAX_MEETING_POINT}
        />
        <TextArea
          name="participants"
          label={t('signals.wijkschouw.form.participants')}
          hint={t('signals.wijkschouw.form.participantsHint')}
          value={values.participants}
          error={errors?.participants}
          rows={8}
          maxLength={MAX_PARTICIPANTS_INPUT}
        />
        <SubmitButton>{t('signals.wijkschouw.form.submit')}</SubmitButton>
      </Form>
    </>
  );
}

/** The table of a session's signals: number, category, place, state and routed organisation. */
export function SummaryTable({ ctx, lines, caption }: { ctx: ViewContext; lines: SummaryLine[]; caption: string }) {
  const { t } = ctx;
  if (lines.length === 0) return <p class="utrecht-paragraph">{t('signals.wijkschouw.noSignals')}</p>;
  return (
    <table class="utrecht-table" id="wijkschouw-meldingen">
      <caption class="utrecht-table__caption">{caption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {(['number', 'category', 'place', 'status', 'organisation'] as const).map((c) => (
            <th class="utrecht-table__header-cell" scope="col">
              {t(`signals.wijkschouw.col.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {lines.map((l) => (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              {l.publicId}
            </th>
            <td class="utrecht-table__cell">{l.category}</td>
            <td class="utrecht-table__cell">
              {l.place || '—'}
              {l.outsideArea ? ` (${t('signals.wijkschouw.outsideArea')})` : ''}
            </td>
            <td class="utrecht-table__cell">{t(`signals.state.${l.state}`)}</td>
            <td class="utrecht-table__cell">{l.organisation || t('signals.wijkschouw.noOrganisation')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** After closing: the summary (also what the participants receive by mail). */
export function SummaryPage({
  ctx,
  slug,
  session,
  areaName,
  lines,
  sensitiveCount,
  participantNames,
}: {
  ctx: ViewContext;
  slug: string;
  session: SessionView;
  areaName: string;
  lines: SummaryLine[];
  sensitiveCount: number;
  participantNames: string[];
}) {
  const { t } = ctx;
  const title = t('signals.wijkschouw.summaryTitle', { title: session.title });
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      {session.status === 'closed' && (
        <div class="notice" role="status">
          <p class="utrecht-paragraph">{t('signals.wijkschouw.closed')}</p>
          <p class="utrecht-paragraph">{t('signals.wijkschouw.summaryMailed')}</p>
        </div>
      )}
      <dl class="signals-facts">
        <dt>{t('signals.wijkschouw.area')}</dt>
        <dd>{areaName}</dd>
        <dt>{t('signals.wijkschouw.date')}</dt>
        <dd>{dutchDate(ctx, session.walkDate)}</dd>
        <dt>{t('signals.wijkschouw.participants')}</dt>
        <dd>{participantNames.join(', ') || '—'}</dd>
      </dl>
      <h2 class="utrecht-heading-2">{t('signals.wijkschouw.signals')}</h2>
      <SummaryTable ctx={ctx} lines={lines} caption={t('signals.wijkschouw.signals')} />
      {sensitiveCount > 0 && <p class="utrecht-paragraph">{t('signals.wijkschouw.summarySensitive', { n: sensitiveCount })}</p>}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/meldingen/wijkschouw/${session.id}`}>
          {t('signals.wijkschouw.back')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`/${slug}/meldingen/wijkschouw`}>
          {t('signals.wijkschouw.backToList')}
        </a>
      </p>
    </>
  );
}

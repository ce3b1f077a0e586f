import type { ViewContext } from '../../../../ui/context.ts';
import {
  ButtonForm,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../../../../ui/form.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { getForum, getMeeting, listForums } from '../consult.service.ts';

type Values = Record<string, string | string[]>;
export type FormState = { form: string; errors: FieldErrors; values: Values } | null;
const str = (v: Values | undefined, k: string, d = ''): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : d;
};
const KIND: Record<string, MessageKey> = {
  working_group: 'programmes.consult.kind.working_group',
  network: 'programmes.consult.kind.network',
  panel: 'programmes.consult.kind.panel',
  sounding_board: 'programmes.consult.kind.sounding_board',
  other: 'programmes.consult.kind.other',
};
const rhythm = (ctx: ViewContext, months: number | null) =>
  months === null
    ? ctx.t('programmes.consult.noRhythm')
    : months === 1
      ? ctx.t('programmes.consult.rhythmOne')
      : ctx.t('programmes.consult.rhythm', { months });

export function ForumListPage({
  ctx,
  slug,
  forums,
  canManage,
  state,
}: {
  ctx: ViewContext;
  slug: string;
  forums: Awaited<ReturnType<typeof listForums>>;
  canManage: boolean;
  state: FormState;
}) {
  const { t } = ctx;
  const errors = state?.errors;
  const values = state?.values;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('programmes.consult.title')}</h1>
      <p class="utrecht-paragraph">{t('programmes.consult.intro')}</p>
      {forums.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.consult.none')}</p>
      ) : (
        <DataTable columns={[t('programmes.consult.col.name'), t('programmes.consult.col.rhythm'), t('programmes.consult.col.next')]}>
          {forums.map((f) => (
            <tr>
              <th scope="row">
                <a class="utrecht-link" href={`/${slug}/beheer/overleggen/${f.id}`}>
                  {f.name}
                </a>{' '}
                ({t(KIND[f.kind]!)}){f.isDemo && ` — ${t('programmes.consult.demo')}`}
              </th>
              <td>{rhythm(ctx, f.rhythmMonths)}</td>
              <td>{f.next ?? t('programmes.consult.noNext')}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {canManage && (
        <section aria-labelledby="co-new">
          <h2 class="utrecht-heading-2" id="co-new">
            {t('programmes.consult.new.title')}
          </h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={`/${slug}/beheer/overleggen`} label={t('programmes.consult.new.title')}>
            <TextField
              name="name"
              label={t('programmes.consult.new.name')}
              value={str(values, 'name')}
              error={errors?.name}
              maxLength={200}
              required
            />
            <SelectField
              name="kind"
              label={t('programmes.consult.new.kind')}
              options={Object.entries(KIND).map(([value, key]) => ({ value, label: t(key) }))}
              value={str(values, 'kind', 'working_group')}
              error={errors?.kind}
            />
            <TextField
              name="rhythm"
              label={t('programmes.consult.new.rhythm')}
              value={str(values, 'rhythm')}
              error={errors?.rhythm}
              inputMode="numeric"
              maxLength={2}
            />
            <TextAreaField
              name="description"
              label={t('programmes.consult.new.description')}
              value={str(values, 'description')}
              error={errors?.description}
              maxLength={2000}
            />
            <SubmitButton>{t('programmes.consult.new.submit')}</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}

export function ForumPage({
  ctx,
  slug,
  f,
  state,
}: {
  ctx: ViewContext;
  slug: string;
  f: Awaited<ReturnType<typeof getForum>>;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/${slug}/beheer/overleggen/${f.id}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{f.name}</h1>
      <p class="utrecht-paragraph">
        {t(KIND[f.kind]!)} · {rhythm(ctx, f.rhythmMonths)}
        {f.isDemo && ` · ${t('programmes.consult.demo')}`}
      </p>
      {f.description && <p class="utrecht-paragraph">{f.description}</p>}
      {f.sourceNote && <p class="utrecht-paragraph">{f.sourceNote}</p>}
      <p class="utrecht-paragraph">{f.next ? t('programmes.consult.forum.next', { date: f.next }) : t('programmes.consult.noNext')}</p>
      <h2 class="utrecht-heading-2">{t('programmes.consult.forum.meetings')}</h2>
      {f.meetings.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.consult.forum.noMeetings')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {f.meetings.map((m) => (
            <li>
              <a class="utrecht-link" href={`${base}/vergaderingen/${m.id}`}>
                {t('programmes.consult.forum.meeting', {
                  date: m.heldOn,
                  status: t(m.status === 'held' ? 'programmes.consult.status.held' : 'programmes.consult.status.planned'),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2">{t('programmes.consult.forum.openActions')}</h2>
      {f.openActions.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.consult.forum.noActions')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {f.openActions.map((a) => (
            <li>
              {t('programmes.consult.meeting.action', { text: a.text, owner: a.ownerRole, date: a.dueOn ?? '' })}
              {a.overdue && <strong> ({t('programmes.consult.meeting.overdue')})</strong>}
            </li>
          ))}
        </ul>
      )}
      {f.canManage && (
        <section aria-labelledby="co-plan">
          <h2 class="utrecht-heading-2" id="co-plan">
            {t('programmes.consult.forum.plan')}
          </h2>
          <ErrorSummary ctx={ctx} errors={state?.errors} />
          <Form ctx={ctx} action={`${base}/vergaderingen`} label={t('programmes.consult.forum.plan')}>
            <TextField
              name="day"
              label={t('programmes.consult.forum.day')}
              hint={t('programmes.consult.forum.dayHint')}
              value={str(state?.values, 'day')}
              error={state?.errors.day}
              maxLength={10}
            />
            <SubmitButton>{t('programmes.consult.forum.planSubmit')}</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}

export function MeetingPage({
  ctx,
  slug,
  m,
  state,
}: {
  ctx: ViewContext;
  slug: string;
  m: Awaited<ReturnType<typeof getMeeting>>;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/${slug}/beheer/overleggen/${m.forum.id}/vergaderingen/${m.id}`;
  const errs = (form: string) => (state?.form === form ? state.errors : undefined);
  const vals = (form: string) => (state?.form === form ? state.values : undefined);
  const agendaKind: Record<string, MessageKey> = {
    project: 'programmes.consult.meeting.kind.project',
    signal: 'programmes.consult.meeting.kind.signal',
    other: 'programmes.consult.meeting.kind.other',
  };
  return (
    <>
      <h1 class="utrecht-heading-1">{t('programmes.consult.meeting.title', { forum: m.forum.name, date: m.heldOn })}</h1>
      <p class="utrecht-paragraph">{t(m.status === 'held' ? 'programmes.consult.status.held' : 'programmes.consult.status.planned')}</p>
      {m.notes && <p class="utrecht-paragraph">{m.notes}</p>}
      <h2 class="utrecht-heading-2">{t('programmes.consult.meeting.agenda')}</h2>
      {m.agenda.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.consult.meeting.noAgenda')}</p>
      ) : (
        <ol>
          {m.agenda.map((a) => (
            <li>
              {t(agendaKind[a.kind]!)}: {a.title}
            </li>
          ))}
        </ol>
      )}
      <h2 class="utrecht-heading-2">{t('programmes.consult.meeting.decisions')}</h2>
      {m.decisions.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.consult.meeting.noDecisions')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {m.decisions.map((d) => (
            <li>{d.text}</li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2">{t('programmes.consult.meeting.actions')}</h2>
      {m.actions.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.consult.meeting.noActions')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {m.actions.map((a) => (
            <li>
              {t('programmes.consult.meeting.action', { text: a.text, owner: a.ownerRole, date: a.dueOn ?? '' })}{' '}
              {a.doneOn ? (
                `(${t('programmes.consult.meeting.done', { date: a.doneOn })})`
              ) : (
                <>
                  {a.overdue && <strong>({t('programmes.consult.meeting.overdue')}) </strong>}
                  {m.canManage && (
                    <ButtonForm
                      ctx={ctx}
                      action={`${base}/punten/${a.id}/klaar`}
                      label={t('programmes.consult.meeting.markDoneLabel', { text: a.text })}
                      secondary
                    >
                      {t('programmes.consult.meeting.markDone')}
                    </ButtonForm>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {m.canManage && (
        <>
          <section aria-labelledby="co-agenda">
            <h2 class="utrecht-heading-2" id="co-agenda">
              {t('programmes.consult.meeting.addAgenda')}
            </h2>
            <ErrorSummary ctx={ctx} errors={errs('agenda')} />
            <Form ctx={ctx} action={`${base}/agenda`} label={t('programmes.consult.meeting.addAgenda')}>
              <SelectField
                name="kind"
                label={t('programmes.consult.meeting.agendaKind')}
                options={Object.entries(agendaKind).map(([value, key]) => ({ value, label: t(key) }))}
                value={str(vals('agenda'), 'kind', 'project')}
                error={errs('agenda')?.kind}
              />
              <SelectField
                name="project"
                label={t('programmes.consult.meeting.project')}
                options={[{ value: '', label: '—' }, ...m.projects.map((p) => ({ value: p.id, label: p.label }))]}
                value={str(vals('agenda'), 'project')}
                error={errs('agenda')?.project}
              />
              <TextField
                name="signal"
                label={t('programmes.consult.meeting.signal')}
                value={str(vals('agenda'), 'signal')}
                maxLength={40}
              />
              <TextField
                name="title"
                label={t('programmes.consult.meeting.agendaTitle')}
                hint={t('programmes.consult.meeting.agendaTitleHint')}
                value={str(vals('agenda'), 'title')}
                error={errs('agenda')?.title}
                maxLength={200}
              />
              <SubmitButton>{t('programmes.consult.meeting.addAgenda')}</SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="co-item">
            <h2 class="utrecht-heading-2" id="co-item">
              {t('programmes.consult.meeting.addItem')}
            </h2>
            <ErrorSummary ctx={ctx} errors={errs('item')} />
            <Form ctx={ctx} action={`${base}/punten`} label={t('programmes.consult.meeting.addItem')}>
              <SelectField
                name="kind"
                label={t('programmes.consult.meeting.itemKind')}
                options={[
                  { value: 'decision', label: t('programmes.consult.meeting.itemKind.decision') },
                  { value: 'action', label: t('programmes.consult.meeting.itemKind.action') },
                ]}
                value={str(vals('item'), 'kind', 'decision')}
                error={errs('item')?.kind}
              />
              <TextAreaField
                name="text"
                label={t('programmes.consult.meeting.itemText')}
                value={str(vals('item'), 'text')}
                error={errs('item')?.text}
                maxLength={1000}
                rows={2}
              />
              <TextField
                name="ownerRole"
                label={t('programmes.consult.meeting.ownerRole')}
                value={str(vals('item'), 'ownerRole')}
                error={errs('item')?.ownerRole}
                maxLength={120}
              />
              <TextField
                name="dueOn"
                label={t('programmes.consult.meeting.dueOn')}
                hint={t('programmes.consult.forum.dayHint')}
                value={str(vals('item'), 'dueOn')}
                error={errs('item')?.dueOn}
                maxLength={10}
              />
              <SubmitButton>{t('programmes.consult.meeting.itemSubmit')}</SubmitButton>
            </Form>
          </section>
          {m.status === 'planned' && (
            <section aria-labelledby="co-held">
              <h2 class="utrecht-heading-2" id="co-held">
                {t('programmes.consult.meeting.held')}
              </h2>
              <p class="utrecht-paragraph">{t('programmes.consult.meeting.heldHint')}</p>
              <Form ctx={ctx} action={`${base}/gehouden`} label={t('programmes.consult.meeting.held')}>
                <TextAreaField
                  name="notes"
                  label={t('programmes.consult.meeting.notes')}
                  value={str(vals('held'), 'notes')}
                  error={errs('held')?.notes}
                  maxLength={4000}
                />
                <SubmitButton>{t('programmes.consult.meeting.heldSubmit')}</SubmitButton>
              </Form>
            </section>
          )}
        </>
      )}
      <p>
        <a class="utrecht-link" href={`/${slug}/beheer/overleggen/${m.forum.id}`}>
          {t('programmes.consult.meeting.back', { forum: m.forum.name })}
        </a>
      </p>
    </>
  );
}

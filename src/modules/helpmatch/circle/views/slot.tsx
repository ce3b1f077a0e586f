import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { CircleTask, CircleTurn } from '../circle.presenter.ts';
import { circleBase } from './list.tsx';
import { ButtonForm, hoursText, longDate } from './fields.tsx';
import { recurrenceText } from './overview.tsx';

/** One occurrence of a task: who does it; the taker reports it done with hours, or gives it back. */
export function SlotPage({
  ctx,
  circleId,
  task,
  date,
  turn,
  takerName,
  today,
  values,
  errors,
}: {
  ctx: ViewContext;
  circleId: string;
  task: CircleTask;
  date: string;
  turn: CircleTurn | null;
  takerName: string | null;
  today: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const base = `${circleBase(ctx)}/${circleId}`;
  const path = `${base}/beurten/${task.id}/${date}`;
  const mine = turn && !turn.doneAt && turn.takenBy === ctx.user!.id;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.circle.slot.title', { task: task.title, date: longDate(ctx, date) })}</h1>
      <p class="utrecht-paragraph">{recurrenceText(ctx, task)}</p>
      {task.notes && <p class="utrecht-paragraph mail-text">{task.notes}</p>}
      <p class="utrecht-paragraph">
        {!turn
          ? t('helpmatch.circle.slot.open')
          : turn.doneAt
            ? t('helpmatch.circle.slot.doneBy', {
                name: takerName ?? t('helpmatch.circle.week.formerMember'),
                hours: hoursText(ctx, turn.hours ?? 0),
              })
            : t('helpmatch.circle.slot.takenBy', { name: takerName ?? t('helpmatch.circle.week.formerMember') })}
      </p>
      {!turn && date >= today && (
        <ButtonForm ctx={ctx} action={`${path}/oppakken`} secondary={false}>
          {t('helpmatch.circle.week.take')}
        </ButtonForm>
      )}
      {mine && (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          {date <= today ? (
            <Form ctx={ctx} action={`${path}/gedaan`}>
              <TextField
                name="hours"
                label={t('helpmatch.circle.slot.hours')}
                hint={t('helpmatch.circle.slot.hoursHint')}
                value={values?.hours}
                error={errors?.hours}
                required
                inputMode="decimal"
                autocomplete="off"
                maxLength={5}
              />
              <SubmitButton>{t('helpmatch.circle.slot.done')}</SubmitButton>
            </Form>
          ) : (
            <p class="utrecht-paragraph">{t('helpmatch.circle.slot.notYet')}</p>
          )}
          <ButtonForm ctx={ctx} action={`${path}/teruggeven`}>
            {t('helpmatch.circle.slot.release')}
          </ButtonForm>
        </>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}?week=${date}`}>
          {t('helpmatch.circle.slot.back')}
        </a>
      </p>
    </>
  );
}

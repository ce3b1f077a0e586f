import { MAX } from '../../helpmatch.schemas.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { CircleTask, CircleView, CircleWeek } from '../circle.presenter.ts';
import { addDays, mondayOf, weekdayOf } from '../circle.schedule.ts';
import { circleBase } from './list.tsx';
import { ButtonForm, hoursText, longDate, shortDate, TextAreaField } from './fields.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

export interface OverviewProps {
  ctx: ViewContext;
  circle: CircleView;
  names: ReadonlyMap<string, string>;
  week: CircleWeek;
  hours: number;
  notice: MessageKey | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
}

export function recurrenceText(ctx: ViewContext, task: CircleTask): string {
  const date = shortDate(ctx, task.startsOn);
  const weekday = ctx.t(`helpmatch.circle.weekday.${weekdayOf(task.startsOn)}`);
  const main = ctx.t(`helpmatch.circle.tasks.${task.recurrence}`, { date, weekday });
  return task.timeOfDay ? `${main}, ${ctx.t('helpmatch.circle.tasks.at', { time: task.timeOfDay })}` : main;
}

/** The circle: what members should know, who does what this week, the tasks and a form for a new one. */
export function CircleOverviewPage({ ctx, circle, names, week, hours, notice, values, errors }: OverviewProps) {
  const { t } = ctx;
  const base = `${circleBase(ctx)}/${circle.id}`;
  const me = ctx.user!.id;
  const open = week.slots.filter((s) => !s.turn).length;
  const isThisWeek = week.monday === mondayOf(week.today);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.circle.page.title', { name: circle.personName })}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <section aria-labelledby="kring-gegevens">
        <h2 class="utrecht-heading-2" id="kring-gegevens">
          {t('helpmatch.circle.page.details')}
        </h2>
        <p class="utrecht-paragraph mail-text">{circle.personDetails || t('helpmatch.circle.page.noDetails')}</p>
        <p class="utrecht-paragraph">{t('helpmatch.circle.page.hours', { hours: hoursText(ctx, hours) })}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/leden`}>
            {t('helpmatch.circle.page.members')}
          </a>
        </p>
      </section>

      <section aria-labelledby="kring-week">
        <h2 class="utrecht-heading-2" id="kring-week">
          {t('helpmatch.circle.week.title', { date: shortDate(ctx, week.monday) })}
        </h2>
        <nav aria-label={t('helpmatch.circle.week.title', { date: shortDate(ctx, week.monday) })}>
          <ul class="utrecht-unordered-list">
            <li>
              <a class="utrecht-link" href={`${base}?week=${addDays(week.monday, -7)}`}>
                {t('helpmatch.circle.week.prev')}
              </a>
            </li>
            {!isThisWeek && (
              <li>
                <a class="utrecht-link" href={base}>
                  {t('helpmatch.circle.week.thisWeek')}
                </a>
              </li>
            )}
            <li>
              <a class="utrecht-link" href={`${base}?week=${addDays(week.monday, 7)}`}>
                {t('helpmatch.circle.week.next')}
              </a>
            </li>
          </ul>
        </nav>
        {week.slots.length === 0 ? (
          <p class="utrecht-paragraph">{t('helpmatch.circle.week.empty')}</p>
        ) : (
          <>
            <p class="utrecht-paragraph">{t('helpmatch.circle.week.openCount', { count: open })}</p>
            <DataTable
              columns={[
                t('helpmatch.circle.week.day'),
                t('helpmatch.circle.week.task'),
                t('helpmatch.circle.week.who'),
                t('helpmatch.circle.week.action'),
              ]}
            >
              {week.slots.map((s) => {
                const who = s.turn
                  ? s.turn.takenBy
                    ? (names.get(s.turn.takenBy) ?? t('helpmatch.circle.week.formerMember'))
                    : t('helpmatch.circle.week.formerMember')
                  : null;
                const slotPath = `${base}/beurten/${s.task.id}/${s.date}`;
                const label = { task: s.task.title, date: longDate(ctx, s.date) };
                return (
                  <tr>
                    <td>{longDate(ctx, s.date)}</td>
                    <th scope="row">
                      {s.task.title}
                      {s.task.timeOfDay ? `, ${t('helpmatch.circle.tasks.at', { time: s.task.timeOfDay })}` : ''}
                    </th>
                    <td>
                      {!s.turn ? (
                        <strong>{t('helpmatch.circle.week.open')}</strong>
                      ) : s.turn.doneAt ? (
                        t('helpmatch.circle.week.done', { name: who!, hours: hoursText(ctx, s.turn.hours ?? 0) })
                      ) : (
                        who
                      )}
                    </td>
                    <td>
                      {!s.turn && s.date >= week.today && (
                        <ButtonForm ctx={ctx} action={`${slotPath}/oppakken`} label={t('helpmatch.circle.week.takeLabel', label)}>
                          {t('helpmatch.circle.week.take')}
                        </ButtonForm>
                      )}
                      {s.turn && !s.turn.doneAt && s.turn.takenBy === me && (
                        <a class="utrecht-link" href={slotPath} aria-label={t('helpmatch.circle.week.manageLabel', label)}>
                          {t('helpmatch.circle.week.manage')}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </>
        )}
      </section>

      <section aria-labelledby="kring-taken">
        <h2 class="utrecht-heading-2" id="kring-taken">
          {t('helpmatch.circle.tasks.title')}
        </h2>
        {week.tasks.length === 0 ? (
          <p class="utrecht-paragraph">{t('helpmatch.circle.tasks.none')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {week.tasks.map((task) => (
              <li>
                <strong>{task.title}</strong>: {recurrenceText(ctx, task)}
                {task.notes ? <span class="mail-text"> — {task.notes}</span> : null}{' '}
                {circle.role === 'owner' && (
                  <ButtonForm
                    ctx={ctx}
                    action={`${base}/taken/${task.id}/stoppen`}
                    label={t('helpmatch.circle.tasks.stopLabel', { task: task.title })}
                  >
                    {t('helpmatch.circle.tasks.stop')}
                  </ButtonForm>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3 class="utrecht-heading-3">{t('helpmatch.circle.task.new')}</h3>
        <ErrorSummary ctx={ctx} errors={errors} />
        <Form ctx={ctx} action={`${base}/taken`}>
          <TextField
            name="title"
            label={t('helpmatch.circle.task.title')}
            hint={t('helpmatch.circle.task.titleHint')}
            value={values?.title}
            error={errors?.title}
            required
            autocomplete="off"
            maxLength={MAX.title}
          />
          <TextAreaField
            name="notes"
            label={t('helpmatch.circle.task.notes')}
            value={values?.notes}
            error={errors?.notes}
            maxLength={MAX.text}
            rows={3}
          />
          <SelectField
            name="recurrence"
            label={t('helpmatch.circle.task.recurrence')}
            value={values?.recurrence ?? 'weekly'}
            error={errors?.recurrence}
            options={(['weekly', 'biweekly', 'once'] as const).map((v) => ({
              value: v,
              label: t(`helpmatch.circle.task.recurrence.${v}`),
            }))}
          />
          <TextField
            name="startsOn"
            label={t('helpmatch.circle.task.startsOn')}
            hint={t('helpmatch.circle.task.startsOnHint')}
            value={values?.startsOn ?? week.today}
            error={errors?.startsOn}
            required
            autocomplete="off"
            maxLength={10}
          />
          <TextField
            name="timeOfDay"
            label={t('helpmatch.circle.task.time')}
            hint={t('helpmatch.circle.task.timeHint')}
            value={values?.timeOfDay}
            error={errors?.timeOfDay}
            autocomplete="off"
            maxLength={5}
          />
          <SubmitButton>{t('helpmatch.circle.task.submit')}</SubmitButton>
        </Form>
      </section>
    </>
  );
}

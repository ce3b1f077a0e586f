import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { IdeaView, PollView, WijkChoice, WijkPage as WijkModel } from '../youth.service.ts';
import { MAX_IDEA, MAX_NICKNAME } from '../youth.schemas.ts';

type Values = Record<string, string | string[]>;
const str = (v: Values | undefined, k: string): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : '';
};

/** A calendar day ('2026-12-07') as "7 december 2026". */
export function formatDay(ctx: ViewContext, day: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

const base = (slug: string) => `/${slug}/jongeren`;

/** `/{tenant}/jongeren`: choose your wijk. */
export function YouthStart({ ctx, slug, wijken }: { ctx: ViewContext; slug: string; wijken: WijkChoice[] }) {
  const { t } = ctx;
  return (
    <div class="youth">
      <h1 class="utrecht-heading-1">{t('initiatives.youth.title')}</h1>
      <p class="utrecht-paragraph">{t('initiatives.youth.intro')}</p>
      <h2 class="utrecht-heading-2">{t('initiatives.youth.chooseWijk')}</h2>
      {wijken.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.youth.noWijken')}</p>
      ) : (
        <ul class="utrecht-unordered-list youth-wijken">
          {wijken.map((w) => (
            <li>
              <a class="utrecht-link" href={`${base(slug)}/${w.code}`}>
                {w.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base(slug)}/mijn`}>
          {t('initiatives.youth.mineLink')}
        </a>
      </p>
    </div>
  );
}

/** What became of an idea: status and the youth worker's answer (and the initiative it became). */
export function IdeaCard({
  ctx,
  slug,
  idea,
  heading = 3,
  wijk,
}: {
  ctx: ViewContext;
  slug: string;
  idea: IdeaView;
  heading?: 2 | 3;
  wijk?: string;
}) {
  const { t } = ctx;
  const H = heading === 2 ? 'h2' : 'h3';
  return (
    <article class="youth-idea">
      <H class={`utrecht-heading-${heading}`}>
        {idea.nickname !== '' ? t('initiatives.youth.by', { nickname: idea.nickname }) : t('initiatives.youth.anonymous')}
      </H>
      <p class="utrecht-paragraph youth-idea-text">{idea.text}</p>
      <p class="utrecht-paragraph youth-meta">
        {t('initiatives.youth.postedOn', { date: formatDay(ctx, idea.createdOn) })}
        {wijk ? ` · ${t('initiatives.youth.mineWijk', { name: wijk })}` : ''}
      </p>
      {wijk !== undefined && <p class="utrecht-paragraph">{t(`initiatives.youth.moderation.${idea.moderation}`)}</p>}
      <p class="utrecht-paragraph youth-status">
        <strong>{t('initiatives.youth.whatHappened', { status: t(`initiatives.youth.status.${idea.status}`) })}</strong>
      </p>
      {idea.response !== '' && <p class="utrecht-paragraph">{t('initiatives.youth.answer', { text: idea.response })}</p>}
      {idea.applicationId && (
        <p class="utrecht-paragraph">
          {t('initiatives.youth.applicationMade')}{' '}
          <a class="utrecht-link" href={`/${slug}/samen-doen`}>
            {t('initiatives.youth.initiativeLink')}
          </a>
        </p>
      )}
      {idea.isDemo && <p class="utrecht-paragraph demo-label">{t('initiatives.youth.demo')}</p>}
    </article>
  );
}

function PollResults({ ctx, poll }: { ctx: ViewContext; poll: PollView }) {
  const { t } = ctx;
  return (
    <>
      <p class="utrecht-paragraph">{t(poll.state === 'closed' ? 'initiatives.youth.pollClosed' : 'initiatives.youth.pollAnswered')}</p>
      <table class="data-table">
        <caption class="visually-hidden">{poll.question}</caption>
        <thead>
          <tr>
            <th scope="col">{t('initiatives.youth.pollOption')}</th>
            <th scope="col">{t('initiatives.youth.pollCount')}</th>
            <th scope="col">{t('initiatives.youth.pollPercent')}</th>
          </tr>
        </thead>
        <tbody>
          {poll.options.map((o) => (
            <tr>
              <th scope="row">{o.label}</th>
              <td>{o.count}</td>
              <td>{o.percent} %</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="utrecht-paragraph">{t('initiatives.youth.pollTotal', { count: poll.total })}</p>
    </>
  );
}

export function PollBlock({
  ctx,
  slug,
  wijk,
  poll,
  error,
}: {
  ctx: ViewContext;
  slug: string;
  wijk: string;
  poll: PollView;
  error?: string | undefined;
}) {
  const { t } = ctx;
  const id = `answer-${poll.id}`;
  return (
    <section class="youth-poll" aria-labelledby={`poll-${poll.id}`}>
      <h3 class="utrecht-heading-3" id={`poll-${poll.id}`}>
        {poll.question}
      </h3>
      {poll.isDemo && <p class="utrecht-paragraph demo-label">{t('initiatives.youth.demo')}</p>}
      {poll.state === 'open' ? (
        <Form ctx={ctx} action={`${base(slug)}/${wijk}/peiling/${poll.id}`} label={poll.question}>
          <fieldset
            class={`utrecht-form-fieldset choice-group${error ? ' utrecht-form-fieldset--invalid' : ''}`}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].join(' ').trim()}
          >
            <legend class="utrecht-form-fieldset__legend utrecht-form-label">{poll.question}</legend>
            <div class="utrecht-form-field-description" id={`${id}-hint`}>
              {t('initiatives.youth.pollOpenUntil', { date: formatDay(ctx, poll.closesOn) })}
            </div>
            {error && (
              <div class="utrecht-form-field-error-message" id={`${id}-error`}>
                {error}
              </div>
            )}
            {poll.options.map((o, i) => (
              <div class="utrecht-form-field utrecht-form-field--radio">
                <input
                  class="utrecht-radio-button utrecht-radio-button--html-input"
                  type="radio"
                  id={`${id}-${i}`}
                  name="answer"
                  value={o.key}
                />{' '}
                <label class="utrecht-form-label utrecht-form-label--radio" for={`${id}-${i}`}>
                  {o.label}
                </label>
              </div>
            ))}
          </fieldset>
          <SubmitButton>{t('initiatives.youth.pollSend')}</SubmitButton>
        </Form>
      ) : (
        <>
          {error && (
            <p class="utrecht-form-field-error-message" role="alert">
              {error}
            </p>
          )}
          <PollResults ctx={ctx} poll={poll} />
        </>
      )}
    </section>
  );
}

export interface WijkPageProps {
  ctx: ViewContext;
  slug: string;
  model: WijkModel;
  notice?: MessageKey | null;
  errors?: FieldErrors;
  values?: Values;
  /** The poll a refused answer belongs to (its message shows beside it). */
  pollError?: { id: string; message: string } | null;
}

/** `/{tenant}/jongeren/{wijk}`: the idea form, the ideas let through and what became of them, the polls. */
export function YouthWijkPage({ ctx, slug, model, notice, errors, values, pollError }: WijkPageProps) {
  const { t } = ctx;
  const { wijk } = model;
  return (
    <div class="youth">
      <h1 class="utrecht-heading-1">{t('initiatives.youth.wijkTitle', { name: wijk.name })}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base(slug)}/mijn`}>
          {t('initiatives.youth.mineLink')}
        </a>
      </p>
      <section aria-labelledby="youth-form">
        <h2 class="utrecht-heading-2" id="youth-form">
          {t('initiatives.youth.formTitle')}
        </h2>
        <ErrorSummary ctx={ctx} errors={errors} />
        <Form ctx={ctx} action={`${base(slug)}/${wijk.code}/idee`} label={t('initiatives.youth.formTitle')}>
          <TextAreaField
            name="text"
            label={t('initiatives.youth.text')}
            hint={t('initiatives.youth.textHint')}
            error={errors?.text}
            value={str(values, 'text')}
            maxLength={MAX_IDEA}
            rows={4}
          />
          <TextField
            name="nickname"
            label={t('initiatives.youth.nickname')}
            hint={t('initiatives.youth.nicknameHint')}
            error={errors?.nickname}
            value={str(values, 'nickname')}
            autocomplete="off"
            maxLength={MAX_NICKNAME}
          />
          <p class="utrecht-paragraph">{t('initiatives.youth.moderationNote')}</p>
          <p class="utrecht-paragraph">{t('initiatives.youth.cookieNote')}</p>
          <SubmitButton>{t('initiatives.youth.send')}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="youth-polls">
        <h2 class="utrecht-heading-2" id="youth-polls">
          {t('initiatives.youth.pollsTitle')}
        </h2>
        {model.polls.length === 0 ? (
          <p class="utrecht-paragraph">{t('initiatives.youth.pollsNone')}</p>
        ) : (
          model.polls.map((p) => (
            <PollBlock ctx={ctx} slug={slug} wijk={wijk.code} poll={p} error={pollError?.id === p.id ? pollError.message : undefined} />
          ))
        )}
      </section>
      <section aria-labelledby="youth-ideas">
        <h2 class="utrecht-heading-2" id="youth-ideas">
          {t('initiatives.youth.ideasTitle')}
        </h2>
        {model.ideas.length === 0 ? (
          <p class="utrecht-paragraph">{t('initiatives.youth.ideasNone')}</p>
        ) : (
          model.ideas.map((i) => <IdeaCard ctx={ctx} slug={slug} idea={i} />)
        )}
      </section>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base(slug)}>
          {t('initiatives.youth.back')}
        </a>
      </p>
    </div>
  );
}

/** `/{tenant}/jongeren/mijn`: the ideas of this device, also those waiting or not published. */
export function YouthMinePage({
  ctx,
  slug,
  ideas,
  wijken,
  notice,
}: {
  ctx: ViewContext;
  slug: string;
  ideas: IdeaView[];
  wijken: Map<string, string>;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  return (
    <div class="youth">
      <h1 class="utrecht-heading-1">{t('initiatives.youth.mineTitle')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('initiatives.youth.mineIntro')}</p>
      {ideas.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.youth.mineNone')}</p>
      ) : (
        ideas.map((i) => <IdeaCard ctx={ctx} slug={slug} idea={i} heading={2} wijk={wijken.get(i.areaCode) ?? i.areaCode} />)
      )}
      <p class="utrecht-paragraph">{t('initiatives.youth.mineLimit')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base(slug)}>
          {t('initiatives.youth.back')}
        </a>
      </p>
    </div>
  );
}

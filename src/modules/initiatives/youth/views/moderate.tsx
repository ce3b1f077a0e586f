import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { IdeaView, ModerationPage } from '../youth.service.ts';
import { IDEA_STATUSES, MAX_QUESTION, MAX_RESPONSE, MODERATIONS } from '../youth.schemas.ts';
import { formatDay } from './youth-pages.tsx';

type Values = Record<string, string | string[]>;
const str = (v: Values | undefined, k: string): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : '';
};

function Select({
  id,
  name,
  label,
  options,
  value,
  error,
}: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
  error?: string | undefined;
}) {
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      {error && (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id={id} name={name} aria-describedby={error ? `${id}-error` : undefined}>
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function IdeaForm({
  ctx,
  slug,
  idea,
  wijk,
  funds,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  idea: IdeaView;
  wijk: string;
  funds: ModerationPage['funds'];
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const date = formatDay(ctx, idea.createdOn);
  const key = idea.id.slice(0, 8);
  return (
    <article class="youth-idea" aria-labelledby={`idea-${key}`}>
      <h3 class="utrecht-heading-3" id={`idea-${key}`}>
        {t('initiatives.youth.moderate.ideaHeading', { wijk, date })}
      </h3>
      <p class="utrecht-paragraph youth-idea-text">{idea.text}</p>
      <p class="utrecht-paragraph">
        {idea.nickname !== '' ? t('initiatives.youth.by', { nickname: idea.nickname }) : t('initiatives.youth.anonymous')}
      </p>
      {idea.applicationId && <p class="utrecht-paragraph">{t('initiatives.youth.moderate.application')}</p>}
      {!idea.applicationId && idea.moderation === 'shown' && (
        <ul class="utrecht-unordered-list">
          {funds.map((f) => (
            <li>
              <a class="utrecht-link" href={`/${slug}/samen-doen/${f.slug}/aanvragen?jongerenidee=${idea.id}`}>
                {funds.length > 1
                  ? t('initiatives.youth.moderate.startApplicationAt', { fund: f.name })
                  : t('initiatives.youth.moderate.startApplication')}
              </a>
            </li>
          ))}
        </ul>
      )}
      {errors && <ErrorSummary ctx={ctx} errors={errors} />}
      <form
        method="post"
        action={`/${slug}/beheer/jongeren/idee/${idea.id}`}
        class="form"
        novalidate
        aria-label={t('initiatives.youth.moderate.saveFor', { wijk, date })}
      >
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Select
          id={`mod-${key}`}
          name="moderation"
          label={t('initiatives.youth.moderate.moderation')}
          value={idea.moderation}
          error={errors?.moderation}
          options={MODERATIONS.map((m) => ({ value: m, label: t(`initiatives.youth.moderation.${m}`) }))}
        />
        <Select
          id={`status-${key}`}
          name="status"
          label={t('initiatives.youth.moderate.status')}
          value={idea.status}
          error={errors?.status}
          options={IDEA_STATUSES.map((s) => ({ value: s, label: t(`initiatives.youth.status.${s}`) }))}
        />
        <TextAreaField
          id={`response-${key}`}
          name="response"
          label={t('initiatives.youth.moderate.response')}
          hint={t('initiatives.youth.moderate.responseHint')}
          error={errors?.response}
          value={idea.response}
          maxLength={MAX_RESPONSE}
          rows={3}
        />
        <div class={`utrecht-form-field${errors?.reference ? ' utrecht-form-field--invalid' : ''}`}>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={`ref-${key}`}>
              {t('initiatives.youth.moderate.reference')}
            </label>
          </div>
          <div class="utrecht-form-field-description" id={`ref-${key}-hint`}>
            {t('initiatives.youth.moderate.referenceHint')}
          </div>
          {errors?.reference && (
            <div class="utrecht-form-field-error-message" id={`ref-${key}-error`}>
              {errors.reference}
            </div>
          )}
          <div class="utrecht-form-field__input">
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id={`ref-${key}`}
              name="reference"
              value=""
              maxLength={20}
              autocomplete="off"
              aria-describedby={`ref-${key}-hint${errors?.reference ? ` ref-${key}-error` : ''}`}
            />
          </div>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {t('initiatives.youth.moderate.save')}
        </button>
      </form>
    </article>
  );
}

export interface ModeratePageProps {
  ctx: ViewContext;
  slug: string;
  model: ModerationPage;
  notice?: MessageKey | null;
  /** Field messages of one idea's form (by idea id), or of the new poll form. */
  ideaErrors?: { id: string; errors: FieldErrors } | null;
  pollErrors?: FieldErrors;
  pollValues?: Values;
}

/** `/{tenant}/beheer/jongeren`: check ideas before they go online, say what became of them, open polls. */
export function ModerateYouthPage({ ctx, slug, model, notice, ideaErrors, pollErrors, pollValues }: ModeratePageProps) {
  const { t } = ctx;
  const names = new Map(model.wijken.map((w) => [w.code, w.name]));
  const wijkName = (code: string | null) => (code === null ? t('initiatives.youth.moderate.allAreas') : (names.get(code) ?? code));
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.youth.moderate.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('initiatives.youth.moderate.intro')}</p>
      {model.ideas.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.youth.moderate.none')}</p>
      ) : (
        model.ideas.map((i) => (
          <IdeaForm
            ctx={ctx}
            slug={slug}
            idea={i}
            wijk={wijkName(i.areaCode)}
            funds={model.funds}
            errors={ideaErrors?.id === i.id ? ideaErrors.errors : undefined}
          />
        ))
      )}
      <h2 class="utrecht-heading-2">{t('initiatives.youth.moderate.pollsTitle')}</h2>
      {model.polls.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.youth.moderate.pollsNone')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {model.polls.map((p) => (
            <li>
              <strong>{p.question}</strong> —{' '}
              {t('initiatives.youth.moderate.pollWhere', {
                wijk: wijkName(p.areaCode),
                from: formatDay(ctx, p.opensOn),
                to: formatDay(ctx, p.closesOn),
              })}
              . {p.options.map((o) => `${o.label}: ${o.count}`).join(' · ')}
            </li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2" id="nieuwe-vraag">
        {t('initiatives.youth.moderate.newPoll')}
      </h2>
      <ErrorSummary ctx={ctx} errors={pollErrors} />
      <Form ctx={ctx} action={`/${slug}/beheer/jongeren/peiling`} label={t('initiatives.youth.moderate.newPoll')}>
        <SelectField
          name="area"
          label={t('initiatives.youth.moderate.pollArea')}
          value={str(pollValues, 'area')}
          error={pollErrors?.area}
          options={[
            { value: '', label: t('initiatives.youth.moderate.allAreas') },
            ...model.wijken.map((w) => ({ value: w.code, label: w.name })),
          ]}
        />
        <TextField
          name="question"
          label={t('initiatives.youth.moderate.pollQuestion')}
          error={pollErrors?.question}
          value={str(pollValues, 'question')}
          maxLength={MAX_QUESTION}
        />
        <TextAreaField
          name="options"
          label={t('initiatives.youth.moderate.pollOptions')}
          hint={t('initiatives.youth.moderate.pollOptionsHint')}
          error={pollErrors?.options}
          value={str(pollValues, 'options')}
          rows={4}
        />
        <TextField
          name="opensOn"
          label={t('initiatives.youth.moderate.pollOpens')}
          error={pollErrors?.opensOn}
          value={str(pollValues, 'opensOn')}
          maxLength={10}
        />
        <TextField
          name="closesOn"
          label={t('initiatives.youth.moderate.pollCloses')}
          error={pollErrors?.closesOn}
          value={str(pollValues, 'closesOn')}
          maxLength={10}
        />
        <SubmitButton>{t('initiatives.youth.moderate.pollCreate')}</SubmitButton>
      </Form>
    </>
  );
}

/** Settings page: standard texts per public state, the tenant default and the categories' own texts. */
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, type FieldErrors } from '../../../../ui/form.tsx';
import type { Category, StandardText } from '../categories.presenter.ts';
import type { SignalState } from '../../workflow.ts';
import { ButtonForm, IdTextArea, Saved, Section } from './config-parts.tsx';

export interface TextsPageProps {
  ctx: ViewContext;
  slug: string;
  states: readonly SignalState[];
  categories: Category[];
  texts: StandardText[];
  /** Errors of one form, keyed `{state}:{categoryId}` (empty category for the default) or `new`. */
  errorFor?: string;
  errors?: FieldErrors | undefined;
  values?: { state?: string; categoryId?: string; text?: string; textEn?: string };
  saved: boolean;
  maxLength: number;
}

/** Every public state with its default text and the categories' own texts, and a form to add one. */
export function TextsPage(p: TextsPageProps) {
  const { ctx, slug } = p;
  const { t } = ctx;
  const action = `/${slug}/beheer/meldingen/teksten`;
  const catName = (id: string | null) => p.categories.find((c) => c.id === id)?.name ?? '?';
  const errorsOf = (key: string) => (p.errorFor === key ? p.errors : undefined);
  const TextForm = ({
    state,
    categoryId,
    label,
    current,
  }: {
    state: SignalState;
    categoryId: string | null;
    label: string;
    current: StandardText | undefined;
  }) => {
    const key = `${state}:${categoryId ?? ''}`;
    const errors = errorsOf(key);
    const id = `tekst-${state}-${categoryId ?? 'standaard'}`;
    const what = categoryId
      ? t('signals.config.texts.what', { category: catName(categoryId), state: t(`signals.state.${state}`) })
      : t('signals.config.texts.whatDefault', { state: t(`signals.state.${state}`) });
    return (
      <div class="section">
        {errors && (
          <div class="utrecht-alert utrecht-alert--error error-summary" role="alert">
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`#${id}`}>
                {errors.text ?? errors.textEn ?? Object.values(errors)[0]}
              </a>
            </p>
          </div>
        )}
        <Form ctx={ctx} action={action} label={what}>
          <input type="hidden" name="state" value={state} />
          <input type="hidden" name="categoryId" value={categoryId ?? ''} />
          <IdTextArea
            id={id}
            name="text"
            label={label}
            value={errors && p.values?.text !== undefined ? p.values.text : current?.text}
            error={errors?.text}
            maxLength={p.maxLength}
          />
          <IdTextArea
            id={`${id}-en`}
            name="textEn"
            label={t('signals.config.texts.english')}
            hint={t('signals.config.texts.english.hint')}
            value={errors && p.values?.textEn !== undefined ? p.values.textEn : current?.textEn}
            error={errors?.textEn}
            maxLength={p.maxLength}
          />
          <SubmitButton>{t('signals.config.texts.save', { what })}</SubmitButton>
        </Form>
        {current !== undefined && (
          <ButtonForm
            ctx={ctx}
            action={`${action}/verwijderen`}
            label={t('signals.config.texts.remove', { what })}
            hidden={{ state, categoryId: categoryId ?? '' }}
          />
        )}
      </div>
    );
  };
  const newErrors = errorsOf('new');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.config.texts.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.config.texts.intro')}</p>
      <Saved show={p.saved} text={t('signals.config.saved')} />
      {p.states.map((state) => {
        const own = p.texts.filter((r) => r.state === state && r.categoryId !== null);
        const def = p.texts.find((r) => r.state === state && r.categoryId === null);
        return (
          <Section id={`status-${state}`} title={t(`signals.state.${state}`)}>
            <TextForm state={state} categoryId={null} label={t('signals.config.texts.default')} current={def} />
            <h3 class="utrecht-heading-3">{t('signals.config.texts.own')}</h3>
            {own.length === 0 ? (
              <p class="utrecht-paragraph">{t('signals.config.texts.noOwn')}</p>
            ) : (
              own.map((r) => (
                <TextForm
                  state={state}
                  categoryId={r.categoryId}
                  label={t('signals.config.texts.for', { category: catName(r.categoryId) })}
                  current={r}
                />
              ))
            )}
          </Section>
        );
      })}
      <Section id="eigen-tekst" title={t('signals.config.texts.new')}>
        <p class="utrecht-paragraph">{t('signals.config.texts.newIntro')}</p>
        <ErrorSummary ctx={ctx} errors={newErrors} />
        <Form ctx={ctx} action={action} label={t('signals.config.texts.new')}>
          <input type="hidden" name="form" value="new" />
          <SelectField
            name="state"
            label={t('signals.config.texts.field.state')}
            value={p.values?.state}
            error={newErrors?.state}
            options={p.states.map((s) => ({ value: s, label: t(`signals.state.${s}`) }))}
          />
          <SelectField
            name="categoryId"
            label={t('signals.config.texts.field.category')}
            value={p.values?.categoryId}
            error={newErrors?.categoryId}
            options={p.categories.map((c) => ({ value: c.id, label: c.name }))}
          />
          <IdTextArea
            id="veld-text"
            name="text"
            label={t('signals.config.texts.field.text')}
            value={newErrors ? p.values?.text : ''}
            error={newErrors?.text}
            maxLength={p.maxLength}
          />
          <IdTextArea
            id="veld-textEn"
            name="textEn"
            label={t('signals.config.texts.english')}
            hint={t('signals.config.texts.english.hint')}
            value={newErrors ? p.values?.textEn : ''}
            error={newErrors?.textEn}
            maxLength={p.maxLength}
          />
          <SubmitButton>{t('signals.config.texts.add')}</SubmitButton>
        </Form>
      </Section>
    </>
  );
}

import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, fieldId, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { Category, CategoryTree } from '../../config/categories.presenter.ts';
import { MAX_ADDRESS, MAX_DESCRIPTION } from '../../signals.service.ts';
import type { ParticipantView, SessionView, SummaryLine } from '../wijkschouw.presenter.ts';
import { Radios, TextArea } from '../../views/parts.tsx';
import { dutchDate, SummaryTable } from './wijkschouw.tsx';
import { MAX_PERSON } from '../wijkschouw.schemas.ts';
import { MAX_COORDINATE, MAX_EMAIL } from '../../signals.schemas.ts';
import { MAX_ANSWER_LENGTH } from '../../config/questions.ts';

export interface SignalValues {
  description: string;
  address: string;
  lat: string;
  lon: string;
  contactName: string;
  contactEmail: string;
  answers: Record<string, string>;
  submissionId: string;
}

export interface SessionPageProps {
  ctx: ViewContext;
  slug: string;
  session: SessionView;
  areaName: string;
  canClose: boolean;
  participants: ParticipantView[];
  lines: SummaryLine[];
  /** Non-sensitive categories, grouped, for step 1 of "Melding toevoegen". */
  tree: CategoryTree[];
  /** Step 2: the chosen category with its questions. */
  category: Category | null;
  values: SignalValues;
  errors?: FieldErrors | undefined;
  participantErrors?: FieldErrors | undefined;
  added?: string | null;
  hardStop?: string | null;
}

const optional = (ctx: ViewContext, label: string, required: boolean) => label + (required ? '' : ` (${ctx.t('signals.report.optional')})`);

/** Step 2 of adding a signal: the category's questions, description, place and an optional other contact. */
function SignalForm({
  ctx,
  base,
  category,
  values,
  errors,
}: {
  ctx: ViewContext;
  base: string;
  category: Category;
  values: SignalValues;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={`${base}/meldingen`} label={t('signals.wijkschouw.signalFor', { category: category.name })}>
      <input type="hidden" name="category" value={category.serviceCode} />
      <input type="hidden" name="submissionId" value={values.submissionId} />
      {category.questions.map((q) => {
        const name = `answer_${q.key}`;
        const label = optional(ctx, q.label, q.required);
        if (q.type === 'yesno') {
          return (
            <Radios
              name={name}
              legend={label}
              options={[
                { value: 'ja', label: t('signals.report.yes') },
                { value: 'nee', label: t('signals.report.no') },
              ]}
              value={values.answers[q.key]}
              error={errors?.[name]}
            />
          );
        }
        if (q.type === 'select') {
          return (
            <SelectField
              name={name}
              label={label}
              options={[{ value: '', label: t('signals.report.choose') }, ...(q.options ?? []).map((o) => ({ value: o, label: o }))]}
              value={values.answers[q.key]}
              error={errors?.[name]}
            />
          );
        }
        return <TextField name={name} label={label} value={values.answers[q.key]} error={errors?.[name]} maxLength={MAX_ANSWER_LENGTH} />;
      })}
      <TextArea
        name="description"
        label={t('signals.report.description')}
        hint={t('signals.report.descriptionHint')}
        value={values.description}
        error={errors?.description}
        maxLength={MAX_DESCRIPTION}
        rows={4}
      />
      <TextField
        name="address"
        label={t('signals.report.address')}
        hint={t('signals.report.addressHint')}
        value={values.address}
        error={errors?.address}
        maxLength={MAX_ADDRESS}
      />
      <TextField
        name="lat"
        label={t('signals.report.lat')}
        hint={t('signals.report.coordsHint')}
        value={values.lat}
        error={errors?.lat}
        inputMode="decimal"
        maxLength={MAX_COORDINATE}
      />
      <TextField
        name="lon"
        label={t('signals.report.lon')}
        value={values.lon}
        error={errors?.lon}
        inputMode="decimal"
        maxLength={MAX_COORDINATE}
      />
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t('signals.wijkschouw.contact')}</legend>
        <p class="utrecht-paragraph">{t('signals.wijkschouw.contactHint')}</p>
        <TextField
          name="contactName"
          label={t('signals.wijkschouw.contactName')}
          value={values.contactName}
          error={errors?.contactName}
          maxLength={MAX_PERSON}
        />
        <TextField
          name="contactEmail"
          type="email"
          label={t('signals.wijkschouw.contactEmail')}
          value={values.contactEmail}
          error={errors?.contactEmail}
          maxLength={MAX_EMAIL}
        />
      </fieldset>
      <SubmitButton>{t('signals.wijkschouw.saveSignal')}</SubmitButton>
    </Form>
  );
}

/** Step 1: choose the category (a GET form back to this page; sensitive categories are not offered). */
function ChooseCategory({
  ctx,
  base,
  slug,
  tree,
  error,
}: {
  ctx: ViewContext;
  base: string;
  slug: string;
  tree: CategoryTree[];
  error?: string | undefined;
}) {
  const { t } = ctx;
  const id = fieldId('categorie');
  return (
    <>
      <form method="get" action={base} class="form" aria-label={t('signals.wijkschouw.addSignal')}>
        <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={id}>
              {t('signals.wijkschouw.chooseCategory')}
            </label>
          </div>
          <div class="utrecht-form-field-description" id={`${id}-hint`}>
            {t('signals.wijkschouw.chooseCategoryHint')}
          </div>
          {error && (
            <div class="utrecht-form-field-error-message" id={`${id}-error`}>
              {error}
            </div>
          )}
          <div class="utrecht-form-field__input">
            <select
              class="utrecht-select utrecht-select--html-select"
              id={id}
              name="categorie"
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            >
              <option value="">{t('signals.wijkschouw.choose')}</option>
              {tree.map(({ group, categories }) => (
                <optgroup label={group.name}>
                  {categories.map((c) => (
                    <option value={c.serviceCode}>{c.name}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {t('signals.wijkschouw.next')}
        </button>
      </form>
      <p class="utrecht-paragraph">
        {t('signals.wijkschouw.sensitiveNote')}{' '}
        <a class="utrecht-link" href={`/${slug}/meldingen`}>
          {t('signals.wijkschouw.sensitiveLink')}
        </a>
      </p>
    </>
  );
}

/** The session: facts, participants, the signals recorded so far, "Melding toevoegen" and "Wijkschouw afronden". */
export function SessionPage(p: SessionPageProps) {
  const { ctx, slug, session } = p;
  const { t } = ctx;
  const base = `/${slug}/meldingen/wijkschouw/${session.id}`;
  const closed = session.status === 'closed';
  return (
    <>
      <h1 class="utrecht-heading-1">{session.title}</h1>
      {p.added && (
        <div class="notice" role="status" id="toegevoegd">
          <p class="utrecht-paragraph">{t('signals.wijkschouw.added', { id: p.added })}</p>
        </div>
      )}
      <dl class="signals-facts">
        <dt>{t('signals.wijkschouw.area')}</dt>
        <dd>{p.areaName}</dd>
        <dt>{t('signals.wijkschouw.date')}</dt>
        <dd>{dutchDate(ctx, session.walkDate)}</dd>
        <dt>{t('signals.wijkschouw.meetingPoint')}</dt>
        <dd>{session.meetingPoint || '—'}</dd>
        <dt>{t('signals.wijkschouw.status')}</dt>
        <dd id="status">{t(`signals.wijkschouw.status.${session.status}`)}</dd>
      </dl>

      <h2 class="utrecht-heading-2" id="meldingen">
        {t('signals.wijkschouw.signals')}
      </h2>
      <SummaryTable ctx={ctx} lines={p.lines} caption={t('signals.wijkschouw.signals')} />

      {!closed && (
        <section aria-labelledby="melding-toevoegen" class="section">
          <h2 class="utrecht-heading-2" id="melding-toevoegen">
            {p.category ? t('signals.wijkschouw.signalFor', { category: p.category.name }) : t('signals.wijkschouw.addSignal')}
          </h2>
          {p.hardStop && (
            <div class="utrecht-alert utrecht-alert--warning" role="alert">
              <h3 class="utrecht-heading-3">{t('signals.wijkschouw.hardStop')}</h3>
              <p class="utrecht-paragraph">{p.hardStop}</p>
            </div>
          )}
          <ErrorSummary ctx={ctx} errors={p.errors} />
          {p.category ? (
            <>
              <SignalForm ctx={ctx} base={base} category={p.category} values={p.values} errors={p.errors} />
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href={`${base}#melding-toevoegen`}>
                  {t('signals.wijkschouw.otherCategory')}
                </a>
              </p>
            </>
          ) : (
            <ChooseCategory ctx={ctx} base={base} slug={slug} tree={p.tree} error={p.errors?.categorie} />
          )}
        </section>
      )}

      <h2 class="utrecht-heading-2" id="deelnemers">
        {t('signals.wijkschouw.participants')}
      </h2>
      {p.participants.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.wijkschouw.noParticipants')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {p.participants.map((x) => (
            <li>
              {x.name}
              {x.role ? ` — ${x.role}` : ''}
              {x.getsSummary ? ` (${t('signals.wijkschouw.getsSummary')})` : ''}
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <>
          <h3 class="utrecht-heading-3">{t('signals.wijkschouw.addParticipant')}</h3>
          <Form ctx={ctx} action={`${base}/deelnemers`} label={t('signals.wijkschouw.addParticipant')}>
            <ErrorSummary ctx={ctx} errors={p.participantErrors} />
            <TextField
              name="name"
              label={t('signals.wijkschouw.participant.name')}
              error={p.participantErrors?.name}
              maxLength={MAX_PERSON}
            />
            <TextField name="role" label={t('signals.wijkschouw.participant.role')} maxLength={MAX_PERSON} />
            <TextField
              name="email"
              type="email"
              label={t('signals.wijkschouw.participant.email')}
              error={p.participantErrors?.email}
              maxLength={MAX_EMAIL}
            />
            <SubmitButton>{t('signals.wijkschouw.addParticipant')}</SubmitButton>
          </Form>
        </>
      )}

      <h2 class="utrecht-heading-2" id="afronden">
        {t('signals.wijkschouw.close')}
      </h2>
      {closed ? (
        <p class="utrecht-paragraph">
          {t('signals.wijkschouw.closed')}{' '}
          <a class="utrecht-link" href={`${base}/samenvatting`}>
            {t('signals.wijkschouw.showSummary')}
          </a>
        </p>
      ) : p.canClose ? (
        <>
          <p class="utrecht-paragraph">{t('signals.wijkschouw.closeText')}</p>
          <Form ctx={ctx} action={`${base}/afronden`} label={t('signals.wijkschouw.close')}>
            <SubmitButton>{t('signals.wijkschouw.close')}</SubmitButton>
          </Form>
        </>
      ) : (
        <p class="utrecht-paragraph">{t('signals.wijkschouw.error.closeForbidden')}</p>
      )}
    </>
  );
}

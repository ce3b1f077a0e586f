import type { ViewContext } from '../../../../ui/context.ts';
import {
  ButtonForm,
  ChoiceGroup,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { CONTRIBUTION_KINDS, QUESTIONS } from '../perspective.questions.ts';
import { MAX_CHANGE_NOTE, MAX_TEXT } from '../perspective.schemas.ts';
import type { PerspectivePage as Model, VersionSummary } from '../perspective.service.ts';
import { formatDay, PerspectiveDocument } from './perspective-document.tsx';

export interface ContributionValues {
  kind: string;
  question: string;
  text: string;
  organisation: string;
}
export interface VersionValues {
  priorities: string;
  agreedWith: string[];
  changeNote: string;
}

export interface PerspectivePageProps {
  ctx: ViewContext;
  slug: string;
  model: Model;
  notice?: { key: MessageKey; vars?: Record<string, string | number> } | null;
  contribution?: { values: ContributionValues; errors?: FieldErrors } | undefined;
  version?: { values: VersionValues; errors?: FieldErrors } | undefined;
}

function VersionLine({ ctx, v }: { ctx: ViewContext; v: VersionSummary }) {
  const { t, locale } = ctx;
  const extra = [
    v.changeNote,
    v.added > 0 ? t('monitor.perspective.versions.added', { count: v.added }) : '',
    v.prioritiesChanged ? t('monitor.perspective.versions.prioritiesChanged') : '',
    v.isDemo ? t('monitor.perspective.demo') : '',
  ].filter((s) => s !== '');
  return (
    <>
      {t('monitor.perspective.versions.line', {
        version: v.version,
        status: t(`monitor.perspective.status.${v.status}`),
        date: formatDay(locale, v.agreedOn ?? v.createdOn),
      })}
      {extra.length > 0 && `: ${extra.join('; ')}`}
    </>
  );
}

/** The wijkperspectief page: the document, its versions, and for staff the forms (hidden in print). */
export function PerspectivePage({ ctx, slug, model, notice, contribution, version }: PerspectivePageProps) {
  const { t, locale } = ctx;
  const { area, content, shown } = model;
  const base = `/${slug}/wijken/${area.code}/wijkperspectief`;
  const footerVersion =
    model.mode === 'live' || !shown
      ? t('monitor.perspective.footerLive')
      : t('monitor.perspective.footerVersion', { version: shown.version, status: t(`monitor.perspective.status.${shown.status}`) });
  const footerDay = model.mode === 'live' ? (content?.builtOn ?? '') : (shown?.agreedOn ?? shown?.createdOn ?? '');
  const cv = contribution?.values ?? { kind: 'knelpunt', question: '', text: '', organisation: '' };
  const vv = version?.values ?? { priorities: model.latestPriorities.join('\n'), agreedWith: [], changeNote: '' };
  const live = model.mode === 'live';
  return (
    <article class="wp-doc">
      <h1 class="utrecht-heading-1">{t('monitor.perspective.heading', { name: area.name })}</h1>
      <p class="utrecht-paragraph">{t('monitor.perspective.chain')}</p>
      <p class="utrecht-paragraph wp-noprint">
        <a class="utrecht-link" href={`/${slug}/wijken/${area.code}`}>
          {t('monitor.perspective.backToArea', { name: area.name })}
        </a>
      </p>
      {notice && <Notice ctx={ctx} messageKey={notice.key} vars={notice.vars ?? {}} />}
      {live && <p class="utrecht-paragraph wp-status">{t('monitor.perspective.live')}</p>}
      {model.mode === 'version' && shown && (
        <p class="utrecht-paragraph wp-status">
          {t('monitor.perspective.shown', {
            version: shown.version,
            status: t(`monitor.perspective.status.${shown.status}`),
            date: formatDay(locale, shown.createdOn),
          })}{' '}
          {shown.agreedOn && t('monitor.perspective.shownAgreed', { date: formatDay(locale, shown.agreedOn) })}
          {shown.isDemo && ` (${t('monitor.perspective.demo')})`}
        </p>
      )}
      {content ? (
        <>
          <p class="utrecht-paragraph wp-noprint">{t('monitor.perspective.printHint')}</p>
          <PerspectiveDocument
            ctx={ctx}
            content={content}
            agreedOn={live ? null : (shown?.agreedOn ?? null)}
            prioritiesDemo={model.prioritiesDemo}
          />
        </>
      ) : (
        <section class="wp-part" aria-labelledby="wp-not-yet">
          <h2 class="utrecht-heading-2" id="wp-not-yet">
            {t('monitor.perspective.notYet', { name: area.name })}
          </h2>
          <p class="utrecht-paragraph">{t('monitor.perspective.notYetHint')}</p>
        </section>
      )}

      <section class="wp-part wp-versions" aria-labelledby="wp-versions">
        <h2 class="utrecht-heading-2" id="wp-versions">
          {t('monitor.perspective.versions.title')}
        </h2>
        {model.versions.length === 0 && !live ? (
          <p class="utrecht-paragraph">{t('monitor.perspective.versions.none')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {model.canContribute || model.canEdit ? (
              <li>
                {live ? (
                  <strong>{t('monitor.perspective.versions.working')}</strong>
                ) : (
                  <a class="utrecht-link" href={base}>
                    {t('monitor.perspective.versions.working')}
                  </a>
                )}
              </li>
            ) : null}
            {[...model.versions].reverse().map((v) => (
              <li>
                {shown?.version === v.version && !live ? (
                  <strong aria-current="page">
                    <VersionLine ctx={ctx} v={v} />
                  </strong>
                ) : (
                  <a class="utrecht-link" href={`${base}?versie=${v.version}`}>
                    <VersionLine ctx={ctx} v={v} />
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {live && model.canContribute && (
        <section class="wp-noprint wp-form" aria-labelledby="wp-contribute">
          <h2 class="utrecht-heading-2" id="wp-contribute">
            {t('monitor.perspective.form.title')}
          </h2>
          <p class="utrecht-paragraph">{t('monitor.perspective.form.hint')}</p>
          <ErrorSummary ctx={ctx} errors={contribution?.errors} />
          <Form ctx={ctx} action={`${base}/bijdrage`} label={t('monitor.perspective.form.title')}>
            <SelectField
              name="kind"
              label={t('monitor.perspective.form.kind')}
              value={cv.kind}
              error={contribution?.errors?.['kind']}
              options={CONTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`monitor.perspective.kind.${k}`) }))}
            />
            <SelectField
              name="question"
              label={t('monitor.perspective.form.question')}
              hint={t('monitor.perspective.form.questionHint')}
              value={cv.question}
              error={contribution?.errors?.['question']}
              options={[
                { value: '', label: t('monitor.perspective.form.questionNone') },
                ...QUESTIONS.map((q) => ({ value: String(q.n), label: t('monitor.perspective.question', { n: q.n }) })),
              ]}
            />
            <TextAreaField
              name="text"
              label={t('monitor.perspective.form.text')}
              value={cv.text}
              error={contribution?.errors?.['text']}
              maxLength={MAX_TEXT}
            />
            {model.myOrganisations.length > 1 && (
              <SelectField
                name="organisation"
                label={t('monitor.perspective.form.organisation')}
                value={cv.organisation}
                error={contribution?.errors?.['organisation']}
                options={model.myOrganisations.map((o) => ({ value: o.id, label: o.name }))}
              />
            )}
            {model.myOrganisations.length <= 1 && contribution?.errors?.['organisation'] && (
              <p class="utrecht-form-field-error-message" id="veld-organisation">
                {contribution.errors['organisation']}
              </p>
            )}
            <SubmitButton>{t('monitor.perspective.form.submit')}</SubmitButton>
          </Form>
        </section>
      )}

      {live && model.canEdit && (
        <section class="wp-noprint wp-form" aria-labelledby="wp-save">
          <h2 class="utrecht-heading-2" id="wp-save">
            {t('monitor.perspective.save.title')}
          </h2>
          <p class="utrecht-paragraph">{t('monitor.perspective.save.hint')}</p>
          <ErrorSummary ctx={ctx} errors={version?.errors} />
          <Form ctx={ctx} action={`${base}/versie`} label={t('monitor.perspective.save.title')}>
            <TextAreaField
              name="priorities"
              label={t('monitor.perspective.save.priorities')}
              hint={t('monitor.perspective.save.prioritiesHint')}
              value={vv.priorities}
              error={version?.errors?.['priorities']}
              rows={6}
            />
            <ChoiceGroup
              type="checkbox"
              name="agreedWith"
              legend={t('monitor.perspective.save.agreedWith')}
              options={model.organisations.map((o) => ({ value: o.id, label: o.name }))}
              checked={
                vv.agreedWith.length > 0
                  ? vv.agreedWith
                  : model.organisations.filter((o) => model.latestAgreedWith.includes(o.name)).map((o) => o.id)
              }
              error={version?.errors?.['agreedWith']}
            />
            <TextField
              name="changeNote"
              label={t('monitor.perspective.save.changeNote')}
              hint={t('monitor.perspective.save.changeNoteHint')}
              value={vv.changeNote}
              error={version?.errors?.['changeNote']}
              maxLength={MAX_CHANGE_NOTE}
            />
            <SubmitButton>{t('monitor.perspective.save.submit')}</SubmitButton>
          </Form>
          {model.draftVersion !== null && (
            <>
              <p class="utrecht-paragraph">{t('monitor.perspective.agree.hint')}</p>
              <ButtonForm ctx={ctx} action={`${base}/versie/${model.draftVersion}/vaststellen`} secondary={false}>
                {t('monitor.perspective.agree.submit', { version: model.draftVersion })}
              </ButtonForm>
            </>
          )}
        </section>
      )}

      {content && (
        <p class="wp-footer">
          {t('monitor.perspective.footer', {
            name: area.name,
            version: footerVersion,
            date: footerDay ? formatDay(locale, footerDay) : '',
          })}
        </p>
      )}
    </article>
  );
}

import type { ViewContext } from '../../../../ui/context.ts';
import { DataTable } from '../../../../ui/table.tsx';
import {
  CheckboxField,
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
import type { ItemSetChoice, SurveyLine, SurveyValues } from '../builder.service.ts';
import { DEFAULT_THRESHOLD, MAX_CODES, MAX_INTRO, MAX_TITLE, MIN_THRESHOLD } from '../builder.schemas.ts';

const str = (v: SurveyValues | undefined, k: string): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : '';
};
const list = (v: SurveyValues | undefined, k: string): string[] => {
  const x = v?.[k];
  return Array.isArray(x) ? x : typeof x === 'string' ? [x] : [];
};

/** `/{tenant}/beheer/enquetes`: the municipality's surveys with their counts (never a single response). */
export function SurveyListPage({
  ctx,
  slug,
  surveys,
  areaNames,
}: {
  ctx: ViewContext;
  slug: string;
  surveys: readonly SurveyLine[];
  areaNames: ReadonlyMap<string, string>;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('surveys.builder.title')}</h1>
      <p class="utrecht-paragraph">{t('surveys.builder.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/beheer/enquetes/nieuw`}>
          {t('surveys.builder.new')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`/${slug}/enquete/papier`}>
          {t('surveys.paper.title')}
        </a>
      </p>
      {surveys.length === 0 ? (
        <p class="utrecht-paragraph">{t('surveys.builder.none')}</p>
      ) : (
        <DataTable
          caption={t('surveys.builder.title')}
          columns={[
            t('surveys.builder.col.title'),
            t('surveys.builder.col.period'),
            t('surveys.builder.col.area'),
            t('surveys.builder.col.status'),
            t('surveys.builder.col.responses'),
            t('surveys.builder.col.codes'),
          ]}
        >
          {surveys.map((s) => (
            <tr>
              <th scope="row">
                <a class="utrecht-link" href={`/${slug}/beheer/enquetes/${s.id}`}>
                  {s.title}
                </a>
                {s.isDemo && ` (${t('surveys.demoLabel')})`}
              </th>
              <td>{s.period}</td>
              <td>{s.areaCode ? (areaNames.get(s.areaCode) ?? s.areaCode) : t('surveys.builder.wholeMunicipality')}</td>
              <td>{t(`surveys.status.${s.status}`)}</td>
              <td>{s.responses}</td>
              <td>{t('surveys.builder.codesUsed', { used: s.codesUsed, made: s.codes })}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** New or edit: the survey's form; on edit also the open link and making codes. */
export function SurveyFormPage({
  ctx,
  slug,
  line,
  values,
  errors,
  itemSets,
  areas,
  baseUrl,
  notice,
  codeErrors,
}: {
  ctx: ViewContext;
  slug: string;
  line: SurveyLine | null;
  values?: SurveyValues | undefined;
  errors?: FieldErrors | undefined;
  itemSets: readonly ItemSetChoice[];
  areas: readonly { value: string; label: string }[];
  baseUrl: string;
  notice?: MessageKey | null;
  codeErrors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const action = line ? `/${slug}/beheer/enquetes/${line.id}` : `/${slug}/beheer/enquetes`;
  const title = line ? t('surveys.builder.editTitle', { title: line.title }) : t('surveys.builder.newTitle');
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      {line?.isDemo && (
        <p class="utrecht-alert utrecht-alert--warning" role="note">
          {t('surveys.demoLabel')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={title}>
        <TextField
          name="title_nl"
          label={t('surveys.builder.titleNl')}
          value={str(values, 'title_nl')}
          error={errors?.title_nl}
          maxLength={MAX_TITLE}
          required
        />
        <TextField
          name="title_en"
          label={t('surveys.builder.titleEn')}
          value={str(values, 'title_en')}
          error={errors?.title_en}
          maxLength={MAX_TITLE}
        />
        <TextAreaField
          name="intro_nl"
          label={t('surveys.builder.introNl')}
          value={str(values, 'intro_nl')}
          error={errors?.intro_nl}
          maxLength={MAX_INTRO}
        />
        <TextAreaField
          name="intro_en"
          label={t('surveys.builder.introEn')}
          value={str(values, 'intro_en')}
          error={errors?.intro_en}
          maxLength={MAX_INTRO}
        />
        <ChoiceGroup
          type="checkbox"
          name="item_sets"
          legend={t('surveys.builder.itemSets')}
          hint={t('surveys.builder.itemSetsHint')}
          options={itemSets.map((s) => ({
            value: s.set,
            label: t('surveys.builder.itemSetLabel', { title: s.title, version: s.version, items: s.items }),
          }))}
          checked={list(values, 'item_sets')}
          error={errors?.item_sets}
        />
        <SelectField
          name="area_code"
          label={t('surveys.builder.area')}
          options={[{ value: '', label: t('surveys.builder.wholeMunicipality') }, ...areas]}
          value={str(values, 'area_code')}
          error={errors?.area_code}
        />
        <TextField
          name="period"
          label={t('surveys.builder.period')}
          hint={t('surveys.builder.periodHint')}
          value={str(values, 'period')}
          error={errors?.period}
          maxLength={7}
          required
        />
        <TextField
          name="opens_on"
          type="date"
          label={t('surveys.builder.opensOn')}
          value={str(values, 'opens_on')}
          error={errors?.opens_on}
        />
        <TextField
          name="closes_on"
          type="date"
          label={t('surveys.builder.closesOn')}
          value={str(values, 'closes_on')}
          error={errors?.closes_on}
        />
        <CheckboxField
          name="open_link"
          label={t('surveys.builder.openLink')}
          hint={t('surveys.builder.openLinkHint')}
          checked={str(values, 'open_link') !== ''}
        />
        <ChoiceGroup
          type="radio"
          name="status"
          legend={t('surveys.builder.status')}
          options={(['draft', 'open', 'closed'] as const).map((s) => ({ value: s, label: t(`surveys.status.${s}`) }))}
          checked={[str(values, 'status') || 'draft']}
          error={errors?.status}
        />
        <TextField
          name="min_respondents"
          type="number"
          inputMode="numeric"
          label={t('surveys.builder.threshold')}
          hint={t('surveys.builder.thresholdHint', { min: MIN_THRESHOLD, default: DEFAULT_THRESHOLD })}
          value={str(values, 'min_respondents') || String(DEFAULT_THRESHOLD)}
          error={errors?.min_respondents}
          required
        />
        <SubmitButton>{t('surveys.builder.save')}</SubmitButton>
      </Form>
      {line && (
        <>
          <h2 class="utrecht-heading-2">{t('surveys.builder.distribution')}</h2>
          <p class="utrecht-paragraph">
            {line.openLinkToken ? (
              <>
                {t('surveys.builder.openLinkIs')} <code class="sv-link">{`${baseUrl}/${slug}/enquete/${line.openLinkToken}`}</code>
              </>
            ) : (
              t('surveys.builder.noOpenLink')
            )}
          </p>
          <p class="utrecht-paragraph">
            {t('surveys.builder.codesCount', { used: line.codesUsed, made: line.codes, responses: line.responses })}
          </p>
          <h3 class="utrecht-heading-3">{t('surveys.codes.title')}</h3>
          <p class="utrecht-paragraph">{t('surveys.codes.intro')}</p>
          <ErrorSummary ctx={ctx} errors={codeErrors} />
          <Form ctx={ctx} action={`/${slug}/beheer/enquetes/${line.id}/codes`} label={t('surveys.codes.title')}>
            <TextField
              name="count"
              type="number"
              inputMode="numeric"
              label={t('surveys.codes.count', { max: MAX_CODES })}
              value="20"
              error={codeErrors?.count}
              required
            />
            <ChoiceGroup
              type="radio"
              name="kind"
              legend={t('surveys.codes.kind')}
              options={[
                { value: 'paper', label: t('surveys.codes.kind.paper') },
                { value: 'personal', label: t('surveys.codes.kind.personal') },
              ]}
              checked={['paper']}
              error={codeErrors?.kind}
            />
            <CheckboxField name="qr" label={t('surveys.codes.qr')} checked />
            <SubmitButton>{t('surveys.codes.make')}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

/** The codes, once: one card per code, printable on A4 (public/app.css, .sv-codes). */
export function CodesPage({
  ctx,
  surveyTitle,
  kind,
  codes,
  url,
  qr,
}: {
  ctx: ViewContext;
  surveyTitle: string;
  kind: 'personal' | 'paper';
  codes: readonly string[];
  url: string;
  qr: string | null;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1 sv-noprint">{t('surveys.codes.madeTitle', { count: codes.length })}</h1>
      <p class="utrecht-alert utrecht-alert--warning sv-noprint" role="note">
        {t('surveys.codes.once')}
      </p>
      <ol class="sv-codes">
        {codes.map((c) => (
          <li class="sv-code-card">
            <p class="sv-code-title">{surveyTitle}</p>
            <p>{kind === 'paper' ? t('surveys.codes.cardPaper') : t('surveys.codes.cardPersonal', { url })}</p>
            <p class="sv-code">{c}</p>
            {qr && <img class="sv-qr" src={qr} alt={t('surveys.codes.qrAlt', { url })} width={96} height={96} />}
          </li>
        ))}
      </ol>
    </>
  );
}

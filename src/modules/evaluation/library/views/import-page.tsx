import type { ViewContext } from '../../../../ui/context.ts';
import { tenantPath } from '../../../../ui/context.ts';
import { ErrorSummary, FieldFrame, fieldId, Form, SubmitButton, TextAreaField, type FieldErrors } from '../../../../ui/form.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { ImportProblem } from '../library.exchange.ts';

export interface ImportOutcome {
  ok: boolean;
  imported: { slug: string; title: string }[];
  problems: ImportProblem[];
}

/** Import cards: upload a file or paste JSON; the outcome with every reason when refused. */
export function ImportPage({
  ctx,
  errors,
  outcome,
  pasted,
}: {
  ctx: ViewContext;
  errors?: FieldErrors | undefined;
  outcome?: ImportOutcome | undefined;
  pasted?: string | undefined;
}) {
  const { t } = ctx;
  const fileId = fieldId('file');
  const where = (p: ImportProblem) =>
    p.card === null
      ? t('evaluation.library.import.wholeFile')
      : p.slug
        ? t('evaluation.library.import.cardAtSlug', { number: p.card + 1, slug: p.slug })
        : t('evaluation.library.import.cardAt', { number: p.card + 1 });
  return (
    <>
      <h1 class="utrecht-heading-1">{t('evaluation.library.import.title')}</h1>
      <p class="utrecht-paragraph">{t('evaluation.library.import.intro')}</p>
      {outcome && outcome.ok && (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{t('evaluation.library.import.done', { count: outcome.imported.length })}</p>
          <ul class="utrecht-unordered-list">
            {outcome.imported.map((c) => (
              <li>
                <a class="utrecht-link" href={tenantPath(ctx, `/wat-werkt/${c.slug}`)}>
                  {c.title}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome && !outcome.ok && (
        <section class="utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="import-refused">
          <h2 class="utrecht-heading-2" id="import-refused">
            {t('evaluation.library.import.refused')}
          </h2>
          <DataTable
            columns={[t('evaluation.library.import.where'), t('evaluation.library.import.field'), t('evaluation.library.import.reason')]}
          >
            {outcome.problems.map((p) => (
              <tr>
                <td>{where(p)}</td>
                <td>
                  <code>{p.path || '—'}</code>
                </td>
                <td>{t(p.reason)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form
        ctx={ctx}
        action={tenantPath(ctx, '/beheer/wat-werkt/import')}
        enctype="multipart/form-data"
        label={t('evaluation.library.import.title')}
      >
        <FieldFrame id={fileId} label={t('evaluation.library.import.file')} error={errors?.file}>
          <input
            type="file"
            id={fileId}
            name="file"
            accept=".json,application/json"
            aria-invalid={errors?.file ? 'true' : undefined}
            aria-describedby={errors?.file ? `${fileId}-error` : undefined}
          />
        </FieldFrame>
        <TextAreaField name="json" label={t('evaluation.library.import.paste')} value={pasted ?? ''} rows={8} />
        <SubmitButton>{t('evaluation.library.import.submit')}</SubmitButton>
      </Form>
    </>
  );
}

/** Photos on signals: the upload field of the report form (with the photos already added) and the thumbnails for staff and the reporter. */
import type { ViewContext } from '../../../../ui/context.ts';
import { ChoiceGroup, FieldFrame, describedBy, fieldId } from '../../../../ui/form.tsx';
import type { PendingPhoto } from '../photos.service.ts';

/** The file field (several photos at once) and, after a round trip, the photos already added with a "do not send" tick each. */
export function PhotoField({ ctx, pending, error }: { ctx: ViewContext; pending: readonly PendingPhoto[]; error?: string | undefined }) {
  const { t } = ctx;
  const id = fieldId('photos');
  const hint = t('signals.photos.hint');
  return (
    <>
      {pending.length > 0 && (
        <ChoiceGroup
          type="checkbox"
          name="removePhoto"
          legend={pending.length === 1 ? t('signals.photos.addedOne') : t('signals.photos.addedMany', { n: pending.length })}
          hint={t('signals.photos.addedHint')}
          options={pending.map((p, i) => ({
            value: p.id,
            label: `${t('signals.photos.remove', { n: i + 1 })} — ${t('signals.photos.pendingItem', { n: i + 1, name: p.fileName || '—', width: p.width, height: p.height })}`,
          }))}
          checked={[]}
        />
      )}
      <FieldFrame id={id} label={t('signals.photos.label')} hint={hint} error={error}>
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          type="file"
          id={id}
          name="photos"
          accept="image/jpeg,image/png,image/webp"
          multiple
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? 'true' : undefined}
        />
      </FieldFrame>
    </>
  );
}

/** Thumbnails linking to the full photos; `base` is the photos URL of this viewer (staff page or tracking link). */
export function PhotoThumbs({ ctx, base, publicId, count }: { ctx: ViewContext; base: string; publicId: string; count: number }) {
  if (!count) return null;
  const { t } = ctx;
  const positions = Array.from({ length: count }, (_, i) => i + 1);
  return (
    <section class="section" aria-labelledby="fotos">
      <h2 class="utrecht-heading-2" id="fotos">
        {t('signals.photos.title')}
      </h2>
      <ul class="signals-photos">
        {positions.map((n) => (
          <li>
            <a class="utrecht-link" href={`${base}/${n}`} aria-label={t('signals.photos.open', { n })}>
              <img src={`${base}/${n}/klein`} alt={t('signals.photos.alt', { n, id: publicId })} loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

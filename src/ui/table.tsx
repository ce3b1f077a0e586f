import { cloneElement, isValidElement, toChildArray, type ComponentChildren, type VNode } from 'preact';

/**
 * A table of records. On small screens (≤ 40em) every row becomes a block with one line per cell,
 * each cell labelled with its column header (the `data-label` attribute, shown by the stylesheet),
 * so nothing runs off a phone's screen. That works when the rows are written as `<tr>` elements
 * here and the column headers are plain text; otherwise the table scrolls sideways in its box, as
 * before. Column headers from `columns`, one `<tr>` per record from the children (start a row with
 * `<th scope="row">` where a cell names it). The one data table of every module.
 */
export function DataTable({
  columns,
  children,
  caption,
  class: extraClass,
  id,
}: {
  columns: readonly ComponentChildren[];
  children: ComponentChildren;
  /** Read by screen readers only, for a table whose heading is not right above it. */
  caption?: ComponentChildren;
  /** More classes on the table, beside `data-table`. */
  class?: string;
  /** The id of the scroll box (an anchor for links to a field's error). */
  id?: string;
}) {
  const rows = labelledRows(columns, children);
  const classes = ['data-table', rows ? 'data-table--reflow' : '', extraClass ?? ''].filter(Boolean).join(' ');
  return (
    <div class="table-scroll" id={id}>
      <table class={classes}>
        {caption !== undefined && <caption class="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{rows ?? children}</tbody>
      </table>
    </div>
  );
}

type Cell = VNode<{ children?: ComponentChildren; 'data-label'?: string }>;

/** The rows with every cell labelled by its column header; null when a header is not text or a row is not a `<tr>`. */
export function labelledRows(columns: readonly ComponentChildren[], children: ComponentChildren): VNode[] | null {
  const labels = columns.map((c) => (typeof c === 'string' || typeof c === 'number' ? String(c) : null));
  if (labels.some((l) => l === null)) return null;
  const rows = toChildArray(children);
  if (!rows.every((r) => isValidElement(r) && r.type === 'tr')) return null;
  return rows.map((row) => {
    const tr = row as VNode<{ children?: ComponentChildren }>;
    let i = 0;
    const cells = toChildArray(tr.props.children).map((cell) => {
      if (!isValidElement(cell) || (cell.type !== 'td' && cell.type !== 'th')) return cell;
      const label = labels[i++];
      return label ? cloneElement(cell as Cell, { 'data-label': label }) : cell;
    });
    return cloneElement(tr, {}, ...cells);
  });
}

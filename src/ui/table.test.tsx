import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { DataTable } from './table.tsx';

function Row({ name }: { name: string }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>1</td>
    </tr>
  );
}

describe('DataTable', () => {
  it('labels every cell with its column so rows reflow on a phone', () => {
    const html = render(
      <DataTable columns={['Buurt', 'Open', 'Afgesloten']}>
        {['Florabuurt', 'Damsterbuurt'].map((b) => (
          <tr>
            <th scope="row">{b}</th>
            <td class="num">2</td>
            <td class="num">0</td>
          </tr>
        ))}
      </DataTable>,
    );
    assert.match(html, /<table class="data-table data-table--reflow">/);
    assert.match(
      html,
      /<th scope="row" data-label="Buurt">Florabuurt<\/th><td class="num" data-label="Open">2<\/td><td class="num" data-label="Afgesloten">0<\/td>/,
    );
    assert.equal(html.match(/data-label=/g)?.length, 6);
  });

  it('keeps the sideways scroll when it cannot label the cells', () => {
    const viaComponent = render(
      <DataTable columns={['Buurt', 'Aantal']}>
        <Row name="Florabuurt" />
      </DataTable>,
    );
    assert.ok(!viaComponent.includes('data-table--reflow') && !viaComponent.includes('data-label'));
    const richHeader = render(
      <DataTable columns={[<abbr title="Buurt">Bu</abbr>, 'Aantal']}>
        <tr>
          <td>x</td>
          <td>1</td>
        </tr>
      </DataTable>,
    );
    assert.ok(!richHeader.includes('data-table--reflow'));
    assert.match(richHeader, /<div class="table-scroll">/);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { guardCell } from './csv.ts';

describe('guardCell', () => {
  it('quotes every cell a spreadsheet would run as a formula', () => {
    for (const v of ['=HYPERLINK("x")', '+31 10 123', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(guardCell(v), `'${v}`, v);
  });
  it('leaves other text and numbers alone', () => {
    assert.equal(guardCell('Open eettafel'), 'Open eettafel');
    assert.equal(guardCell(''), '');
    assert.equal(guardCell(-3), -3);
  });
});

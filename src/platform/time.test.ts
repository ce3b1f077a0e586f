import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localDate, ZONE } from './time.ts';

describe('local time', () => {
  it('is Europe/Amsterdam', () => {
    assert.equal(ZONE, 'Europe/Amsterdam');
  });
  it('localDate gives the Dutch calendar date, across midnight in winter and summer time', () => {
    assert.equal(localDate(new Date('2026-11-23T10:00:00Z')), '2026-11-23');
    assert.equal(localDate(new Date('2026-11-23T22:59:59Z')), '2026-11-23');
    assert.equal(localDate(new Date('2026-11-23T23:00:00Z')), '2026-11-24');
    assert.equal(localDate(new Date('2026-11-23T23:30:00Z')), '2026-11-24');
    assert.equal(localDate(new Date('2026-07-01T21:59:59Z')), '2026-07-01');
    assert.equal(localDate(new Date('2026-07-01T22:30:00Z')), '2026-07-02');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canTransition, isClosed, nextStates, OPEN_STATES, SIGNAL_STATES, WORKFLOW } from './workflow.ts';
import { routeSignal } from './config/routing.ts';
import { checkAnswers, findHardStop } from './config/questions.ts';
import { DEMO_GROUPS } from './demo-categories.ts';

describe('workflow', () => {
  it('every target is a known state and no state goes to itself', () => {
    for (const s of SIGNAL_STATES) {
      for (const n of WORKFLOW[s].next) {
        assert.ok(SIGNAL_STATES.includes(n));
        assert.notEqual(n, s);
      }
    }
  });
  it('closed states only reopen; heropend works again', () => {
    assert.deepEqual(nextStates('afgehandeld'), ['heropend']);
    assert.deepEqual(nextStates('geannuleerd'), ['heropend']);
    assert.equal(canTransition('heropend', 'in_behandeling'), true);
    assert.equal(canTransition('gemeld', 'heropend'), false);
    assert.equal(canTransition('on_hold', 'afgehandeld'), false, 'resume before closing');
  });
  it('every open state can be cancelled and every state is reachable from gemeld', () => {
    for (const s of OPEN_STATES) assert.ok(canTransition(s, 'geannuleerd'), s);
    const seen = new Set<string>(['gemeld']);
    const todo = ['gemeld'] as (typeof SIGNAL_STATES)[number][];
    while (todo.length) {
      for (const n of nextStates(todo.pop()!)) {
        if (!seen.has(n)) {
          seen.add(n);
          todo.push(n);
        }
      }
    }
    assert.equal(seen.size, SIGNAL_STATES.length);
    assert.deepEqual(SIGNAL_STATES.filter(isClosed), ['afgehandeld', 'geannuleerd']);
  });
});

describe('routing', () => {
  const rules = [
    { categoryId: 'c1', groupId: null, areaCode: 'BU1', organisationId: 'buurtteam' },
    { categoryId: 'c1', groupId: null, areaCode: null, organisationId: 'gemeente-c1' },
    { categoryId: null, groupId: 'g2', areaCode: 'WK1', organisationId: 'welzijn-wk1' },
    { categoryId: null, groupId: 'g2', areaCode: null, organisationId: 'welzijn' },
  ];
  it('first match wins over category × area, then default desk', () => {
    assert.equal(routeSignal(rules, { categoryId: 'c1', groupId: 'g1', buurtCode: 'BU1', wijkCode: 'WK1' }, 'desk'), 'buurtteam');
    assert.equal(routeSignal(rules, { categoryId: 'c1', groupId: 'g1', buurtCode: 'BU2', wijkCode: 'WK1' }, 'desk'), 'gemeente-c1');
    assert.equal(routeSignal(rules, { categoryId: 'c9', groupId: 'g2', buurtCode: 'BU3', wijkCode: 'WK1' }, 'desk'), 'welzijn-wk1');
    assert.equal(routeSignal(rules, { categoryId: 'c9', groupId: 'g2', buurtCode: null, wijkCode: null }, 'desk'), 'welzijn');
    assert.equal(routeSignal(rules, { categoryId: 'c9', groupId: 'g3', buurtCode: null, wijkCode: null }, 'desk'), 'desk');
    assert.equal(routeSignal([], { categoryId: 'c9', groupId: 'g3', buurtCode: null, wijkCode: null }, null), null);
  });
});

describe('extra questions', () => {
  const questions = DEMO_GROUPS.find((g) => g.code === 'zorg-buurtgenoot')!.categories.find(
    (c) => c.serviceCode === 'verward-gedrag',
  )!.questions!;
  it('finds the hard stop answer, case-insensitively', () => {
    assert.equal(findHardStop(questions, { gevaar: 'Ja' })?.key, 'gevaar');
    assert.equal(findHardStop(questions, { gevaar: 'nee' }), null);
  });
  it('checks required answers and choices, ignores unknown keys', () => {
    assert.deepEqual(checkAnswers(questions, { gevaar: '', onbekend: 'x' }), {
      answers: {},
      errors: { answer_gevaar: 'signals.error.answerRequired' },
    });
    assert.deepEqual(checkAnswers(questions, { gevaar: 'nee', weet_ervan: 'Misschien' }).errors, {
      answer_weet_ervan: 'signals.error.answerChoice',
    });
    assert.deepEqual(checkAnswers(questions, { gevaar: ' nee ', weet_ervan: 'Nee' }), {
      answers: { gevaar: 'nee', weet_ervan: 'Nee' },
      errors: {},
    });
  });
  it('the demo categories have unique service codes and at least one hard stop', () => {
    const all = DEMO_GROUPS.flatMap((g) => g.categories);
    assert.equal(new Set(all.map((c) => c.serviceCode)).size, all.length);
    assert.ok(all.some((c) => c.questions?.some((q) => q.hardStop)));
    assert.ok(DEMO_GROUPS.find((g) => g.code === 'zorg-buurtgenoot')!.categories.every((c) => c.sensitive));
  });
});

import type { PolicyRules } from '../../src/platform/principal.ts';
import { RULES as helpmatch } from '../../src/modules/helpmatch/policies.ts';
import { RULES as people } from '../../src/modules/people/policies.ts';
import { RULES as signals } from '../../src/modules/signals/policies.ts';
import { RULES as socialmap } from '../../src/modules/socialmap/policies.ts';
import { RULES as monitor } from '../../src/modules/monitor/policies.ts';
import { RULES as surveys } from '../../src/modules/surveys/policies.ts';
import { RULES as programmes } from '../../src/modules/programmes/policies.ts';
import { RULES as initiatives } from '../../src/modules/initiatives/policies.ts';
import { RULES as evaluation } from '../../src/modules/evaluation/policies.ts';

/** The rules of every module that has a policies.ts, by the heading of its table in docs/authorization.md. */
export const MODULE_POLICIES: Record<string, PolicyRules<string>> = {
  people,
  socialmap,
  helpmatch,
  signals,
  surveys,
  monitor,
  programmes,
  initiatives,
  evaluation,
};

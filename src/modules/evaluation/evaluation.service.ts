/**
 * The evaluation module's facade (issue 16): what its features and other modules use. Every
 * function takes the acting principal and checks the module's policies first. Shapes stay stable.
 *
 * - register/: registerEvaluation, updateEvaluation, getEvaluation, listEvaluations,
 *   evaluationWarnings, setEvaluationStatus, publishEvaluation, suggestComparisonAreas
 */
export {
  registerEvaluation,
  updateEvaluation,
  getEvaluation,
  listEvaluations,
  evaluationWarnings,
  setEvaluationStatus,
  publishEvaluation,
  type EvaluationDetail,
  type Registered,
} from './register/register.service.ts';
export type { EvaluationInput, SuggestInput } from './register/register.schemas.ts';
export type { Evaluation, EvaluationArea, EvaluationOutcome, EvaluationStatus, EvaluationMethod } from './register/register.store.ts';
export type { EvaluationWarning } from './register/register.checks.ts';
export {
  suggestComparisonAreas,
  type ComparisonSuggestion,
  type SuggestedArea,
  type SuggestionFeature,
} from './register/suggest.service.ts';
// results/: stored results with their sentences (computed by the job, never on a request).
export { resultsOf, resultsOfCard, type EvaluationResults, type OutcomeResult } from './results/results.service.ts';
export { computeEvaluationResults, computeTenantResults, scheduleResultsCompute, type ComputeReport } from './results/compute.ts';
export { resultSentence, type SentenceInput } from './results/sentence.ts';
// socialreturn/: costs of a project card against valued outcomes, as a range with every assumption.
export {
  socialReturnOf,
  setShadowPrice,
  addItem as addSocialReturnItem,
  updateItem as updateSocialReturnItem,
  removeItem as removeSocialReturnItem,
  type SocialReturn,
} from './socialreturn/socialreturn.service.ts';
export { computeSocialReturn, type CalcInput as SocialReturnInput, type CalcResult as SocialReturnResult } from './socialreturn/calc.ts';
// library/: intervention cards, their search, publication and JSON exchange.
export {
  listInterventions,
  listPublishedInterventions,
  getIntervention,
  createIntervention,
  updateIntervention,
  publishIntervention,
  exportInterventions,
  importInterventions,
  searchInterventions,
  type Intervention,
  type ImportReport,
} from './library/library.service.ts';
export { interventionFromEvaluation, type FromEvaluation } from './library/library.from-evaluation.ts';

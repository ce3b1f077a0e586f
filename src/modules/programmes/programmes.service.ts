/**
 * The programmes module's facade (issue 14): what its other features (actions, overview, section,
 * monitoring, consult, subsidy, demo) and other modules use. Every function takes the acting
 * principal and checks the module's policies first. Shapes here stay stable.
 *
 * - programmes: listProgrammes, getProgramme (by slug), getProgrammeById, saveProgramme
 * - goals: listGoals, createGoal, goalIndicators (monitor targets with course), linkGoalIndicator
 * - line activities: listLineActivities, createLineActivity, makeProjectFromLineActivity
 * - cards: listCards, getCard, createCard, updateCard, handBackToLine, canEditCard, actionRowForCard
 * - money: cardMoney (per year and source, gap), and the pure helpers of cards/money.ts
 */
export {
  listProgrammes,
  getProgramme,
  getProgrammeById,
  saveProgramme,
  listGoals,
  createGoal,
  listLineActivities,
  createLineActivity,
  goalIndicators,
  linkGoalIndicator,
  type ProgrammeInput,
  type GoalInput,
  type LineActivityInput,
  type GoalIndicator,
} from './core/core.service.ts';
export type { Programme, Goal, LineActivity } from './core/core.store.ts';
export {
  listCards,
  getCard,
  createCard,
  updateCard,
  handBackToLine,
  makeProjectFromLineActivity,
  canEditCard,
  actionRowForCard,
  cardMoney,
  type CardInput,
} from './cards/cards.service.ts';
export type { ProjectCard, ProjectLead, BudgetLine, LadderRung, ActionRowForCard } from './cards/cards.store.ts';
export {
  computeMoney,
  addBuckets,
  sumCents,
  gapOf,
  formatCents,
  COVERAGE_SOURCES,
  type Cents,
  type CardMoney,
  type MoneyBucket,
  type CoverageSource,
} from './cards/money.ts';

/**
 * How far a review's action plan has got, derived from its actions in the action log: pure,
 * so the case page, the learning briefing and the yearly figures count alike.
 */
export interface ActionState {
  status: string;
  overdue: boolean;
}

export interface RecommendationProgress {
  /** Actions that are part of the plan: every one but those cancelled. */
  actions: number;
  /** Of those, the ones done or closed with evidence. */
  done: number;
  cancelled: number;
  overdue: number;
  complete: boolean;
}

const FINISHED = new Set(['done', 'closed']);

/**
 * A cancelled action carries its reason and is no longer part of the plan, so it neither
 * counts towards the recommendation nor holds it open for ever; a recommendation with no
 * live action is not complete, since nothing has been done about it yet.
 */
export function recommendationProgress(actions: readonly ActionState[]): RecommendationProgress {
  const live = actions.filter((action) => action.status !== 'cancelled');
  const done = live.filter((action) => FINISHED.has(action.status)).length;
  return {
    actions: live.length,
    done,
    cancelled: actions.length - live.length,
    overdue: live.filter((action) => action.overdue).length,
    complete: live.length > 0 && done === live.length,
  };
}

export interface PlanProgress {
  recommendations: number;
  completedRecommendations: number;
  actions: number;
  doneActions: number;
  overdueActions: number;
}

/** The review's progress: recommendations complete, actions done, and overdue ones. */
export function planProgress(recommendations: readonly RecommendationProgress[]): PlanProgress {
  return {
    recommendations: recommendations.length,
    completedRecommendations: recommendations.filter((each) => each.complete).length,
    actions: recommendations.reduce((sum, each) => sum + each.actions, 0),
    doneActions: recommendations.reduce((sum, each) => sum + each.done, 0),
    overdueActions: recommendations.reduce((sum, each) => sum + each.overdue, 0),
  };
}

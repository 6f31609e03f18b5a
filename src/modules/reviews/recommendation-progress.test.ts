import { describe, expect, it } from 'vitest';
import { planProgress, recommendationProgress } from './recommendation-progress.js';

const action = (status: string, overdue = false) => ({ status, overdue });

describe('a recommendation’s progress', () => {
  it('is not complete without any action, since nothing has been done about it', () => {
    expect(recommendationProgress([])).toEqual({
      actions: 0,
      done: 0,
      cancelled: 0,
      overdue: 0,
      complete: false,
    });
  });

  it('counts done and closed actions, and is complete only when every live one is', () => {
    const partway = recommendationProgress([action('done'), action('open', true)]);
    expect(partway).toMatchObject({ actions: 2, done: 1, overdue: 1, complete: false });
    const finished = recommendationProgress([action('done'), action('closed')]);
    expect(finished).toMatchObject({ actions: 2, done: 2, complete: true });
  });

  it('leaves cancelled actions out, but not when they are all there is', () => {
    expect(recommendationProgress([action('closed'), action('cancelled')])).toMatchObject({
      actions: 1,
      done: 1,
      cancelled: 1,
      complete: true,
    });
    expect(recommendationProgress([action('cancelled')])).toMatchObject({
      actions: 0,
      complete: false,
    });
  });

  it('counts in progress as still to do', () => {
    expect(recommendationProgress([action('in_progress')]).complete).toBe(false);
  });
});

describe('a review’s progress', () => {
  it('adds up its recommendations', () => {
    const progress = planProgress([
      recommendationProgress([action('closed'), action('done')]),
      recommendationProgress([action('open', true), action('done'), action('in_progress', true)]),
      recommendationProgress([]),
    ]);
    expect(progress).toEqual({
      recommendations: 3,
      completedRecommendations: 1,
      actions: 5,
      doneActions: 3,
      overdueActions: 2,
    });
  });
});

import { describe, expect, test } from 'vitest';
import { allowedMoves, mayMove, needsConfirmation, reasonRequired, type MovableActivity } from './moves.ts';

/** The page's mirror of server/features/activity/activity.rules.ts: what each side is offered. */
const activity = (over: Partial<MovableActivity> = {}): MovableActivity => ({
  type: 'JOB_APPLICATION',
  status: 'PLANNED',
  agreedWithNav: false,
  editable: true,
  details: {},
  ...over,
});

describe('allowedMoves', () => {
  test('an open activity may go to every other status, in board order', () => {
    expect(allowedMoves(activity(), 'citizen')).toEqual(['SUGGESTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED']);
  });

  test('nothing is offered when the server says the caller cannot change it', () => {
    expect(allowedMoves(activity({ editable: false }), 'advisor')).toEqual([]);
  });

  test('finished activities and cards from other systems stay where they are', () => {
    expect(allowedMoves(activity({ status: 'COMPLETED' }), 'advisor')).toEqual([]);
    expect(allowedMoves(activity({ status: 'CANCELLED' }), 'citizen')).toEqual([]);
    expect(allowedMoves(activity({ type: 'EXTERNAL', status: 'IN_PROGRESS' }), 'advisor')).toEqual([]);
  });

  test('only NAV moves meetings and conversation summaries', () => {
    expect(mayMove(activity({ type: 'MEETING' }), 'citizen')).toBe(false);
    expect(mayMove(activity({ type: 'CONVERSATION_SUMMARY', details: { summaryShared: true } }), 'citizen')).toBe(false);
    expect(mayMove(activity({ type: 'MEETING' }), 'advisor')).toBe(true);
  });

  test('a meeting is completed only once its summary is shared; it may be cancelled before', () => {
    expect(allowedMoves(activity({ type: 'MEETING' }), 'advisor')).toEqual(['SUGGESTED', 'IN_PROGRESS', 'CANCELLED']);
    expect(allowedMoves(activity({ type: 'MEETING', details: { summaryShared: true } }), 'advisor')).toContain('COMPLETED');
  });

  test('a conversation summary ends only once it is shared', () => {
    const unshared = activity({ type: 'CONVERSATION_SUMMARY', status: 'IN_PROGRESS', details: { summaryShared: false } });
    expect(allowedMoves(unshared, 'advisor')).toEqual(['SUGGESTED', 'PLANNED']);
    expect(allowedMoves({ ...unshared, details: { summaryShared: true } }, 'advisor')).toEqual(['SUGGESTED', 'PLANNED', 'COMPLETED', 'CANCELLED']);
  });

  test('an agreed activity may still be moved by the citizen', () => {
    expect(allowedMoves(activity({ type: 'SELF_DIRECTED', agreedWithNav: true }), 'citizen')).toEqual(['SUGGESTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED']);
  });
});

describe('reasons and confirmation', () => {
  test('a reason is required to cancel an agreed activity or any meeting', () => {
    expect(reasonRequired(activity({ agreedWithNav: true }), 'CANCELLED')).toBe(true);
    expect(reasonRequired(activity({ type: 'MEETING' }), 'CANCELLED')).toBe(true);
    expect(reasonRequired(activity(), 'CANCELLED')).toBe(false);
  });

  test('a reason is required to complete an agreed activity, except meetings and conversation summaries', () => {
    expect(reasonRequired(activity({ agreedWithNav: true }), 'COMPLETED')).toBe(true);
    expect(reasonRequired(activity({ type: 'MEETING', agreedWithNav: true }), 'COMPLETED')).toBe(false);
    expect(reasonRequired(activity({ type: 'CONVERSATION_SUMMARY', agreedWithNav: true }), 'COMPLETED')).toBe(false);
    expect(reasonRequired(activity(), 'COMPLETED')).toBe(false);
  });

  test('no reason is asked when the activity stays open', () => {
    expect(reasonRequired(activity({ agreedWithNav: true, type: 'MEETING' }), 'IN_PROGRESS')).toBe(false);
  });

  test('moves that lock the activity ask first; the others happen at once', () => {
    expect(needsConfirmation('COMPLETED')).toBe(true);
    expect(needsConfirmation('CANCELLED')).toBe(true);
    expect(needsConfirmation('IN_PROGRESS')).toBe(false);
    expect(needsConfirmation('SUGGESTED')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { formatCapNote } from '../src/messages/cap-note-message.js';
import { buildCapNotes, capacityUse, unassignedEndsOf } from '../src/run/cap-notes.js';
import type { RunResult } from '../src/run/run.types.js';
import { buildFlow, compileOrThrow, leads, reps } from './support/flow-builder.js';
import { runFlow } from './support/run-flow.js';

/** A daily quota of 3 before a round robin of two reps with a daily capacity of 1 each. */
const flow = buildFlow(
  [
    ['src', 'source'],
    ['quota', 'quota', { limit: 3, period: 'day' }],
    ['rr', 'roundRobin', { assignees: [{ repId: 'A' }, { repId: 'B' }] }],
    ['over', 'pool', { reason: '超出今日配额' }],
  ],
  [
    ['src', 'out', 'quota'],
    ['quota', 'within', 'rr'],
    ['quota', 'overflow', 'over'],
  ],
);
const team = reps({ id: 'A', capacity: { day: 1 } }, { id: 'B', capacity: { day: 1 } });
const names: Record<string, string> = { quota: 'Daily quota', rr: 'Round robin', over: 'Pool' };
const nodeName = (nodeId: string) => names[nodeId] ?? nodeId;

function notesOf(run: RunResult) {
  return buildCapNotes(
    compileOrThrow(flow, team),
    team,
    run.summary,
    capacityUse(team, run.state),
    unassignedEndsOf(run.results),
  );
}

describe('buildCapNotes', () => {
  const run = runFlow(flow, { leads: leads(5), reps: team });
  const notes = notesOf(run);

  it('names the filled quota and where its overflow went', () => {
    expect(notes[0]).toEqual({
      kind: 'quota',
      nodeId: 'quota',
      limit: 3,
      period: 'day',
      per: null,
      overflow: 2,
      targetNodeId: 'over',
      targetPoolReason: '超出今日配额',
    });
  });

  it('names the reps at capacity and an unconnected overflow output', () => {
    expect(notes[1]).toEqual({
      kind: 'capacity',
      nodeId: 'rr',
      period: 'day',
      fullReps: 2,
      activeReps: 2,
      capacity: 2,
      overflow: 1,
      targetNodeId: null,
      targetPoolReason: null,
    });
  });

  it('lists nothing when no limit filled', () => {
    expect(notesOf(runFlow(flow, { leads: leads(2), reps: team }))).toEqual([]);
  });
});

describe('unassignedEndsOf', () => {
  it('groups pool and unconnected ends, largest first', () => {
    const run = runFlow(flow, { leads: leads(5), reps: team });

    expect(unassignedEndsOf(run.results)).toEqual([
      { reason: 'pool', nodeId: 'over', handle: null, count: 2 },
      { reason: 'no-route', nodeId: 'rr', handle: 'overflow', count: 1 },
    ]);
  });
});

describe('formatCapNote', () => {
  const [quota, capacity] = notesOf(runFlow(flow, { leads: leads(5), reps: team }));
  const format = { nodeName, formatNumber: (value: number) => value.toLocaleString('en-US') };

  it('words a filled quota in English', () => {
    expect(formatCapNote(quota!, 'en', format)).toBe(
      '“Daily quota” reached its daily limit of 3 leads, so 2 leads went to the pool (超出今日配额).',
    );
  });

  it('words full reps in Chinese', () => {
    expect(formatCapNote(capacity!, 'zh-CN', format)).toBe(
      '「Round robin」的 2 名销售中有 2 名已达每日上限（合计 2 条），因此1 条线索从未连线的溢出出口离开。',
    );
  });

  it('names the per field and the next node', () => {
    const note = { ...quota!, per: 'city', overflow: 9180, targetPoolReason: null };

    expect(formatCapNote(note, 'en', format)).toBe(
      '“Daily quota” reached its daily limit of 3 leads for some values of “city”, so 9,180 leads went on to “Pool”.',
    );
  });

  it('names the per field by its label', () => {
    const note = { ...quota!, per: 'city', overflow: 4, targetPoolReason: null };
    const fieldLabel = (field: string) => (field === 'city' ? '城市' : field);

    expect(formatCapNote(note, 'zh-CN', { ...format, fieldLabel })).toContain('部分「城市」取值');
  });
});

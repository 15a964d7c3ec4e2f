import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lead } from '@sras/engine';
import { importFile } from '@sras/import';
import { findTemplate } from '../../templates/catalogue';
import type { FlowTemplate } from '../../templates/template.types';
import { buildRunOverview, type RunOverview } from './run-overview';
import { runSimulation, type LeadSource } from './simulation-run';

/** The X Education lead export: 9,240 leads without a time column. */
const XEDUCATION = 'packages/import/test/fixtures/xeducation_Leads.csv';
const NOW = Date.parse('2026-12-07T10:00:00+08:00');

let leads: Lead[] = [];

beforeAll(async () => {
  const imported = await importFile(new Uint8Array(readFileSync(XEDUCATION)), {
    fileName: 'xeducation_Leads.csv',
  });
  leads = imported.rows.map((row) => ({ ...row.values, ...row.fields }));
});

function memorySource(rows: Lead[]): LeadSource {
  return { count: rows.length, read: async (start, end) => rows.slice(start, end) };
}

/** Simulates a template's flow with its sample team on the leads, all at NOW. */
async function firstRun(templateId: string, rows: Lead[] = leads): Promise<RunOverview> {
  const template = findTemplate(templateId) as FlowTemplate;
  const reps = [...template.reps];
  const outcome = await runSimulation(
    {
      flow: template.document['zh-CN'],
      reps,
      owners: [],
      startState: null,
      now: NOW,
      timeField: null,
      conditionOptions: {},
    },
    memorySource(rows),
  );
  if (!outcome.ok) throw new Error(`${templateId} does not compile`);
  const { run } = outcome;
  return buildRunOverview(run.pipeline, reps, run.columns, run.summary, run.state);
}

describe('buildCapNotes', () => {
  it('names the filled daily quota and its overflow', async () => {
    const overview = await firstRun('daily-caps');

    expect(overview.summary.total).toBe(9240);
    expect(overview.capNotes).toEqual([
      {
        kind: 'quota',
        nodeId: 'quota',
        limit: 60,
        period: 'day',
        per: null,
        overflow: 9180,
        targetNodeId: 'overDaily',
        targetPoolReason: '超出今日配额',
      },
    ]);
  });

  it('names the reps at their daily capacity, without the rep on leave', async () => {
    const overview = await firstRun('even-round-robin');

    // 徐磊 (daily capacity 15) is on leave on the simulated day.
    expect(overview.capNotes).toEqual([
      {
        kind: 'capacity',
        nodeId: 'rotation',
        period: 'day',
        fullReps: 3,
        activeReps: 4,
        capacity: 70,
        overflow: 9170,
        targetNodeId: 'pool',
        targetPoolReason: '销售已满额',
      },
    ]);
    expect(overview.summary.unassigned).toBe(9170);
  });

  it('counts only the active reps of the node', async () => {
    const overview = await firstRun('collision-protection');

    expect(overview.capNotes).toEqual([
      expect.objectContaining({ kind: 'capacity', fullReps: 3, activeReps: 3, capacity: 65 }),
    ]);
  });

  it('follows an overflow that leads to another assigning node', async () => {
    const overview = await firstRun('finance-high-value');

    expect(overview.capNotes).toEqual([
      expect.objectContaining({
        nodeId: 'advisers',
        fullReps: 2,
        capacity: 40,
        overflow: 9200,
        targetNodeId: 'pool',
      }),
    ]);
  });

  it('lists nothing when no limit is reached', async () => {
    const overview = await firstRun('daily-caps', leads.slice(0, 50));

    expect(overview.capNotes).toEqual([]);
  });

  it('lists nothing when leads miss the fields the flow routes on', async () => {
    const overview = await firstRun('region-teams');

    expect(overview.summary.unassigned).toBe(9240);
    expect(overview.capNotes).toEqual([]);
  });
});

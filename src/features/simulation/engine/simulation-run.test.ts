import { describe, expect, it } from 'vitest';
import {
  compileFlow,
  createRunner,
  type AllocationState,
  type FlowDocument,
  type Lead,
  type Rep,
} from '@sras/engine';
import { runSimulation, type LeadSource, type SimulationInput } from './simulation-run';

const REPS: Rep[] = [
  { id: 'r1', name: '李娜', capacity: { day: 7 } },
  { id: 'r2', name: '王芳', weight: 2 },
  { id: 'r3', name: '张伟' },
];

const FLOW: FlowDocument = {
  format: 'sras.flow',
  version: 1,
  id: 'segments',
  name: 'segments',
  timezone: 'Asia/Shanghai',
  nodes: [
    { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
    { id: 'dedup', type: 'dedup', position: { x: 0, y: 0 }, data: { keys: ['phone', 'company'] } },
    {
      id: 'quota',
      type: 'quota',
      position: { x: 0, y: 0 },
      data: { limit: 9, period: 'day', per: 'city' },
    },
    {
      id: 'rr',
      type: 'roundRobin',
      position: { x: 0, y: 0 },
      data: { assignees: [{ repId: 'r1' }, { repId: 'r2' }, { repId: 'r3' }] },
    },
    {
      id: 'least',
      type: 'leastLoaded',
      position: { x: 0, y: 0 },
      data: { assignees: [{ repId: 'r3' }, { repId: 'r1' }] },
    },
    { id: 'pool', type: 'pool', position: { x: 0, y: 0 }, data: { reason: '重复' } },
  ],
  edges: [
    { id: 'e1', source: 'src', sourceHandle: 'out', target: 'dedup' },
    { id: 'e2', source: 'dedup', sourceHandle: 'unique', target: 'quota' },
    { id: 'e3', source: 'dedup', sourceHandle: 'duplicate', target: 'pool' },
    { id: 'e4', source: 'quota', sourceHandle: 'within', target: 'rr' },
    { id: 'e5', source: 'quota', sourceHandle: 'overflow', target: 'least' },
    { id: 'e6', source: 'rr', sourceHandle: 'overflow', target: 'least' },
  ],
};

/** Leads with repeated phones and companies, several cities and days. */
function makeLeads(count: number, withIds: boolean): Lead[] {
  return Array.from({ length: count }, (_, index) => ({
    ...(withIds ? { id: `L${index}` } : {}),
    phone: `138${String(index % 37).padStart(8, '0')}`,
    company: `公司${index % 53}`,
    city: ['杭州', '深圳', '北京'][index % 3] as string,
    createdAt: `2026-12-0${1 + (index % 3)} 09:00`,
  }));
}

function memorySource(leads: Lead[]): LeadSource {
  return { count: leads.length, read: async (start, end) => leads.slice(start, end) };
}

function input(overrides: Partial<SimulationInput> = {}): SimulationInput {
  return {
    flow: FLOW,
    reps: REPS,
    owners: [{ phone: '13800000005', owner_id: 'r2' }],
    startState: null,
    now: Date.parse('2026-12-02T10:00:00+08:00'),
    timeField: null,
    conditionOptions: {},
    ...overrides,
  };
}

function oneCall(leads: Lead[], settings: SimulationInput, trace = false) {
  const compiled = compileFlow(settings.flow, { reps: settings.reps });
  if (!compiled.ok) throw new Error('flow does not compile');
  return createRunner(compiled.pipeline).run({
    leads,
    reps: settings.reps,
    existingOwners: settings.owners,
    state: settings.startState,
    now: settings.now,
    timeField: settings.timeField,
    trace,
  });
}

async function segmented(leads: Lead[], settings: SimulationInput, segmentSize: number) {
  const outcome = await runSimulation(settings, memorySource(leads), { segmentSize });
  if (!outcome.ok) throw new Error('flow does not compile');
  return outcome.run;
}

describe('runSimulation', () => {
  it('gives the results of one engine call when run in segments', async () => {
    const leads = makeLeads(500, false);
    const expected = oneCall(leads, input());
    const run = await segmented(leads, input(), 64);

    const results = Array.from({ length: run.columns.count }, (_, index) => run.columns.at(index));
    expect(results).toEqual(expected.results.map(({ trace: _trace, ...result }) => result));
    expect(run.summary).toEqual(expected.summary);
    expect(run.state).toEqual(expected.state);
  });

  it('numbers leads without an id by their position in the dataset', async () => {
    const run = await segmented(makeLeads(30, false), input(), 8);
    expect(run.columns.at(17).leadId).toBe(18);
  });

  it('keeps lead ids that the leads carry', async () => {
    const run = await segmented(makeLeads(30, true), input(), 8);
    expect(run.columns.at(17).leadId).toBe('L17');
  });

  it('continues from a starting state as one call does', async () => {
    const first = oneCall(makeLeads(100, false), input());
    const settings = input({ startState: first.state as AllocationState });
    const leads = makeLeads(200, false).slice(100);
    const expected = oneCall(leads, settings);
    const run = await segmented(leads, settings, 30);
    expect(run.columns.at(99).ownerId).toBe(expected.results[99]?.ownerId);
    expect(run.state).toEqual(expected.state);
  });

  it('uses the time field across segments', async () => {
    const leads = makeLeads(240, false);
    const settings = input({ timeField: 'createdAt' });
    const expected = oneCall(leads, settings);
    const run = await segmented(leads, settings, 50);
    expect(run.columns.at(239)).toEqual(
      expect.objectContaining({ ownerId: expected.results[239]?.ownerId }),
    );
    expect(run.summary).toEqual(expected.summary);
  });

  it('runs leads dated before the retention window in one call', async () => {
    const leads = makeLeads(120, false).map((lead) => ({ ...lead, createdAt: '2026-01-05 09:00' }));
    const settings = input({ timeField: 'createdAt' });
    const expected = oneCall(leads, settings);
    const run = await segmented(leads, settings, 25);
    expect(run.summary).toEqual(expected.summary);
    expect(run.columns.at(119).ownerId).toBe(expected.results[119]?.ownerId);
  });

  it('traces a lead of a later segment as one call does', async () => {
    const leads = makeLeads(300, false);
    const expected = oneCall(leads, input(), true);
    const run = await segmented(leads, input(), 64);
    for (const position of [5, 150, 299]) {
      const traced = await run.traceLead(position, memorySource(leads));
      expect(traced.trace?.steps).toEqual(expected.results[position]?.trace?.steps);
      expect(traced.ownerId).toBe(expected.results[position]?.ownerId);
    }
  });

  it('returns the problems of a flow that does not compile', async () => {
    const broken: FlowDocument = {
      ...FLOW,
      nodes: FLOW.nodes.filter((node) => node.type !== 'source'),
    };
    const outcome = await runSimulation(input({ flow: broken }), memorySource([]));
    expect(outcome.ok).toBe(false);
  });

  it('stops between segments when cancelled', async () => {
    let reads = 0;
    const source: LeadSource = {
      count: 100,
      read: async (start, end) => {
        reads += 1;
        return makeLeads(100, false).slice(start, end);
      },
    };
    await expect(
      runSimulation(input(), source, { segmentSize: 10, isCancelled: () => reads >= 2 }),
    ).rejects.toThrow('cancelled');
    expect(reads).toBe(2);
  });
});

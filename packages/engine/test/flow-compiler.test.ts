import { describe, expect, it } from 'vitest';
import { compileFlow } from '../src/compile/flow.compiler.js';
import { parsePipeline } from '../src/compile/pipeline.schema.js';
import type { Pipeline } from '../src/compile/pipeline.types.js';
import { EngineInputError } from '../src/run/engine-input.error.js';
import { createRunner } from '../src/run/runner.js';
import { buildFlow, compileOrThrow, reps } from './support/flow-builder.js';

const flow = buildFlow(
  [
    ['pool', 'pool', { reason: '公海' }],
    ['rr', 'roundRobin', { assignees: [{ repId: 'A' }, { repId: 'B', weight: 3 }] }],
    ['src', 'source'],
    ['island', 'pool'],
    [
      's',
      'score',
      { rules: [{ label: '官网', condition: { '==': [{ var: 'source' }, 'web'] }, points: 10 }] },
    ],
    [
      'rs',
      'regionSplit',
      { regions: [{ id: 'east', label: '华东', values: [' 上海 ', '浙江', '浙江', ''] }] },
    ],
    ['d', 'dedup', {}],
    ['q', 'quota', { limit: 3, period: 'week', per: '' }],
  ],
  [
    ['src', 'out', 's'],
    ['s', 'out', 'rs'],
    ['rs', 'east', 'd'],
    ['d', 'unique', 'q'],
    ['d', 'duplicate', 'pool'],
    ['q', 'within', 'rr'],
    ['rr', 'overflow', 'pool'],
  ],
);

describe('compileFlow', () => {
  const compiled = compileFlow(flow);
  if (!compiled.ok) throw new Error('expected the flow to compile');
  const { pipeline } = compiled;

  it('orders the reachable nodes topologically with the source first', () => {
    expect(pipeline.nodes.map((node) => node.id)).toEqual([
      'src',
      's',
      'rs',
      'd',
      'q',
      'rr',
      'pool',
    ]);
  });

  it('resolves each handle to the index of its target and its edge', () => {
    const dedup = pipeline.nodes[3];

    expect(dedup).toMatchObject({
      handles: ['unique', 'duplicate'],
      targets: [4, 6],
      edges: ['d-unique', 'd-duplicate'],
    });
    expect(pipeline.nodes[2]).toMatchObject({
      handles: ['east', 'else'],
      targets: [3, null],
      edges: ['rs-east', null],
    });
  });

  it('fills in the defaults of the format', () => {
    expect(pipeline.nodes[1]).toMatchObject({ type: 'score', field: 'score', base: 0 });
    expect(pipeline.nodes[2]).toMatchObject({ type: 'regionSplit', field: 'province' });
    expect(pipeline.nodes[3]).toMatchObject({
      keys: ['phone', 'email', 'company'],
      assignExistingOwner: true,
    });
    expect(pipeline.nodes[4]).toMatchObject({ limit: 3, period: 'week', per: null });
    expect(pipeline.nodes[5]).toMatchObject({
      assignees: [
        { repId: 'A', weight: null },
        { repId: 'B', weight: 3 },
      ],
    });
  });

  it('keeps conditions as JSON Logic and region values trimmed without repeats', () => {
    expect(pipeline.nodes[1]).toMatchObject({
      rules: [{ label: '官网', condition: { '==': [{ var: 'source' }, 'web'] }, points: 10 }],
    });
    expect(pipeline.nodes[2]).toMatchObject({
      regions: [{ id: 'east', label: '华东', values: ['上海', '浙江'] }],
    });
  });

  it('passes warnings through and drops unreachable nodes', () => {
    expect(compiled.warnings.map((problem) => [problem.code, problem.nodeId])).toEqual([
      ['node-unreachable', 'island'],
      ['handle-unconnected', 'rs'],
      ['handle-unconnected', 'q'],
    ]);
  });

  it('produces plain JSON that runs the same after a round trip', () => {
    const copy = JSON.parse(JSON.stringify(pipeline)) as Pipeline;
    const input = {
      leads: [
        { province: '上海', phone: '1' },
        { province: '上海', phone: '1' },
        { province: '北京' },
      ],
      reps: reps('A', 'B'),
      now: '2024-05-02 10:00',
    };

    expect(copy).toEqual(pipeline);
    expect(createRunner(copy).run(input)).toEqual(createRunner(pipeline).run(input));
  });

  it('returns the problems instead of a pipeline when any is an error', () => {
    const broken = buildFlow(
      [
        ['src', 'source'],
        ['q', 'quota', { limit: -1, period: 'day' }],
      ],
      [['src', 'out', 'q']],
    );

    const result = compileFlow(broken);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.code)).toEqual([
      'quota-limit-invalid',
      'handle-unconnected',
      'handle-unconnected',
    ]);
  });

  it('checks rep ids against the team when one is given', () => {
    const result = compileFlow(flow, { reps: reps('A') });

    expect(!result.ok && result.problems.map((problem) => problem.code)).toContain('rep-unknown');
  });

  it('compiles in with a text list as the substring test it is, with a warning', () => {
    const substringFlow = buildFlow(
      [
        ['src', 'source'],
        ['f', 'filter', { condition: { in: [{ var: 'province' }, '广东,广西'] } }],
        ['yes', 'pool', { reason: 'match' }],
        ['no', 'pool', { reason: 'else' }],
      ],
      [
        ['src', 'out', 'f'],
        ['f', 'match', 'yes'],
        ['f', 'else', 'no'],
      ],
    );

    const result = compileFlow(substringFlow);
    if (!result.ok) throw new Error('the flow does not compile');
    const { results } = createRunner(result.pipeline).run({
      leads: [{ province: '广东' }, { province: '东,广' }, { province: '广州' }],
      reps: [],
      now: '2024-05-02T10:00:00+08:00',
    });

    expect(result.warnings.map((warning) => warning.code)).toEqual(['condition-in-text-list']);
    expect(results.map((lead) => lead.poolReason)).toEqual(['match', 'match', 'else']);
  });
});

describe('parsePipeline', () => {
  const pipeline = compileOrThrow(flow);

  function rejects(change: (copy: Pipeline) => void): string[] {
    const copy = structuredClone(pipeline);
    change(copy);
    try {
      parsePipeline(copy);
    } catch (error) {
      if (error instanceof EngineInputError) return error.issues.map((issue) => issue.path);
      throw error;
    }
    return [];
  }

  it('accepts a compiled pipeline', () => {
    expect(parsePipeline(pipeline)).toEqual(pipeline);
  });

  it('rejects a handle that points backwards', () => {
    expect(
      rejects((copy) => ((copy.nodes[3] as { targets: (number | null)[] }).targets[0] = 1)),
    ).toEqual(['nodes[3].targets[0]']);
  });

  it('rejects a node whose handles do not match its type', () => {
    expect(rejects((copy) => (copy.nodes[3] as { handles: string[] }).handles.pop())).toContain(
      'nodes[3].handles',
    );
  });

  it('rejects a pipeline that does not start with the source', () => {
    expect(rejects((copy) => copy.nodes.reverse())).toContain('nodes[0].type');
  });

  it('rejects a node of unknown type', () => {
    expect(rejects((copy) => ((copy.nodes[1] as { type: string }).type = 'webhook'))).toEqual([
      'nodes[1].type',
    ]);
  });

  it('rejects a condition outside the allow-list when the runner compiles it', () => {
    const copy = structuredClone(pipeline);
    (copy.nodes[1] as { rules: { condition: unknown }[] }).rules[0] = {
      ...(copy.nodes[1] as { rules: object[] }).rules[0],
      condition: { method: [] },
    };

    expect(() => createRunner(copy)).toThrow(EngineInputError);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../src/compile/flow.compiler.js';
import type { Pipeline } from '../src/compile/pipeline.types.js';
import type { ConditionOptions } from '../src/conditions/index.js';
import type { FlowDocument, Lead, Rep } from '../src/flow/flow.types.js';
import { isPipelineSourceSafe, pipelineSource } from '../src/run/pipeline.codegen.js';
import { buildProgram } from '../src/run/program.js';
import { createRunner } from '../src/run/runner.js';
import type { RunInput } from '../src/run/run.types.js';
import { buildFlow, compileOrThrow, type EdgeSpec, type NodeSpec } from './support/flow-builder.js';
import {
  flowArbitrary,
  leadsArbitrary,
  PROPERTY_NOW,
  teamArbitrary,
} from './support/random-flow.js';
import { OriginalFunction, replaceFunction } from './support/function-constructor.js';

/**
 * Everything a run returns, as text: results (with routes and fields),
 * summary, state and delta of `run`, the delta of `runDelta`, and the
 * columns of `runColumns`.
 */
function runAllWays(
  pipeline: Pipeline,
  input: RunInput,
  codegen: boolean,
  conditionOptions?: ConditionOptions,
): string {
  const runner = createRunner(pipeline, { codegen, conditionOptions });
  const run = runner.run(input);
  const delta = createRunner(pipeline, { codegen, conditionOptions }).runDelta(input);
  const { columns, summary } = createRunner(pipeline, { codegen, conditionOptions }).runColumns(
    input,
  );
  const plainColumns = {
    ...columns,
    leadIdAt: Array.from({ length: columns.count }, (_, index) => columns.leadIdAt(index)),
    owners: Array.from(columns.owners),
    nodes: Array.from(columns.nodes),
    routes: Array.from(columns.routes),
    reasons: Array.from(columns.reasons),
    fieldIds: Array.from(columns.fieldIds),
  };
  return JSON.stringify({ run, delta, columns: plainColumns, summary });
}

/** Points every edge that ends at a pool to one shared pool, so that routes merge. */
function mergePools(flow: FlowDocument): FlowDocument {
  const pools = new Set(flow.nodes.filter((node) => node.type === 'pool').map((node) => node.id));
  if (pools.size === 0) return flow;
  return {
    ...flow,
    nodes: [
      ...flow.nodes.filter((node) => !pools.has(node.id)),
      { id: 'shared-pool', type: 'pool', position: { x: 0, y: 0 }, data: { reason: 'merged' } },
    ],
    edges: flow.edges.map((edge) =>
      pools.has(edge.target) ? { ...edge, target: 'shared-pool' } : edge,
    ),
  };
}

const CHANNELS = ['web', '', 'ad'];

const settings = { seed: 20_240_502, numRuns: 120 };

/** Leads with a few entries that are not objects, which read as empty leads. */
const mixedLeads = fc
  .tuple(leadsArbitrary, fc.array(fc.constantFrom(null, 7, 'text'), { maxLength: 2 }))
  .map(([leads, others]) => [...leads, ...others] as Lead[]);

describe('generated pipeline run', () => {
  it('matches the generic loop on random flows', () => {
    fc.assert(
      fc.property(
        flowArbitrary,
        fc.boolean(),
        teamArbitrary,
        mixedLeads,
        mixedLeads,
        fc.constantFrom('at', null),
        (flow, merge, team, first, second, timeField) => {
          const pipeline = compileOrThrow(merge ? mergePools(flow) : flow);
          const input: RunInput = { leads: first, reps: team, now: PROPERTY_NOW, timeField };
          const generic = runAllWays(pipeline, input, false);
          expect(runAllWays(pipeline, input, true)).toBe(generic);

          // A second batch with the carried state.
          const state = createRunner(pipeline, { codegen: false }).run(input).state;
          const next: RunInput = { ...input, leads: second, state };
          expect(runAllWays(pipeline, next, true)).toBe(runAllWays(pipeline, next, false));
        },
      ),
      settings,
    );
  });

  it('matches the generic loop on golden flows', () => {
    const directory = new URL('./fixtures/golden/', import.meta.url);
    const files = readdirSync(directory).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const golden = JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as {
        flow: FlowDocument;
        reps: Rep[];
        leads: Lead[];
        now: string;
        timeField?: string;
        conditionOptions?: ConditionOptions;
        existingOwners?: RunInput['existingOwners'];
        state?: RunInput['state'];
      };
      const pipeline = compileOrThrow(golden.flow, golden.reps);
      const input: RunInput = {
        leads: golden.leads,
        reps: golden.reps,
        now: golden.now,
        timeField: golden.timeField ?? null,
        existingOwners: golden.existingOwners,
        state: golden.state ?? null,
      };
      expect(runAllWays(pipeline, input, true, golden.conditionOptions), file).toBe(
        runAllWays(pipeline, input, false, golden.conditionOptions),
      );
    }
  });

  it('matches the generic loop when a score changes a field', () => {
    const flow = buildFlow(
      [
        ['src', 'source'],
        ['f0', 'filter', { condition: { '>=': [{ var: 'score' }, 1] } }],
        [
          's1',
          'score',
          {
            base: 1,
            rules: [
              { condition: { '>=': [{ var: 'visits' }, 3] }, points: 0.1 },
              { condition: { '==': [{ var: 'channel' }, 'web'] }, points: 0.2 },
              { condition: { cat: [{ var: 'channel' }, 'x'] }, points: -0.3 },
            ],
          },
        ],
        [
          's2',
          'score',
          {
            field: 'grade',
            base: 0,
            rules: [{ condition: { '>': [{ var: 'score' }, 1] }, points: 5 }],
          },
        ],
        ['f', 'filter', { condition: { '>': [{ var: 'grade' }, 1] } }],
        ['rr', 'roundRobin', { assignees: [{ repId: 'A' }, { repId: 'B' }] }],
        ['pool', 'pool', { reason: 'low' }],
      ],
      [
        ['src', 'out', 'f0'],
        ['f0', 'match', 's1'],
        ['f0', 'else', 'pool'],
        ['s1', 'out', 's2'],
        ['s2', 'out', 'f'],
        ['f', 'match', 'rr'],
        ['f', 'else', 'pool'],
      ],
    );
    const leads = Array.from({ length: 40 }, (_, index) => ({
      id: `L${index}`,
      visits: String(index % 7),
      score: String(index % 4),
      channel: CHANNELS[index % 3],
    }));
    const input: RunInput = {
      leads,
      reps: [
        { id: 'A', name: 'A' },
        { id: 'B', name: 'B' },
      ],
      now: PROPERTY_NOW,
    };
    const pipeline = compileOrThrow(flow);
    expect(runAllWays(pipeline, input, true)).toBe(runAllWays(pipeline, input, false));
  });

  it('uses a switch for flows with many paths', () => {
    // Nine filters in a row whose outputs both lead on: 2^9 paths to the round robin.
    const steps = Array.from({ length: 9 }, (_, index) => `f${index}`);
    const flow = buildFlow(
      [
        ['src', 'source'],
        ...steps.map((id, index): NodeSpec => [
          id,
          'filter',
          { condition: { '>': [{ var: 'visits' }, index] } },
        ]),
        ['rr', 'roundRobin', { assignees: [{ repId: 'A' }, { repId: 'B' }] }],
      ],
      [
        ['src', 'out', 'f0'],
        ...steps.flatMap((id, index): EdgeSpec[] => {
          const next = steps[index + 1] ?? 'rr';
          return [
            [id, 'match', next],
            [id, 'else', next],
          ];
        }),
      ],
    );
    const pipeline = compileOrThrow(flow);
    const source = pipelineSource(buildProgram(pipeline), { quotaValue: () => '' }).text;
    expect(source).toContain('switch (k)');

    const leads = Array.from({ length: 30 }, (_, index) => ({ visits: index % 8 }));
    const input: RunInput = {
      leads,
      reps: [
        { id: 'A', name: 'A', capacity: { day: 10 } },
        { id: 'B', name: 'B' },
      ],
      now: PROPERTY_NOW,
    };
    expect(runAllWays(pipeline, input, true)).toBe(runAllWays(pipeline, input, false));
  });

  it('uses the generic loop where generated code is forbidden', () => {
    const flow = buildFlow(
      [
        ['src', 'source'],
        ['f', 'filter', { condition: { '>=': [{ var: 'visits' }, 2] } }],
        ['a', 'assign', { repId: 'A' }],
        ['pool', 'pool', { reason: 'cold' }],
      ],
      [
        ['src', 'out', 'f'],
        ['f', 'match', 'a'],
        ['f', 'else', 'pool'],
      ],
    );
    const pipeline = compileOrThrow(flow);
    const input: RunInput = {
      leads: [{ visits: '3' }, { visits: '1' }],
      reps: [{ id: 'A', name: 'A' }],
      now: PROPERTY_NOW,
    };
    const expected = runAllWays(pipeline, input, false);

    replaceFunction(() => {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    });
    const results = createRunner(pipeline).run(input).results;
    expect(results.map((result) => result.ownerId)).toEqual(['A', null]);
    expect(runAllWays(pipeline, input, true)).toBe(expected);
  });
});

/** Text that must never reach generated source: quotes, code, comment and template markers. */
const ATTACK = "globalThis['pwned'] = 1";
const HOSTILE = [
  `'); ${ATTACK}; ('`,
  `"; ${ATTACK}; "`,
  `\`\${${ATTACK}}\``,
  `*/ ${ATTACK}; /*`,
  `\${${ATTACK}}`,
  `line\n${ATTACK};\nline`,
  `sep\u2028${ATTACK};\u2029sep`,
  `} }); ${ATTACK}; (function () { {`,
  '\\u0027\\x27',
];

/** Builds a flow whose field names, values, node ids, handle ids, labels and rep ids all hold `text`. */
function hostileFlow(text: string): FlowDocument {
  const id = (suffix: string) => `${text}${suffix}`;
  return buildFlow(
    [
      [id('src'), 'source'],
      [
        id('f'),
        'filter',
        {
          condition: {
            and: [{ '>=': [{ var: text }, 2] }, { in: [{ var: id('c') }, [text, 'web']] }],
          },
        },
      ],
      [
        id('s'),
        'score',
        {
          field: id('score'),
          base: 1,
          rules: [{ label: text, condition: { '==': [{ var: id('c') }, text] }, points: 7 }],
        },
      ],
      [
        id('b'),
        'branch',
        {
          cases: [{ id: id('case'), label: text, condition: { '>': [{ var: id('score') }, 5] } }],
        },
      ],
      [
        id('rs'),
        'regionSplit',
        { field: id('p'), regions: [{ id: id('east'), label: text, values: ['浙江'] }] },
      ],
      [id('q'), 'quota', { limit: 100, period: 'day', per: id('c') }],
      [id('d'), 'dedup', { keys: ['phone'], assignExistingOwner: true }],
      [id('rr'), 'roundRobin', { assignees: [{ repId: id('r1') }, { repId: id('r2') }] }],
      [id('a'), 'assign', { repId: id('r1') }],
      [id('pool'), 'pool', { reason: text }],
    ],
    [
      [id('src'), 'out', id('f')],
      [id('f'), 'match', id('s')],
      [id('f'), 'else', id('pool')],
      [id('s'), 'out', id('b')],
      [id('b'), id('case'), id('rs')],
      [id('b'), 'else', id('a')],
      [id('rs'), id('east'), id('q')],
      [id('rs'), 'else', id('pool')],
      [id('q'), 'within', id('d')],
      [id('q'), 'overflow', id('pool')],
      [id('d'), 'unique', id('rr')],
      [id('d'), 'duplicate', id('pool')],
      [id('rr'), 'overflow', id('pool')],
      [id('a'), 'overflow', id('pool')],
    ],
  );
}

function hostileLeads(text: string): Lead[] {
  return [
    { id: text, [text]: '3', [`${text}c`]: text, [`${text}p`]: '浙江省', phone: '13800000001' },
    { [text]: '3', [`${text}c`]: text, [`${text}p`]: '浙江', phone: '13800000001' },
    { [text]: '3', [`${text}c`]: 'web', [`${text}p`]: '浙江', phone: '13800000002' },
    { [text]: '1', [`${text}c`]: text, [`${text}p`]: '浙江', phone: '13800000003' },
    { [text]: '5', [`${text}c`]: text, [`${text}p`]: '广东', phone: '13800000004' },
  ];
}

describe('generated pipeline safety', () => {
  it('keeps user text out of the source and its behaviour', () => {
    const sources: string[] = [];
    replaceFunction((args) => {
      sources.push(args.at(-1) ?? '');
      return Reflect.construct(OriginalFunction, args);
    });

    for (const text of HOSTILE) {
      const reps: Rep[] = [
        { id: `${text}r1`, name: text },
        { id: `${text}r2`, name: text },
      ];
      const compiled = compileFlow(hostileFlow(text), { reps });
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
      const input: RunInput = { leads: hostileLeads(text), reps, now: PROPERTY_NOW };

      const generated = createRunner(compiled.pipeline).run(input);
      expect(generated.results.map((result) => [result.ownerId, result.reason])).toEqual([
        [`${text}r1`, 'assigned'],
        [`${text}r1`, 'existing-owner'],
        [`${text}r1`, 'assigned'],
        [null, 'pool'],
        [null, 'pool'],
      ]);
      expect(generated.results[3]?.nodeId).toBe(`${text}pool`);
      expect(generated.results[3]?.poolReason).toBe(text);
      expect(generated.results[0]?.route).toContain(`${text}b:${text}case`);
      expect(generated.results[0]?.fields).toEqual({ [`${text}score`]: 8 });

      const generic = createRunner(compiled.pipeline, { codegen: false }).run(input);
      expect(JSON.stringify(generated)).toBe(JSON.stringify(generic));
    }

    const pipelineSources = sources.filter((source) => source.includes('return function (c)'));
    expect(pipelineSources).toHaveLength(HOSTILE.length);
    for (const source of sources) {
      expect(isPipelineSourceSafe(source)).toBe(true);
      for (const text of HOSTILE) expect(source).not.toContain(text);
      expect(source).not.toMatch(/[`$\\/"\u2028\u2029]/);
    }
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('rejects a source with text outside the templates', () => {
    expect(isPipelineSourceSafe("x = d[p0] === 'x';")).toBe(false);
    expect(isPipelineSourceSafe('x = `x`;')).toBe(false);
    expect(isPipelineSourceSafe('x = 1; /* */')).toBe(false);
    expect(isPipelineSourceSafe('x = "x";')).toBe(false);
    expect(isPipelineSourceSafe('x = 1;\u2028x = 2;')).toBe(false);
    expect(isPipelineSourceSafe("if (typeof d !== 'object') x = T[r * 3 + 1] - 1;")).toBe(true);
  });
});

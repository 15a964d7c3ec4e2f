import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../src/flow/flow.types.js';
import { validateFlow } from '../src/validation/flow.validator.js';
import {
  PROBLEM_CODES,
  type FlowProblem,
  type ProblemCode,
} from '../src/validation/problem.types.js';
import { buildFlow, reps, type EdgeSpec, type NodeSpec } from './support/flow-builder.js';

const team = reps('A', 'B', { id: 'C', name: '陈静', active: false });

/** A valid flow that uses every node type; tests change one thing in it. */
function fullFlow(): { nodes: NodeSpec[]; edges: EdgeSpec[] } {
  return {
    nodes: [
      ['src', 'source'],
      ['filter', 'filter', { condition: { '>': [{ var: 'visits' }, 3] } }],
      [
        'score',
        'score',
        { rules: [{ label: 'web', condition: { '==': [{ var: 'source' }, 'web'] }, points: 10 }] },
      ],
      ['branch', 'branch', { cases: [{ id: 'hot', condition: { '>=': [{ var: 'score' }, 10] } }] }],
      [
        'region',
        'regionSplit',
        {
          regions: [
            { id: 'east', values: ['上海', '浙江'] },
            { id: 'south', values: ['广东'] },
          ],
        },
      ],
      ['quota', 'quota', { limit: 100, period: 'day' }],
      ['dedup', 'dedup', { keys: ['phone', 'email'] }],
      ['rr', 'roundRobin', { assignees: [{ repId: 'A' }, { repId: 'B', weight: 2 }] }],
      ['least', 'leastLoaded', { assignees: [{ repId: 'A' }, { repId: 'B' }] }],
      ['assign', 'assign', { repId: 'A' }],
      ['pool', 'pool', { reason: '无人可分配' }],
    ],
    edges: [
      ['src', 'out', 'filter'],
      ['filter', 'match', 'score'],
      ['filter', 'else', 'pool'],
      ['score', 'out', 'branch'],
      ['branch', 'hot', 'assign'],
      ['branch', 'else', 'region'],
      ['region', 'east', 'quota'],
      ['region', 'south', 'least'],
      ['region', 'else', 'pool'],
      ['quota', 'within', 'dedup'],
      ['quota', 'overflow', 'pool'],
      ['dedup', 'unique', 'rr'],
      ['dedup', 'duplicate', 'pool'],
      ['rr', 'overflow', 'pool'],
      ['least', 'overflow', 'pool'],
      ['assign', 'overflow', 'pool'],
    ],
  };
}

/** Codes reported anywhere in this file, to check that every code has a test. */
const reportedCodes = new Set<ProblemCode>();

function check(
  flow: FlowDocument,
  options: Parameters<typeof validateFlow>[1] = {},
): FlowProblem[] {
  const problems = validateFlow(flow, options);
  for (const problem of problems) reportedCodes.add(problem.code);
  return problems;
}

function validate(
  nodes: NodeSpec[],
  edges: EdgeSpec[],
  extra: Partial<FlowDocument> = {},
): FlowProblem[] {
  return check(buildFlow(nodes, edges, extra), { reps: team });
}

/** Validates the full flow after replacing one node's data. */
function withData(nodeId: string, data: Record<string, unknown>): FlowProblem[] {
  const { nodes, edges } = fullFlow();
  return validate(
    nodes.map(([id, type, old]) => (id === nodeId ? [id, type, data] : [id, type, old])),
    edges,
  );
}

function codes(problems: readonly FlowProblem[]): ProblemCode[] {
  return problems.map((problem) => problem.code);
}

describe('validateFlow', () => {
  it('finds no problem in a valid flow using every node type', () => {
    const { nodes, edges } = fullFlow();

    expect(validate(nodes, edges)).toEqual([]);
  });

  describe('document', () => {
    it('rejects an unknown time zone', () => {
      const { nodes, edges } = fullFlow();

      expect(validate(nodes, edges, { timezone: 'Asia/Beijing' })).toEqual([
        {
          code: 'timezone-invalid',
          severity: 'error',
          field: 'timezone',
          params: { timezone: 'Asia/Beijing' },
        },
      ]);
    });

    it('rejects two nodes with one id', () => {
      const { nodes, edges } = fullFlow();

      const problems = validate([...nodes, ['pool', 'pool']], edges);

      expect(problems).toEqual([
        {
          code: 'node-id-duplicate',
          severity: 'error',
          nodeId: 'pool',
          field: 'nodes[11].id',
          params: {},
        },
      ]);
    });

    it('rejects two edges with one id', () => {
      const flow = buildFlow(fullFlow().nodes, fullFlow().edges);
      const first = flow.edges[0];
      if (first === undefined) throw new Error('expected an edge');
      flow.edges.push({
        ...first,
        sourceHandle: 'else',
        source: 'filter',
        target: 'pool',
        id: 'filter-match',
      });

      expect(codes(check(flow))).toEqual(['edge-id-duplicate', 'edge-handle-taken']);
    });

    it('rejects a node type it does not know', () => {
      const problems = validate(
        [
          ['src', 'source'],
          ['hook', 'webhook'],
        ],
        [['src', 'out', 'hook']],
      );

      expect(problems).toContainEqual({
        code: 'node-type-unknown',
        severity: 'error',
        nodeId: 'hook',
        field: 'type',
        params: { type: 'webhook' },
      });
    });
  });

  describe('graph', () => {
    it('rejects a flow without a source', () => {
      expect(codes(validate([['pool', 'pool']], []))).toEqual(['source-missing']);
    });

    it('rejects a second source and names it', () => {
      const problems = validate(
        [
          ['a', 'source'],
          ['b', 'source'],
          ['pool', 'pool'],
        ],
        [
          ['a', 'out', 'pool'],
          ['b', 'out', 'pool'],
        ],
      );

      expect(problems).toEqual([
        { code: 'source-multiple', severity: 'error', nodeId: 'b', params: { count: 2 } },
      ]);
    });

    it('rejects a cycle and lists its path', () => {
      const problems = validate(
        [
          ['src', 'source'],
          ['f1', 'filter', { condition: true }],
          ['f2', 'filter', { condition: true }],
        ],
        [
          ['src', 'out', 'f1'],
          ['f1', 'match', 'f2'],
          ['f2', 'match', 'f1'],
          ['f1', 'else', 'f2'],
        ],
      );

      expect(problems.filter((problem) => problem.code === 'cycle')).toEqual([
        { code: 'cycle', severity: 'error', nodeId: 'f1', params: { path: 'f1 → f2 → f1' } },
      ]);
    });

    it('warns about and ignores an edge from or to a missing node', () => {
      const flow = buildFlow(
        [
          ['src', 'source'],
          ['f', 'filter', { condition: true }],
          ['pool', 'pool'],
        ],
        [
          ['src', 'out', 'f'],
          ['f', 'match', 'pool'],
          ['f', 'else', 'pool'],
          ['ghost', 'out', 'pool'],
        ],
      );
      flow.edges.push({ id: 'to-ghost', source: 'f', sourceHandle: 'match', target: 'ghost' });

      expect(check(flow)).toEqual([
        {
          code: 'edge-source-missing',
          severity: 'warning',
          edgeId: 'ghost-out',
          params: { source: 'ghost' },
        },
        {
          code: 'edge-target-missing',
          severity: 'warning',
          edgeId: 'to-ghost',
          params: { target: 'ghost' },
        },
      ]);
    });

    it('rejects a second edge from one handle', () => {
      const problems = validate(
        [
          ['src', 'source'],
          ['a', 'pool'],
          ['b', 'pool'],
        ],
        [
          ['src', 'out', 'a'],
          ['src', 'out', 'b'],
        ],
      );

      expect(problems).toContainEqual({
        code: 'edge-handle-taken',
        severity: 'error',
        nodeId: 'src',
        edgeId: 'src-out',
        params: { source: 'src', handle: 'out', otherEdgeId: 'src-out' },
      });
    });

    it('warns about an edge from a handle the node does not have', () => {
      const problems = validate(
        [
          ['src', 'source'],
          ['pool', 'pool'],
        ],
        [
          ['src', 'out', 'pool'],
          ['src', 'match', 'pool'],
        ],
      );

      expect(problems).toEqual([
        {
          code: 'edge-handle-unknown',
          severity: 'warning',
          nodeId: 'src',
          edgeId: 'src-match',
          params: { source: 'src', handle: 'match' },
        },
      ]);
    });

    it('warns about an edge that names no handle on a node with several', () => {
      const flow = buildFlow(
        [
          ['src', 'source'],
          ['f', 'filter', { condition: true }],
          ['pool', 'pool'],
        ],
        [
          ['src', 'out', 'f'],
          ['f', 'match', 'pool'],
          ['f', 'else', 'pool'],
        ],
      );
      flow.edges.push({ id: 'loose', source: 'f', target: 'pool' });

      expect(check(flow)).toEqual([
        {
          code: 'edge-handle-missing',
          severity: 'warning',
          nodeId: 'f',
          edgeId: 'loose',
          params: { source: 'f', handles: 'match, else' },
        },
      ]);
    });

    it('rejects an edge into the source', () => {
      const problems = validate(
        [
          ['src', 'source'],
          ['f', 'filter', { condition: true }],
          ['pool', 'pool'],
        ],
        [
          ['src', 'out', 'f'],
          ['f', 'match', 'pool'],
          ['f', 'else', 'src'],
        ],
      );

      expect(problems).toContainEqual({
        code: 'edge-into-source',
        severity: 'error',
        nodeId: 'src',
        edgeId: 'f-else',
        params: { target: 'src' },
      });
    });

    it('warns about a node that no lead can reach', () => {
      const problems = validate(
        [
          ['src', 'source'],
          ['pool', 'pool'],
          ['island', 'pool'],
        ],
        [['src', 'out', 'pool']],
      );

      expect(problems).toEqual([
        { code: 'node-unreachable', severity: 'warning', nodeId: 'island', params: {} },
      ]);
    });

    it('warns about each unconnected output of a reachable node', () => {
      const problems = validate(
        [
          ['src', 'source'],
          ['q', 'quota', { limit: 1, period: 'day' }],
          ['pool', 'pool'],
        ],
        [
          ['src', 'out', 'q'],
          ['q', 'within', 'pool'],
        ],
      );

      expect(problems).toEqual([
        {
          code: 'handle-unconnected',
          severity: 'warning',
          nodeId: 'q',
          params: { handle: 'overflow' },
        },
      ]);
    });

    it('loads a graph whose edges point at deleted nodes without throwing', () => {
      const flow = buildFlow([['C', 'roundRobin']], []);
      flow.edges.push({ id: 'e1', source: 'A', target: 'C' });

      expect(codes(check(flow))).toEqual([
        'source-missing',
        'assignees-empty',
        'edge-source-missing',
      ]);
    });
  });

  describe('conditions', () => {
    it('reports a missing filter condition', () => {
      expect(withData('filter', {})).toEqual([
        {
          code: 'condition-missing',
          severity: 'error',
          nodeId: 'filter',
          field: 'data.condition',
          params: {},
        },
      ]);
    });

    it('rejects an operation outside the allow-list with its path', () => {
      const problems = withData('filter', {
        condition: { method: [{ var: 's' }, 'toUpperCase', []] },
      });

      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        code: 'condition-operator-not-allowed',
        severity: 'error',
        nodeId: 'filter',
        field: 'data.condition',
      });
      expect(problems[0]?.params.path).toEqual(expect.any(String));
    });

    it('rejects a path through the prototype', () => {
      const problems = withData('filter', {
        condition: { '==': [{ var: '__proto__.constructor.name' }, 'Object'] },
      });

      expect(problems.map((problem) => [problem.code, problem.field])).toEqual([
        ['condition-unsafe-path', 'data.condition'],
      ]);
      expect(problems[0]?.params).toMatchObject({ segment: '__proto__' });
    });

    it('rejects a condition nested deeper than the limit', () => {
      let condition: unknown = { var: 'x' };
      for (let level = 0; level < 70; level += 1) condition = { '!': [condition] };

      expect(codes(withData('filter', { condition }))).toEqual(['condition-too-deep']);
    });

    it('rejects a condition larger than the limit', () => {
      const condition = {
        or: Array.from({ length: 6000 }, (_, index) => ({ '==': [{ var: 'a' }, index] })),
      };

      expect(codes(withData('filter', { condition }))).toEqual(['condition-too-large']);
    });

    it('rejects a malformed condition', () => {
      expect(codes(withData('filter', { condition: { '>': 'x', '<': 'y' } }))).toEqual([
        'condition-invalid',
      ]);
    });

    it('names the case whose condition is bad', () => {
      const problems = withData('branch', {
        cases: [
          { id: 'ok', condition: true },
          { id: 'bad', condition: { log: 1 } },
        ],
      });

      expect(problems.map((problem) => problem.field)).toContain('data.cases[1].condition');
    });

    it('names the score rule whose condition is bad', () => {
      const problems = withData('score', {
        rules: [{ label: 'x', condition: { method: [] }, points: 1 }],
      });

      expect(problems.map((problem) => problem.field)).toEqual(['data.rules[0].condition']);
    });

    it('warns about in with a comma-separated text and suggests a list', () => {
      const problems = withData('filter', {
        condition: { in: [{ var: 'province' }, '广东,广西'] },
      });

      expect(problems).toEqual([
        {
          code: 'condition-in-text-list',
          severity: 'warning',
          nodeId: 'filter',
          field: 'data.condition',
          params: { path: 'in[1]', value: '广东,广西', items: '["广东","广西"]' },
        },
      ]);
    });

    it.each([
      ['广东、广西', '["广东","广西"]'],
      ['广东，广西 , 海南', '["广东","广西","海南"]'],
      ['广东,', '["广东"]'],
    ])('warns about in with the text %j', (text, items) => {
      const problems = withData('filter', { condition: { in: [{ var: 'province' }, text] } });

      expect(problems.map((problem) => [problem.code, problem.params.items])).toEqual([
        ['condition-in-text-list', items],
      ]);
    });

    it('names the path of a text list nested in a score rule', () => {
      const problems = withData('score', {
        rules: [
          {
            label: 'south',
            condition: {
              and: [{ '>': [{ var: 'visits' }, 1] }, { in: [{ var: 'province' }, '广东、广西'] }],
            },
            points: 5,
          },
        ],
      });

      expect(problems).toMatchObject([
        {
          code: 'condition-in-text-list',
          field: 'data.rules[0].condition',
          params: { path: 'and[1].in[1]' },
        },
      ]);
    });

    it.each([
      ['a list', { in: [{ var: 'province' }, ['广东', '广西']] }],
      ['a text without separators', { in: [{ var: 'remark' }, '加急'] }],
      ['a field as the second argument', { in: ['VIP', { var: 'tags' }] }],
      ['a comma as the first argument', { in: [',', { var: 'remark' }] }],
    ])('does not warn about in with %s', (_name, condition) => {
      expect(withData('filter', { condition })).toEqual([]);
    });
  });

  describe('orderings of text columns', () => {
    const fieldTypes = {
      手机: 'phone',
      邮编: 'postalCode',
      备注: 'text',
      访问次数: 'number',
    } as const;

    function withCondition(condition: unknown): FlowProblem[] {
      const { nodes, edges } = fullFlow();
      const specs = nodes.map(([id, type, data]): NodeSpec =>
        id === 'filter' ? [id, type, { condition }] : [id, type, data],
      );
      return check(buildFlow(specs, edges), {
        reps: team,
        conditionOptions: { fieldTypes },
      });
    }

    it('warns when a phone column is compared with a number', () => {
      expect(withCondition({ '>': [{ var: '手机' }, 13_000_000_000] })).toEqual([
        {
          code: 'condition-text-column-ordered',
          severity: 'warning',
          nodeId: 'filter',
          field: 'data.condition',
          params: { path: '>[0]', field: '手机', value: 13_000_000_000 },
        },
      ]);
    });

    it.each([
      ['a postal code on the right', { '<=': [100_000, { var: '邮编' }] }],
      ['a text column in a between test', { '<': [1, { var: '备注' }, 9] }],
    ])('names the path of %s', (_name, ordering) => {
      const problems = withCondition({ and: [{ '==': [1, 1] }, ordering] });

      expect(problems.map((problem) => problem.code)).toEqual(['condition-text-column-ordered']);
      expect(String(problems[0]?.params.path)).toMatch(/^and\[1\]\.[<=]+\[1\]$/);
    });

    it.each([
      ['a number column', { '>': [{ var: '访问次数' }, 9] }],
      ['an untyped column', { '>': [{ var: 'visits' }, 9] }],
      ['a text column against text', { '>': [{ var: '备注' }, 'm'] }],
      ['a text column tested for equality', { '==': [{ var: '手机' }, 13_800_000_000] }],
      ['list elements inside some', { some: [{ var: '手机' }, { '>': [{ var: '' }, 5] }] }],
    ])('does not warn about %s', (_name, condition) => {
      expect(withCondition(condition)).toEqual([]);
    });

    it('does not warn when the caller declares no column types', () => {
      expect(withData('filter', { condition: { '>': [{ var: '手机' }, 5] } })).toEqual([]);
    });
  });

  describe('node data', () => {
    it.each([
      [
        { rules: [{ condition: true, points: '5' }] },
        'score-points-invalid',
        'data.rules[0].points',
      ],
      [
        { rules: [{ condition: true, points: Number.NaN }] },
        'score-points-invalid',
        'data.rules[0].points',
      ],
      [{ rules: [], base: 'ten' }, 'score-base-invalid', 'data.base'],
      [{ rules: [], field: ' ' }, 'score-field-invalid', 'data.field'],
      [{ rules: 'none' }, 'node-data-invalid', 'data.rules'],
      [{ rules: [5] }, 'node-data-invalid', 'data.rules[0]'],
      [
        { rules: [{ condition: true, points: 1, label: 7 }] },
        'node-data-invalid',
        'data.rules[0].label',
      ],
    ])('reports bad score data %j', (data, code, field) => {
      const problems = withData('score', data);

      expect(problems.map((problem) => [problem.code, problem.field])).toContainEqual([
        code,
        field,
      ]);
    });

    it.each([
      [
        {
          cases: [
            { id: 'a', condition: true },
            { id: 'a', condition: true },
          ],
        },
        'case-id-duplicate',
        'data.cases[1].id',
      ],
      [{ cases: [{ id: 'else', condition: true }] }, 'case-id-invalid', 'data.cases[0].id'],
      [{ cases: [{ id: '', condition: true }] }, 'case-id-invalid', 'data.cases[0].id'],
      [{ cases: [{ condition: true }] }, 'case-id-invalid', 'data.cases[0].id'],
      [{ cases: {} }, 'node-data-invalid', 'data.cases'],
    ])('reports bad branch data %j', (data, code, field) => {
      const problems = withData('branch', data);

      expect(problems.map((problem) => [problem.code, problem.field])).toContainEqual([
        code,
        field,
      ]);
    });

    it.each([
      [
        {
          regions: [
            { id: 'a', values: [] },
            { id: 'a', values: [] },
          ],
        },
        'region-id-duplicate',
        'data.regions[1].id',
      ],
      [{ regions: [{ id: 'else', values: [] }] }, 'region-id-invalid', 'data.regions[0].id'],
      [
        { regions: [{ id: 'a', values: [3] }] },
        'region-value-invalid',
        'data.regions[0].values[0]',
      ],
      [{ regions: [{ id: 'a', values: '广东' }] }, 'node-data-invalid', 'data.regions[0].values'],
      [{ regions: [], field: '' }, 'region-field-invalid', 'data.field'],
    ])('reports bad region data %j', (data, code, field) => {
      const problems = withData('region', data);

      expect(problems.map((problem) => [problem.code, problem.field])).toContainEqual([
        code,
        field,
      ]);
    });

    it('warns about a value listed in two regions, naming both', () => {
      const problems = withData('region', {
        regions: [
          { id: 'east', label: '华东', values: ['上海', '浙江'] },
          { id: 'south', label: '华南', values: ['广东', ' 上海 '] },
        ],
      });

      expect(problems).toContainEqual({
        code: 'region-value-duplicate',
        severity: 'warning',
        nodeId: 'region',
        field: 'data.regions[1].values[1]',
        params: { value: ' 上海 ', region: '华东', otherRegion: '华南' },
      });
    });

    it.each([
      [{ limit: -1, period: 'day' }, 'quota-limit-invalid', { value: '-1' }],
      [{ limit: 2.5, period: 'day' }, 'quota-limit-invalid', { value: '2.5' }],
      [{ limit: '10', period: 'day' }, 'quota-limit-invalid', { value: '10' }],
      [{ period: 'day' }, 'quota-limit-invalid', { value: 'undefined' }],
      [{ limit: 10, period: 'year' }, 'quota-period-invalid', { value: 'year' }],
      [{ limit: 10 }, 'quota-period-invalid', { value: 'undefined' }],
    ])('reports bad quota data %j', (data, code, params) => {
      const problems = withData('quota', data);

      expect(problems).toEqual([
        expect.objectContaining({
          code,
          severity: 'error',
          nodeId: 'quota',
          params,
        }) as FlowProblem,
      ]);
    });

    it('accepts a limit of 0 and an empty per field', () => {
      expect(withData('quota', { limit: 0, period: 'total', per: '' })).toEqual([]);
    });

    it('rejects a per field that is not a field name', () => {
      expect(codes(withData('quota', { limit: 1, period: 'week', per: 5 }))).toEqual([
        'quota-per-invalid',
      ]);
    });

    it.each([
      [{ keys: [] }, 'dedup-keys-empty'],
      [{ keys: ['phone', 'wechat'] }, 'dedup-key-unknown'],
      [{ keys: ['phone', 'phone'] }, 'dedup-key-duplicate'],
      [{ keys: 'phone' }, 'node-data-invalid'],
      [{ keys: ['phone'], assignExistingOwner: 'yes' }, 'node-data-invalid'],
    ])('reports bad dedup data %j', (data, code) => {
      expect(codes(withData('dedup', data))).toEqual([code]);
    });

    it('accepts a dedup node without keys, which uses all three', () => {
      expect(withData('dedup', {})).toEqual([]);
    });

    it.each([
      [{ assignees: [] }, 'assignees-empty', 'data.assignees'],
      [{}, 'assignees-empty', 'data.assignees'],
      [
        { assignees: [{ repId: 'A' }, { repId: 'A' }] },
        'assignee-duplicate',
        'data.assignees[1].repId',
      ],
      [
        { assignees: [{ repId: 'A', weight: -1 }] },
        'assignee-weight-invalid',
        'data.assignees[0].weight',
      ],
      [
        { assignees: [{ repId: 'A', weight: '2' }] },
        'assignee-weight-invalid',
        'data.assignees[0].weight',
      ],
      [{ assignees: [{ repId: '' }] }, 'rep-id-missing', 'data.assignees[0].repId'],
      [{ assignees: [{ repId: 'Z' }] }, 'rep-unknown', 'data.assignees[0].repId'],
      [{ assignees: ['A'] }, 'node-data-invalid', 'data.assignees[0]'],
    ])('reports bad round-robin data %j', (data, code, field) => {
      const problems = withData('rr', data);

      expect(problems.map((problem) => [problem.code, problem.field])).toEqual([[code, field]]);
    });

    it('warns about an inactive rep and names them', () => {
      expect(withData('least', { assignees: [{ repId: 'A' }, { repId: 'C' }] })).toEqual([
        {
          code: 'rep-inactive',
          severity: 'warning',
          nodeId: 'least',
          field: 'data.assignees[1].repId',
          params: { repId: 'C', repName: '陈静' },
        },
      ]);
    });

    it('reports an empty least-loaded list', () => {
      expect(codes(withData('least', { assignees: [] }))).toEqual(['assignees-empty']);
    });

    it('reports an assign node without a rep, or with an unknown one', () => {
      expect(codes(withData('assign', {}))).toEqual(['rep-id-missing']);
      expect(codes(withData('assign', { repId: 'Z' }))).toEqual(['rep-unknown']);
    });

    it('skips rep checks when no team is given', () => {
      const { nodes, edges } = fullFlow();
      const flow = buildFlow(
        nodes.map(([id, type, data]) =>
          id === 'assign' ? [id, type, { repId: 'Z' }] : [id, type, data],
        ),
        edges,
      );

      expect(check(flow)).toEqual([]);
    });

    it('reports a pool reason that is not text', () => {
      expect(codes(withData('pool', { reason: 42 }))).toEqual(['node-data-invalid']);
    });
  });

  describe('dataset fields', () => {
    /** Every field the full flow reads: visits, source, province, phone and email. */
    const allFields = ['visits', 'source', 'province', 'phone', 'email'];

    function withDatasetFields(datasetFields: readonly string[]): FlowProblem[] {
      const { nodes, edges } = fullFlow();
      return check(buildFlow(nodes, edges), { reps: team, datasetFields });
    }

    it('finds nothing when the dataset has every field the nodes read', () => {
      expect(withDatasetFields(allFields)).toEqual([]);
    });

    it('checks nothing when no dataset fields are given', () => {
      const { nodes, edges } = fullFlow();

      expect(check(buildFlow(nodes, edges), { reps: team })).toEqual([]);
    });

    it('names the column and the node that reads it', () => {
      const problems = withDatasetFields(allFields.filter((field) => field !== 'province'));

      expect(problems).toEqual([
        {
          code: 'field-not-in-dataset',
          severity: 'warning',
          nodeId: 'region',
          field: 'data.field',
          params: { column: 'province' },
        },
      ]);
    });

    it('reports condition fields with the path of their condition', () => {
      const problems = withDatasetFields(['province', 'phone', 'email']);

      expect(problems.map((problem) => [problem.nodeId, problem.field, problem.params])).toEqual([
        ['filter', 'data.condition', { column: 'visits' }],
        ['score', 'data.rules[0].condition', { column: 'source' }],
      ]);
    });

    it('never reports the field a score node writes', () => {
      const problems = withDatasetFields(allFields);

      expect(problems.some((problem) => problem.params.column === 'score')).toBe(false);
    });

    it('reports dedup keys and the quota per field', () => {
      const { nodes, edges } = fullFlow();
      const flow = buildFlow(
        nodes.map(([id, type, data]) =>
          id === 'quota'
            ? [id, type, { limit: 100, period: 'day', per: 'city' }]
            : [id, type, data],
        ),
        edges,
      );

      const problems = check(flow, { reps: team, datasetFields: ['visits', 'source', 'province'] });

      expect(problems.map((problem) => [problem.nodeId, problem.params.column])).toEqual([
        ['quota', 'city'],
        ['dedup', 'phone'],
        ['dedup', 'email'],
      ]);
      expect(problems.every((problem) => problem.severity === 'warning')).toBe(true);
    });

    it('finds a dotted field by its first segment', () => {
      const { nodes, edges } = fullFlow();
      const flow = buildFlow(
        nodes.map(([id, type, data]) =>
          id === 'filter'
            ? [id, type, { condition: { '>': [{ var: 'stats.visits' }, 3] } }]
            : [id, type, data],
        ),
        edges,
      );
      const fields = ['stats', 'source', 'province', 'phone', 'email'];

      expect(check(flow, { reps: team, datasetFields: fields })).toEqual([]);
    });
  });

  it('has a test for every problem code the validator reports', () => {
    const reportedElsewhere = new Set<ProblemCode>([
      // Reported by parseFlow, and tested with it.
      'flow-json-invalid',
      'flow-format-invalid',
      'flow-version-invalid',
      'flow-version-unsupported',
      'flow-migration-missing',
      'schema-invalid',
    ]);

    const untested = PROBLEM_CODES.filter(
      (code) => !reportedElsewhere.has(code) && !reportedCodes.has(code),
    );

    expect(untested).toEqual([]);
  });
});

import fc from 'fast-check';
import type { FlowDocument, FlowEdge, FlowNode, Lead, Rep } from '../../src/flow/flow.types.js';

/**
 * fast-check arbitraries for property tests: random teams, leads and flows.
 * Flows are trees grown from the source, so every generated flow is a valid
 * DAG; some outputs are left unconnected on purpose (no-route).
 */

export const REP_IDS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'] as const;
const PROVINCES = [
  '广东',
  '广东省',
  '深圳',
  '浙江',
  '杭州市',
  'Shanghai',
  '北京',
  '',
  '  ',
  '火星',
];
const CHANNELS = ['web', 'Web', 'ad', '展会', '', 'Select'];
const DAYS = ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-06'];

/** The `now` of every property run, a Thursday. */
export const PROPERTY_NOW = '2024-05-02T12:00:00+08:00';

const capacity = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 2 });

export const repArbitrary = (id: string): fc.Arbitrary<Rep> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Rep ${id}`),
    active: fc.oneof(
      { weight: 4, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    weight: fc.integer({ min: 0, max: 4 }),
    capacity: fc.record({ day: capacity, week: capacity, month: capacity }),
    openLeads: fc.integer({ min: 0, max: 5 }),
    unavailable: fc.array(
      fc.constantFrom(...DAYS).map((day) => ({ from: day, to: day })),
      { maxLength: 1 },
    ),
  });

/** A team of some of the rep ids, so that flows also name reps outside it. */
export const teamArbitrary: fc.Arbitrary<Rep[]> = fc
  .subarray([...REP_IDS], { minLength: 1 })
  .chain((ids) => fc.tuple(...ids.map(repArbitrary)));

const numericText = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 20 }).map(String),
  fc.constantFrom('', ' ', 'abc', '010', null),
);

export const leadArbitrary: fc.Arbitrary<Lead> = fc.record(
  {
    visits: numericText,
    province: fc.constantFrom(...PROVINCES),
    channel: fc.constantFrom(...CHANNELS),
    phone: fc.constantFrom('13800000001', '+86 138 0000 0001', '13800000002', '13800000003', ''),
    email: fc.constantFrom('a@x.cn', 'A@X.cn ', 'b@x.cn', ''),
    company: fc.constantFrom('示例科技有限公司', '示例科技（杭州）有限公司', '另一家公司', ''),
    vip: fc.boolean(),
    at: fc.oneof(
      fc
        .tuple(fc.constantFrom(...DAYS), fc.integer({ min: 0, max: 23 }))
        .map(([day, hour]) => `${day} ${String(hour).padStart(2, '0')}:30`),
      fc.constantFrom('', 'unknown'),
    ),
  },
  { requiredKeys: ['visits', 'province', 'channel', 'phone'] },
);

export const leadsArbitrary = fc.array(leadArbitrary, { maxLength: 60 });

/** A subtree of the flow: a node and what hangs off its handles, or an open end. */
type Tree = { type: string; data: Record<string, unknown>; children: (Tree | null)[] } | null;

const assigneesArbitrary = fc
  .subarray([...REP_IDS], { minLength: 1 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((repId) =>
        fc.record({
          repId: fc.constant(repId),
          weight: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        }),
      ),
    ),
  )
  .map((assignees) =>
    assignees.map(({ repId, weight }) => (weight === undefined ? { repId } : { repId, weight })),
  );

const condition = fc.constantFrom<unknown>(
  { '>': [{ var: 'visits' }, 5] },
  { '<=': [{ var: 'visits' }, 10] },
  { var: 'vip' },
  { in: [{ var: 'channel' }, ['web', 'ad']] },
  { '==': [{ var: 'score' }, 10] },
  { '!': [{ var: 'email' }] },
);

const pool: Tree = { type: 'pool', data: { reason: 'pool' }, children: [] };
const leaf: fc.Arbitrary<Tree> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(pool) },
  { weight: 1, arbitrary: fc.constant<Tree>(null) },
);

/** Grows a random tree of nodes below the source, at most `depth` levels deep. */
function treeArbitrary(depth: number): fc.Arbitrary<Tree> {
  if (depth === 0) return leaf;
  const child = (): fc.Arbitrary<Tree> => treeArbitrary(depth - 1);

  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc.tuple(condition, child(), child()).map(([expr, match, otherwise]) => ({
        type: 'filter',
        data: { condition: expr },
        children: [match, otherwise],
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(child()).map(([next]) => ({
        type: 'score',
        data: {
          base: 1,
          rules: [{ label: 'web', condition: { '==': [{ var: 'channel' }, 'web'] }, points: 9 }],
        },
        children: [next],
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(condition, condition, child(), child(), child())
        .map(([first, second, a, b, rest]) => ({
          type: 'branch',
          data: {
            cases: [
              { id: 'c1', condition: first },
              { id: 'c2', condition: second },
            ],
          },
          children: [a, b, rest],
        })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(child(), child(), child()).map(([east, south, rest]) => ({
        type: 'regionSplit',
        data: {
          regions: [
            { id: 'east', values: ['浙江', '上海'] },
            { id: 'south', values: ['广东'] },
          ],
        },
        children: [east, south, rest],
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.integer({ min: 0, max: 8 }),
          fc.constantFrom('day', 'week', 'month', 'total'),
          fc.constantFrom(undefined, 'channel'),
          child(),
          child(),
        )
        .map(([limit, period, per, within, overflow]) => ({
          type: 'quota',
          data: per === undefined ? { limit, period } : { limit, period, per },
          children: [within, overflow],
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.subarray(['phone', 'email', 'company'], { minLength: 1 }),
          fc.boolean(),
          child(),
          child(),
        )
        .map(([keys, assignExistingOwner, unique, duplicate]) => ({
          type: 'dedup',
          data: { keys, assignExistingOwner },
          children: [unique, duplicate],
        })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom('roundRobin', 'leastLoaded'), assigneesArbitrary, child())
        .map(([type, assignees, overflow]) => ({
          type,
          data: { assignees },
          children: [overflow],
        })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...REP_IDS), child()).map(([repId, overflow]) => ({
        type: 'assign',
        data: { repId },
        children: [overflow],
      })),
    },
  );
}

const HANDLES: Record<string, string[]> = {
  filter: ['match', 'else'],
  score: ['out'],
  branch: ['c1', 'c2', 'else'],
  regionSplit: ['east', 'south', 'else'],
  quota: ['within', 'overflow'],
  dedup: ['unique', 'duplicate'],
  roundRobin: ['overflow'],
  leastLoaded: ['overflow'],
  assign: ['overflow'],
};

/** Turns a tree into a flow document with a source at its root. */
export function treeToFlow(tree: Tree): FlowDocument {
  const nodes: FlowNode[] = [{ id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} }];
  const edges: FlowEdge[] = [];

  const add = (subtree: Tree, parent: string, handle: string): void => {
    if (subtree === null) return;
    const id = `n${nodes.length}`;
    nodes.push({
      id,
      type: subtree.type,
      position: { x: nodes.length * 10, y: 0 },
      data: subtree.data,
    });
    edges.push({ id: `e${edges.length}`, source: parent, sourceHandle: handle, target: id });
    (HANDLES[subtree.type] ?? []).forEach((childHandle, index) =>
      add(subtree.children[index] ?? null, id, childHandle),
    );
  };
  add(tree, 'src', 'out');

  return {
    format: 'sras.flow',
    version: 1,
    id: 'random',
    name: 'Random',
    timezone: 'Asia/Shanghai',
    nodes,
    edges,
  };
}

export const flowArbitrary: fc.Arbitrary<FlowDocument> = treeArbitrary(4).map(treeToFlow);

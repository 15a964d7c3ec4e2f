/**
 * Timings of the targets and dashboard computations on large inputs, the
 * work the browser's main thread does between two frames:
 * - a plan for 500 reps in 25 teams (6,000 leaf cells): creating it,
 *   changing the company total with locks, and one rep's month;
 * - reading 100,000 deal rows into records in chunks of 1,000 (the size the
 *   dashboard reads from IndexedDB between two yields);
 * - the dashboard's figures over those 100,000 records for 500 reps.
 *
 * Plan edits and the figures run in Web Workers in the app; what stays
 * on the main thread is copying the messages, timed here with
 * `structuredClone` (what `postMessage` does to its data).
 *
 * Run: npm run bench:dashboard
 */
import { performance } from 'node:perf_hooks';
import { createTargetPlan, type PlanPerson, setCellLock, setCellValue } from '../../targets';
import { computeGrid } from '../../targets/plan-grid';
import { computeDashboardFigures, type FiguresQuery } from '../dashboard-figures';
import { readDatasetRecords, type OutcomeRecord } from '../outcome-records';

function time<T>(label: string, runs: number, work: () => T): T {
  let result = work();
  const started = performance.now();
  for (let run = 0; run < runs; run++) result = work();
  const each = (performance.now() - started) / runs;
  console.log(`${label.padEnd(66)} ${each.toFixed(2).padStart(9)} ms`);
  return result;
}

const people: PlanPerson[] = Array.from({ length: 500 }, (_, index) => ({
  id: `r${index}`,
  name: `销售${index}`,
  team: `团队${index % 25}`,
  weight: 1 + (index % 3),
  ...(index % 17 === 0 ? { employmentStart: '2027-05-16' } : {}),
}));

const built = time('createTargetPlan, 500 reps × 12 months (plan-edit worker)', 5, () =>
  createTargetPlan({
    id: 'bench',
    name: 'bench',
    year: 2027,
    unit: 'yuan',
    total: 120_000_000,
    timeSplit: { method: 'seasonal', monthWeights: [1, 1, 2, 2, 2, 2, 1, 1, 2, 2, 3, 4] },
    peopleSplit: { method: 'weight' },
    people,
    now: 0,
  }),
);
if (!built.ok) throw new Error('plan failed');

let plan = built.value;
for (const row of ['rep:r3', 'team:团队4', 'rep:r40']) {
  const locked = setCellLock(plan, { row, column: 'q2' }, true, 0);
  if (locked.ok) plan = locked.value;
}
const respread = time('setCellValue company year, 3 locks (plan-edit worker)', 5, () =>
  setCellValue(plan, { row: 'company', column: 'year' }, 150_000_000, 0),
);
time('main thread: copy the edit request and its answer', 5, () => {
  structuredClone({ plan, cell: { row: 'company', column: 'year' }, value: 150_000_000 });
  return structuredClone(respread);
});
time('main thread: computeGrid, the grid table of 500 reps', 5, () => computeGrid(plan));
time('setCellValue one rep month', 5, () =>
  setCellValue(plan, { row: 'rep:r7', column: 'm5' }, 99_999, 0),
);

const owners = people.map((person) => person.name);
const stages = ['赢单', '赢单', '方案报价', '输单', '初步沟通'];
const rows = Array.from({ length: 100_000 }, (_, index) => {
  const created = new Date(Date.UTC(2027, 0, 1 + (index % 150)));
  const closed = new Date(created.getTime() + (index % 30) * 86_400_000);
  return {
    负责人: owners[index % owners.length],
    阶段: stages[index % stages.length],
    金额: index % 7 === 0 ? `¥${(index % 90) + 10},000` : String(((index % 90) + 10) * 1000),
    创建日期: created.toISOString().slice(0, 10),
    成交日期: closed.toISOString().slice(0, 10).replace(/-/g, '/'),
    来源: ['官网', '展会', '抖音'][index % 3],
  };
});
const mapping = {
  owner: '负责人',
  stage: '阶段',
  amount: '金额',
  createdAt: '创建日期',
  closedAt: '成交日期',
  source: '来源',
};

time('readDatasetRecords, one chunk of 1,000 rows', 20, () =>
  readDatasetRecords({ id: 'deals', rows: rows.slice(0, 1000) }, { mapping }),
);
const records: OutcomeRecord[] = time('readDatasetRecords, 100,000 rows at once', 2, () =>
  readDatasetRecords({ id: 'deals', rows }, { mapping }),
).records;

const query: FiguresQuery = {
  reps: people.map((person) => ({ id: person.id, name: person.name, team: person.team })),
  targets: new Map([[2027, plan.values]]),
  targetUnit: 'yuan',
  monthlyTargets: new Map([[2027, new Array<number>(12).fill(10_000_000)]]),
  trendPeriod: { start: '2027-01-01', end: '2027-12-31' },
  period: { start: '2027-03-01', end: '2027-03-31' },
  asOf: '2027-03-16',
  behindMargin: 0.1,
  fairness: { threshold: 0.05, minLeads: 20 },
};
const figures = time('dashboard figures, 100,000 records, 500 reps (dashboard worker)', 5, () =>
  computeDashboardFigures({ records, issues: {}, pools: [] }, query),
);
time('main thread: copy the figures request and its answer', 5, () => {
  structuredClone({ query, reps: query.reps });
  return structuredClone(figures);
});

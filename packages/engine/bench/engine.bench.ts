/**
 * Engine benchmark: 1,000,000 generated leads through source → filter →
 * score → region split → quota → round robin (8 weighted reps with daily
 * caps), three ways in one process: the compiled runner, json-logic-js
 * interpreting every condition for each lead, and a loop written by hand
 * for this flow. Checks that all three give each lead the same owner, route
 * and score, prints leads per second (median of the timed runs) and peak
 * memory, and ends with `compiled/handwritten=R1 interpreted/compiled=R2`
 * (ratios of median CPU times).
 *
 * Run: npm run bench:engine   (LEADS=200000 for a quicker look; RUNS=9 for more rounds)
 */
import { performance } from 'node:perf_hooks';
import { compileFlow, createRunner, type Lead, type LeadColumns } from '../src/index.js';
import {
  allocateHandwritten,
  createInterpretedAllocator,
  ROUTE_TABLE,
  type BaselineColumns,
} from './allocation-baselines.js';
import { BENCH_FLOW, generateLeads, NOW, REPS } from './bench-flow.js';

const LEAD_COUNT = Number(process.env.LEADS ?? 1_000_000);
const RUNS = Math.max(5, Number(process.env.RUNS ?? 5));

/** One way to allocate the leads; returns the number of leads it wrote, as a sanity check. */
type Allocate = (leads: readonly Lead[]) => number;

/** Per-lead owner, route and score in compact arrays, to compare variants without keeping their results. */
interface Signature {
  owners: Int8Array;
  routes: Int32Array;
  scores: Float64Array;
}

const routeIds = new Map<string, number>();

function routeIdOf(route: readonly string[]): number {
  const text = route.join(' ');
  let id = routeIds.get(text);
  if (id === undefined) {
    id = routeIds.size;
    routeIds.set(text, id);
  }
  return id;
}

/** The signature of the runner's columns. */
function engineSignature(columns: LeadColumns): Signature {
  const repIndex = columns.repIds.map((repId) => REPS.findIndex((rep) => rep.id === repId));
  const routeIndex = columns.routeTable.map(routeIdOf);
  const signature = emptySignature(columns.count);
  for (let index = 0; index < columns.count; index += 1) {
    const owner = columns.owners[index] as number;
    signature.owners[index] = owner < 0 ? -1 : (repIndex[owner] as number);
    signature.routes[index] = routeIndex[columns.routes[index] as number] as number;
    const score = columns.fieldsTable[columns.fieldIds[index] as number]?.score;
    signature.scores[index] = typeof score === 'number' ? score : Number.NaN;
  }
  return signature;
}

/** The signature of a baseline's columns. */
function baselineSignature(columns: BaselineColumns): Signature {
  const routeIndex = ROUTE_TABLE.map(routeIdOf);
  const signature = emptySignature(columns.owners.length);
  signature.owners.set(columns.owners);
  signature.scores.set(columns.scores);
  columns.routes.forEach((route, index) => {
    signature.routes[index] = routeIndex[route] as number;
  });
  return signature;
}

function emptySignature(count: number): Signature {
  return {
    owners: new Int8Array(count),
    routes: new Int32Array(count),
    scores: new Float64Array(count),
  };
}

function assertSameResults(name: string, expected: Signature, actual: Signature): void {
  for (let index = 0; index < expected.owners.length; index += 1) {
    const sameScore =
      Object.is(expected.scores[index], actual.scores[index]) ||
      expected.scores[index] === actual.scores[index];
    if (
      expected.owners[index] !== actual.owners[index] ||
      expected.routes[index] !== actual.routes[index] ||
      !sameScore
    ) {
      throw new Error(`${name} differs from the compiled runner at lead ${index + 1}`);
    }
  }
}

/** Median wall-clock and CPU time of one variant, in milliseconds. */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

/**
 * Times each variant `runs` times after a warm-up call, with a full garbage
 * collection before each call (when Node runs with --expose-gc) so that one
 * variant's garbage is not charged to the next. The variants take turns
 * within each round, so that a burst of load on the machine slows all of
 * them alike. Returns the median wall-clock time and the median CPU time of
 * the process (all threads, so V8's concurrent GC work counts too).
 */
function medianTimes<K extends string>(
  variants: Readonly<Record<K, Allocate>>,
  leads: readonly Lead[],
  runs: number,
): Record<K, Timing> {
  const names = Object.keys(variants) as K[];
  const wall = new Map<K, number[]>(names.map((name) => [name, []]));
  const cpu = new Map<K, number[]>(names.map((name) => [name, []]));
  for (const name of names) variants[name](leads);

  for (let run = 0; run < runs; run += 1) {
    for (const name of names) {
      collectGarbage();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const written = variants[name](leads);
      (wall.get(name) as number[]).push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      (cpu.get(name) as number[]).push((used.user + used.system) / 1000);
      if (written !== leads.length) throw new Error(`${name} lost leads`);
    }
  }

  const timings = {} as Record<K, Timing>;
  for (const name of names) {
    timings[name] = {
      wallMs: median(wall.get(name) as number[]),
      cpuMs: median(cpu.get(name) as number[]),
    };
  }
  return timings;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function main(): void {
  const compiled = compileFlow(BENCH_FLOW, { reps: REPS });
  if (!compiled.ok)
    throw new Error(`the benchmark flow does not compile: ${JSON.stringify(compiled.problems)}`);
  const runner = createRunner(compiled.pipeline);
  const runCompiled = (leads: readonly Lead[]) =>
    runner.runColumns({ leads, reps: REPS, now: NOW }).columns;
  const interpret = createInterpretedAllocator();
  const variants: Record<'compiled' | 'interpreted' | 'handwritten', Allocate> = {
    compiled: (leads) => runCompiled(leads).count,
    interpreted: (leads) => interpret(leads).owners.length,
    handwritten: (leads) => allocateHandwritten(leads).owners.length,
  };

  console.log(`generating ${LEAD_COUNT.toLocaleString('en-US')} leads`);
  const leads = generateLeads(LEAD_COUNT);

  const reference = engineSignature(runCompiled(leads));
  assertSameResults('handwritten', reference, baselineSignature(allocateHandwritten(leads)));
  assertSameResults('interpreted', reference, baselineSignature(interpret(leads)));
  const assigned = reference.owners.filter((owner) => owner >= 0).length;
  const routesTaken = new Set(reference.routes).size;
  console.log(
    `all three variants agree on owner, route and score of every lead ` +
      `(${assigned.toLocaleString('en-US')} assigned, ${routesTaken} distinct routes)`,
  );

  const timings = medianTimes(variants, leads, RUNS);
  const perSecond = (ms: number) => Math.round((LEAD_COUNT / ms) * 1000).toLocaleString('en-US');
  for (const name of ['compiled', 'handwritten', 'interpreted'] as const) {
    const { wallMs, cpuMs } = timings[name];
    console.log(
      `${`${name}:`.padEnd(13)}${perSecond(cpuMs)} leads/s by CPU time (median ${cpuMs.toFixed(0)} ms), ` +
        `${perSecond(wallMs)} leads/s by wall clock (median ${wallMs.toFixed(0)} ms), ${RUNS} runs`,
    );
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`peak RSS: ${peakMb.toFixed(0)} MB`);

  // Ratios of median CPU times: on a shared machine, wall-clock times of the
  // same work vary with the load, while CPU time does not.
  const { compiled: compiledTime, handwritten, interpreted } = timings;
  console.log(
    `compiled/handwritten=${(compiledTime.cpuMs / handwritten.cpuMs).toFixed(2)} ` +
      `interpreted/compiled=${(interpreted.cpuMs / compiledTime.cpuMs).toFixed(1)}`,
  );
}

main();

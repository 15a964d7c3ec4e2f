/**
 * Lists the renderer main-thread tasks of a Chromium trace (as saved by a
 * browser bench's `--trace FILE`) that took at least a given time, with the
 * events dispatched in each and the functions its CPU samples fell in.
 *
 *   npx tsx scripts/bench/trace-tasks.ts /tmp/targets.json
 *   npx tsx scripts/bench/trace-tasks.ts /tmp/targets.json --min 5 --event input
 *
 * `--min MS` sets the least wall time of a listed task (default 50).
 * `--event TYPE` lists only tasks that dispatched a DOM event of that type.
 * Each task shows its wall time and its thread time: on a busy machine the
 * thread is often descheduled, so the wall time can be several times the
 * time the task ran. Function times are estimates: the task's wall time
 * shared out by the task's samples (a sample every 0.1 to 0.2 ms), so a
 * descheduled task shows fewer samples, not less time per function.
 * Use an unminified build (`npx vite build --minify false`) to get names.
 */
import { readFileSync } from 'node:fs';
import { textOption } from './browser-bench';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** A V8 call frame; built-in functions have no URL and no line. */
interface CallFrame {
  functionName?: string;
  url?: string;
  lineNumber?: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

interface Sample {
  time: number;
  nodeKey: string;
}

/** Event types worth naming in a task's summary. */
const SUMMARY_EVENTS = new Set([
  'EventDispatch',
  'TimerFire',
  'FunctionCall',
  'FireAnimationFrame',
]);
const HIDDEN_FRAMES = /^\((root|program|idle|garbage collector)\)/;

function frameLabel(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return `${name} (native)`;
  const file = frame.url.split('/').pop() ?? '';
  return `${name} ${file}:${(frame.lineNumber ?? 0) + 1}`;
}

/** Reads the CPU profile chunks into nodes (keyed by process, profile and node id) and samples. */
function readProfile(events: readonly TraceEvent[]) {
  const nodes = new Map<string, { label: string; parentKey: string | null }>();
  const samples: Sample[] = [];
  const clock = new Map<string, number>();

  for (const event of events) {
    const data = event.args?.data;
    if (event.name === 'Profile' && data) {
      clock.set(`${event.pid}:${event.id}`, Number(data.startTime));
    }
    if (event.name !== 'ProfileChunk' || !data) continue;
    const profileKey = `${event.pid}:${event.id}`;
    const keyOf = (nodeId: number) => `${profileKey}:${nodeId}`;
    const profile = data.cpuProfile as { nodes?: ProfileNode[]; samples?: number[] } | undefined;
    for (const node of profile?.nodes ?? []) {
      nodes.set(keyOf(node.id), {
        label: frameLabel(node.callFrame),
        parentKey: node.parent === undefined ? null : keyOf(node.parent),
      });
    }
    const deltas = (data.timeDeltas as number[] | undefined) ?? [];
    let time = clock.get(profileKey) ?? 0;
    (profile?.samples ?? []).forEach((nodeId, index) => {
      time += deltas[index] ?? 0;
      samples.push({ time, nodeKey: keyOf(nodeId) });
    });
    clock.set(profileKey, time);
  }
  samples.sort((a, b) => a.time - b.time);
  return { nodes, samples };
}

function formatTop(
  counts: Map<string, number>,
  sampleCount: number,
  wallMs: number,
  limit: number,
) {
  return [...counts.entries()]
    .filter(([label]) => !HIDDEN_FRAMES.test(label))
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([label, hits]) =>
        `    ${((hits / sampleCount) * wallMs).toFixed(1).padStart(6)} ms  ${label}`,
    )
    .join('\n');
}

function main(): void {
  const argv = process.argv.slice(2);
  const valueIndexes = new Set(
    ['--min', '--event'].map((name) => argv.indexOf(name) + 1).filter((index) => index > 0),
  );
  const file = argv.find(
    (argument, index) => !argument.startsWith('--') && !valueIndexes.has(index),
  );
  if (!file) throw new Error('Usage: trace-tasks.ts TRACE.json [--min MS] [--event TYPE]');
  const minMs = Number(textOption(argv, '--min') ?? 50);
  const eventType = textOption(argv, '--event');

  const parsed = JSON.parse(readFileSync(file, 'utf8')) as
    TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThreads = new Set(
    events
      .filter(
        (event) =>
          event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
      )
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMainThread = events.filter(
    (event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`),
  );
  const { nodes, samples } = readProfile(events);

  const tasks = onMainThread.filter(
    (event) => event.name === 'RunTask' && (event.dur ?? 0) >= minMs * 1000,
  );
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMainThread.filter(
      (event) => event.ts >= task.ts && event.ts < end && event !== task,
    );
    if (
      eventType &&
      !inside.some(
        (event) => event.name === 'EventDispatch' && event.args?.data?.type === eventType,
      )
    ) {
      continue;
    }

    const summary = new Set(
      inside
        .filter((event) => SUMMARY_EVENTS.has(event.name) && (event.dur ?? 0) >= 1000)
        .map((event) => {
          const data = event.args?.data ?? {};
          const detail = String(data.type ?? data.functionName ?? '');
          return `${event.name}${detail ? `(${detail})` : ''} ${((event.dur ?? 0) / 1000).toFixed(1)} ms`;
        }),
    );

    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let sampleCount = 0;
    for (const sample of samples) {
      if (sample.time < task.ts || sample.time >= end) continue;
      const leaf = nodes.get(sample.nodeKey);
      if (!leaf) continue;
      sampleCount++;
      self.set(leaf.label, (self.get(leaf.label) ?? 0) + 1);
      // A recursive function counts once per sample.
      const seen = new Set<string>();
      for (
        let node: typeof leaf | undefined = leaf;
        node;
        node = node.parentKey ? nodes.get(node.parentKey) : undefined
      ) {
        if (seen.has(node.label)) continue;
        seen.add(node.label);
        inclusive.set(node.label, (inclusive.get(node.label) ?? 0) + 1);
      }
    }

    const wallMs = (task.dur ?? 0) / 1000;
    const threadMs = task.tdur === undefined ? 'unknown' : `${(task.tdur / 1000).toFixed(1)} ms`;
    console.log(
      `task at ${(task.ts / 1000).toFixed(0)} ms: ${wallMs.toFixed(1)} ms wall, ${threadMs} thread`,
    );
    console.log(`  events: ${[...summary].slice(0, 12).join('; ') || 'none over 1 ms'}`);
    if (sampleCount === 0) continue;
    console.log(
      `  self time (${sampleCount} samples):\n${formatTop(self, sampleCount, wallMs, 12)}`,
    );
    console.log(`  inclusive time:\n${formatTop(inclusive, sampleCount, wallMs, 25)}`);
    // Components and classes are the capitalised names, which tell what rendered.
    const components = new Map([...inclusive].filter(([label]) => /^_?[A-Z]/.test(label)));
    console.log(`  capitalised (components):\n${formatTop(components, sampleCount, wallMs, 15)}`);
  }
}

main();

/**
 * What the browser benchmarks share: the built app served by `vite preview`
 * on loopback, Debian's Chromium driving it, and the page's long tasks.
 * Pages block the app's service worker, so that its precache downloads do
 * not run during a measurement and every load comes from the server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';

/** Options every browser bench takes. */
export interface BrowserBenchOptions {
  /** Build the app first; `--no-build` serves the existing build. */
  build: boolean;
  /** Port of the preview server: BENCH_PORT, else the bench's default. */
  port: number;
  /** `--frames`: print each long animation frame of a step with its scripts. */
  frames: boolean;
  /** `--trace FILE`: save a Chromium performance trace to open in the Performance panel. */
  trace: string | undefined;
}

/** Reads `--no-build`, `--frames`, `--trace FILE` and BENCH_PORT. */
export function parseBrowserBenchOptions(
  argv: readonly string[],
  defaultPort: number,
): BrowserBenchOptions {
  const trace = textOption(argv, '--trace');
  return {
    build: !argv.includes('--no-build'),
    port: Number(process.env.BENCH_PORT ?? defaultPort),
    frames: argv.includes('--frames'),
    trace,
  };
}

/** Returns the value after `name` in `argv`, or undefined without `name`; throws when the value is missing. */
export function textOption(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index < 0) return undefined;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} takes a value.`);
  return value;
}

/** Returns the whole number (at least `min`) after `name` in `argv`, or `fallback` without `name`. */
export function countOption(
  argv: readonly string[],
  name: string,
  fallback: number,
  min = 1,
): number {
  const text = textOption(argv, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} takes a whole number of at least ${min}.`);
  return value;
}

/** A served build and a browser; `close` ends both. */
export interface BenchBrowser {
  baseUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Finds the Chromium to drive: `CHROMIUM_PATH`, else Debian's
 * /usr/bin/chromium, else undefined so that Playwright uses the browser it
 * downloaded itself.
 */
function chromiumPath(): string | undefined {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment !== undefined) {
    if (!existsSync(fromEnvironment))
      throw new Error(
        `CHROMIUM_PATH is set to ${fromEnvironment}, which does not exist: set it to a Chromium binary or unset it.`,
      );
    return fromEnvironment;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/**
 * Builds the app when `build` is set, serves `outDir` (default `dist`) on
 * `port` and launches Chromium once the server responds.
 */
export async function startBenchBrowser(options: {
  port: number;
  build: boolean;
  outDir?: string;
}): Promise<BenchBrowser> {
  const executablePath = chromiumPath();

  if (options.build) {
    const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed.');
  }
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--strictPort',
      ...(options.outDir === undefined ? [] : ['--outDir', options.outDir]),
    ],
    { stdio: 'ignore', detached: true },
  );
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const close = async () => {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  };

  try {
    await waitForServer(baseUrl, server);
  } catch (error) {
    await close();
    throw error;
  }
  return { baseUrl, browser, close };
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null)
      throw new Error(`The preview server exited with ${server.exitCode}.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The preview server did not respond at ${url} within 30 s.`);
}

/** Makes every page load of `page` record its long tasks from the start. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: [number, number][] = [];
    (window as unknown as { __longTasks: [number, number][] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Returns the long tasks recorded since the page loaded, as [start, duration] in ms. */
export async function readLongTasks(page: Page): Promise<[number, number][]> {
  return page.evaluate(
    () => (window as unknown as { __longTasks: [number, number][] }).__longTasks,
  );
}

/** A long animation frame with the scripts that ran in it, as Chromium reports it. */
export interface LongFrame {
  start: number;
  duration: number;
  blockingDuration: number;
  /** Time spent in style and layout after the scripts, in ms. */
  renderDuration: number;
  scripts: {
    invoker: string;
    invokerType: string;
    source: string;
    duration: number;
    forcedLayout: number;
  }[];
}

/**
 * Makes every page load of `page` record its long animation frames (over
 * 50 ms) with script attribution, to tell what a long task was.
 */
export async function recordLongFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const frames: unknown[] = [];
    (window as unknown as { __longFrames: unknown[] }).__longFrames = frames;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const frame = entry as PerformanceEntry & {
          blockingDuration: number;
          renderStart: number;
          scripts: (PerformanceEntry & {
            invoker: string;
            invokerType: string;
            sourceURL: string;
            sourceFunctionName: string;
            sourceCharPosition: number;
            forcedStyleAndLayoutDuration: number;
          })[];
        };
        frames.push({
          start: frame.startTime,
          duration: frame.duration,
          blockingDuration: frame.blockingDuration,
          renderDuration:
            frame.renderStart > 0 ? frame.startTime + frame.duration - frame.renderStart : 0,
          scripts: frame.scripts.map((script) => ({
            invoker: script.invoker,
            invokerType: script.invokerType,
            source: `${script.sourceFunctionName}@${script.sourceURL.split('/').pop() ?? ''}:${script.sourceCharPosition}`,
            duration: script.duration,
            forcedLayout: script.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/** Returns the long animation frames recorded since the page loaded. */
export async function readLongFrames(page: Page): Promise<LongFrame[]> {
  return page.evaluate(() => (window as unknown as { __longFrames: LongFrame[] }).__longFrames);
}

/** Describes each frame on one line: its length, rendering time and scripts over 5 ms. */
export function describeLongFrames(frames: readonly LongFrame[]): string {
  return frames
    .map((frame) => {
      const scripts = frame.scripts
        .filter((script) => script.duration >= 5)
        .map(
          (script) =>
            `${script.invokerType} ${script.invoker} ${script.source} ${Math.round(script.duration)} ms` +
            (script.forcedLayout >= 5
              ? ` (forced layout ${Math.round(script.forcedLayout)} ms)`
              : ''),
        );
      return `  frame at ${Math.round(frame.start)} ms: ${Math.round(frame.duration)} ms, blocking ${Math.round(frame.blockingDuration)} ms, render ${Math.round(frame.renderDuration)} ms; ${scripts.join('; ') || 'no script over 5 ms'}`;
    })
    .join('\n');
}

/** The measurements of one bench step on the page. */
export interface StepRecord<T> {
  name: string;
  /** Wall time of the step's work, in ms. */
  elapsed: number;
  /** Durations of the main-thread tasks over 50 ms, in ms. */
  tasks: number[];
  frames: LongFrame[];
  value: T;
}

/**
 * Records the long tasks and animation frames of one page (from its next
 * load on) and measures steps on it, saving a trace with `--trace`. A
 * bench declares its steps; with `--frames` each step prints its long frames.
 */
export class PageRecorder {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly options: Pick<BrowserBenchOptions, 'frames' | 'trace'>,
  ) {}

  /** Starts recording on `page`; call before its first load. */
  static async start(
    browser: Browser,
    page: Page,
    options: Pick<BrowserBenchOptions, 'frames' | 'trace'>,
  ): Promise<PageRecorder> {
    await recordLongTasks(page);
    await recordLongFrames(page);
    return new PageRecorder(page, browser, options);
  }

  /** Starts the `--trace` trace, when asked for. */
  async startTrace(): Promise<void> {
    if (!this.options.trace) return;
    await this.browser.startTracing(this.page, {
      path: this.options.trace,
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'disabled-by-default-v8.cpu_profiler',
        'blink.user_timing',
      ],
    });
  }

  /** Ends the trace and writes its file, when one was started. */
  async stopTrace(): Promise<void> {
    if (this.options.trace) await this.browser.stopTracing();
  }

  /**
   * Runs `work` and returns its wall time with the long tasks and frames
   * that started from its beginning until the page has been idle for
   * `settleMs` (so that deferred rendering counts). A step that loads a
   * new page counts from that load's start.
   */
  async step<T>(
    name: string,
    work: () => Promise<T>,
    settings: { reloads?: boolean; settleMs?: number } = {},
  ): Promise<StepRecord<T>> {
    const { reloads = false, settleMs = 1000 } = settings;

    const mark = reloads ? 0 : await this.page.evaluate(() => performance.now());
    const started = Date.now();
    const value = await work();
    const elapsed = Date.now() - started;
    await this.page.waitForTimeout(settleMs);

    const tasks = (await readLongTasks(this.page))
      .filter(([start]) => start >= mark)
      .map(([, duration]) => duration);
    const frames = (await readLongFrames(this.page)).filter((frame) => frame.start >= mark);
    const record = { name, elapsed, tasks, frames, value };
    if (this.options.frames)
      console.log(`long frames of "${name}":\n${describeLongFrames(frames)}`);
    return record;
  }
}

/** Formats the longest task as "123 ms (2 over 50 ms)", or "none over 50 ms". */
export function describeLongest(tasks: readonly number[]): string {
  return tasks.length === 0
    ? 'none over 50 ms'
    : `${Math.round(Math.max(...tasks))} ms (${tasks.length} over 50 ms)`;
}

/** Formats a step's report line: its name, wall time and longest main-thread task. */
export function describeStep(record: StepRecord<unknown>): string {
  return `${record.name}: ${(record.elapsed / 1000).toFixed(1)} s, longest main-thread task ${describeLongest(record.tasks)}`;
}

/** Describes the machine for a benchmark's report. */
export function machineLine(chromiumVersion: string): string {
  const cores = cpus();
  const memory = Math.round(totalmem() / 2 ** 30);
  return `machine: ${cores[0]?.model ?? 'unknown'}, ${cores.length} cores, ${memory} GiB, Node ${process.version}, Chromium ${chromiumVersion}`;
}

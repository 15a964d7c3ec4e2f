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

/** Describes the machine for a benchmark's report. */
export function machineLine(chromiumVersion: string): string {
  const cores = cpus();
  const memory = Math.round(totalmem() / 2 ** 30);
  return `machine: ${cores[0]?.model ?? 'unknown'}, ${cores.length} cores, ${memory} GiB, Node ${process.version}, Chromium ${chromiumVersion}`;
}

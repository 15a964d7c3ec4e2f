/**
 * Frame times of the flow editor with 300 nodes, while panning the canvas and
 * while dragging a node, measured in Debian's Chromium with
 * requestAnimationFrame sampling. Run with `npm run bench:editor`, which
 * builds the app first; prints a table for docs/benchmarks.md.
 *
 * Not a test: nothing here passes or fails.
 */
import type { Page } from '@playwright/test';
import { startBenchBrowser } from './browser-bench';
import { waitForAppDatabase } from '../../e2e/helpers/seed-storage';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const NODE_COUNT = 300;
const FLOW_ID = 'flow-bench-300';

/** Output handle of each chain node that leads to the next node of the chain. */
const NEXT_HANDLE: Record<string, string> = {
  filter: 'match',
  quota: 'within',
  roundRobin: 'overflow',
};

/** Build a flow of 300 nodes: a source, then connected chains of filter → quota → round robin → pool. */
function benchFlowDocument() {
  const nodes: Record<string, unknown>[] = [
    { id: 'source1', type: 'source', position: { x: 0, y: 0 }, data: {} },
  ];
  const edges: Record<string, unknown>[] = [];
  const chain = ['filter', 'quota', 'roundRobin', 'pool'];
  const data: Record<string, Record<string, unknown>> = {
    filter: { condition: { '==': [{ var: 'source' }, '展会'] } },
    quota: { limit: 50, period: 'day' },
    roundRobin: { assignees: [{ repId: 'rep-a' }, { repId: 'rep-b', weight: 2 }] },
    pool: { reason: 'overflow' },
  };

  for (let index = 1; nodes.length < NODE_COUNT; index += 1) {
    const row = index - 1;
    let previous =
      index === 1 ? { id: 'source1', handle: 'out' } : { id: `filter${index - 1}`, handle: 'else' };
    chain.forEach((type, column) => {
      if (nodes.length >= NODE_COUNT) return;
      const id = `${type}${index}`;
      nodes.push({ id, type, position: { x: 300 + column * 300, y: row * 160 }, data: data[type] });
      edges.push({
        id: `e-${previous.id}-${previous.handle}`,
        source: previous.id,
        sourceHandle: previous.handle,
        target: id,
      });
      const handle = NEXT_HANDLE[type] ?? 'overflow';
      previous = { id, handle };
    });
  }
  return {
    format: 'sras.flow',
    version: 1,
    id: FLOW_ID,
    name: '300 nodes',
    timezone: 'Asia/Shanghai',
    nodes,
    edges,
  };
}

/** Store the flow in the app's IndexedDB, as the flow repository would. */
async function storeFlow(page: Page): Promise<void> {
  await waitForAppDatabase(page);
  await page.evaluate(async (document) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sras');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction('flows', 'readwrite');
      const now = Date.now();
      transaction.objectStore('flows').put({
        id: document.id,
        name: document.name,
        document,
        revision: 1,
        createdAt: now,
        updatedAt: now,
      });
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    database.close();
  }, benchFlowDocument());
}

/** Start collecting the time between animation frames, in milliseconds. */
async function startSampling(page: Page): Promise<void> {
  // Passed as text: tsx compiles named functions with a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__sampling = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

async function stopSampling(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const state = window as unknown as { __frames: number[]; __sampling: boolean };
    state.__sampling = false;
    return state.__frames.slice(1);
  });
}

function summarise(name: string, frames: number[]) {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = frames.reduce((sum, value) => sum + value, 0) / Math.max(1, frames.length);
  return {
    name,
    frames: frames.length,
    fps: Math.round(1000 / mean),
    p50: at(0.5).toFixed(1),
    p95: at(0.95).toFixed(1),
    max: (sorted.at(-1) ?? 0).toFixed(1),
    over50: frames.filter((value) => value > 50).length,
  };
}

/** Move the mouse with the button held from one point to another in `steps` moves. */
async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps: number,
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 2, from.y + 2);
  for (let step = 1; step <= steps; step += 1) {
    const t = step / steps;
    await page.mouse.move(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
  }
  await page.mouse.up();
}

type Point = { x: number; y: number };

/**
 * A point of the canvas pane with no node, edge or panel on it, so that a drag
 * from there pans instead of moving a node. Scans the pane on a grid.
 */
async function emptyPanePoint(page: Page, avoid: { x0: number; x1: number }): Promise<Point> {
  const pane = await page.locator('[data-testid="flow-canvas"] .react-flow__pane').boundingBox();
  if (!pane) throw new Error('canvas pane not visible');
  for (let y = pane.y + pane.height * 0.3; y < pane.y + pane.height * 0.7; y += 20) {
    for (let x = pane.x + 80; x < pane.x + pane.width - 80; x += 20) {
      if (x >= avoid.x0 && x <= avoid.x1) continue;
      const empty = await page.evaluate(
        `document.elementFromPoint(${x}, ${y})?.classList.contains('react-flow__pane') === true`,
      );
      if (empty) return { x, y };
    }
  }
  throw new Error('no empty point on the canvas pane to pan from');
}

/** Whether the viewport moved: the transform of React Flow's viewport element. */
async function viewportTransform(page: Page): Promise<string> {
  return page.evaluate(
    `document.querySelector('[data-testid="flow-canvas"] .react-flow__viewport').style.transform`,
  );
}

/** Pan back and forth three times from an empty point; fails when the view did not move. */
async function measurePan(page: Page, name: string): Promise<ReturnType<typeof summarise>> {
  const from = await emptyPanePoint(page, { x0: 0, x1: 0 });
  const to = { x: from.x + 150, y: from.y - 150 };
  const before = await viewportTransform(page);
  await startSampling(page);
  for (let round = 0; round < 3; round += 1) {
    await drag(page, from, to, 60);
    if (round === 0 && (await viewportTransform(page)) === before) {
      throw new Error(`${name}: the drag did not pan the canvas`);
    }
    await drag(page, to, from, 60);
  }
  return summarise(name, await stopSampling(page));
}

/** Drag one node's card back and forth three times; fails when the node did not move. */
async function measureNodeDrag(
  page: Page,
  nodeId: string,
  name: string,
): Promise<ReturnType<typeof summarise>> {
  const card = await page.getByTestId(`flow-node-${nodeId}`).boundingBox();
  if (!card) throw new Error(`node ${nodeId} not visible`);
  const grip = { x: card.x + card.width / 2, y: card.y + card.height * 0.15 };
  const to = { x: grip.x + 150, y: grip.y + 100 };
  await startSampling(page);
  for (let round = 0; round < 3; round += 1) {
    await drag(page, grip, to, 60);
    const moved = await page.getByTestId(`flow-node-${nodeId}`).boundingBox();
    if (round === 0 && moved && Math.abs(moved.x - card.x) < 10) {
      throw new Error(`${name}: the drag did not move node ${nodeId}`);
    }
    await drag(page, to, grip, 60);
  }
  return summarise(name, await stopSampling(page));
}

/** How long to wait for a node card in view: on a loaded 2-core machine cards took over 5 s. */
const NODE_IN_VIEW_TIMEOUT_MS = 30_000;

/**
 * Returns the id of a node whose card's width and top part are inside the
 * canvas pane, away from the minimap. It retries, because after a pan the
 * cards that came into view are mounted and measured over the next frames.
 */
async function nodeInView(page: Page): Promise<string> {
  const deadline = Date.now() + NODE_IN_VIEW_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const id = await page.evaluate(`(() => {
      const pane = document.querySelector('[data-testid="flow-canvas"] .react-flow__pane').getBoundingClientRect();
      const cards = [...document.querySelectorAll('[data-testid^="flow-node-"]')];
      const inside = cards.find((card) => {
        const box = card.getBoundingClientRect();
        const clearOfMinimap = box.right < pane.right - 180 || box.bottom < pane.bottom - 130;
        return box.width > 0 && box.left > pane.left + 20 && box.right < pane.right - 20 &&
          box.top > pane.top + 20 && box.top + box.height * 0.3 < pane.bottom - 20 && clearOfMinimap;
      });
      return inside ? inside.getAttribute('data-testid').slice('flow-node-'.length) : null;
    })()`);
    if (typeof id === 'string') return id;
    await page.waitForTimeout(250);
  }
  await page.screenshot({ path: 'test-results/editor-bench-no-node.png' });
  throw new Error('no node card in view; see test-results/editor-bench-no-node.png');
}

/** Zoom in with the canvas's zoom button until the zoom is at least `target`. */
async function zoomTo(page: Page, target: number): Promise<void> {
  for (let click = 0; click < 30; click += 1) {
    const zoom = Number(/scale\(([\d.]+)\)/.exec(await viewportTransform(page))?.[1] ?? 1);
    if (zoom >= target) return;
    await page.locator('[data-testid="flow-canvas"] .react-flow__controls-zoomin').click();
    await page.waitForTimeout(50);
  }
}

async function main(): Promise<void> {
  // Another build can be compared with the current one: BENCH_OUT_DIR=dir-of-the-other-build.
  const { baseUrl, browser, close } = await startBenchBrowser({
    port: PORT,
    build: false,
    outDir: process.env.BENCH_OUT_DIR,
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 720 },
      locale: 'zh-CN',
      serviceWorkers: 'block',
    });
    await page.goto(`${baseUrl}/flows`);
    await page.getByRole('heading', { level: 2 }).waitFor();
    await storeFlow(page);

    const opened = Date.now();
    await page.goto(`${baseUrl}/flows/${FLOW_ID}`);
    await page.locator('[data-testid^="flow-node-"]').first().waitFor();
    const openMs = Date.now() - opened;

    // Let the first measuring, fitting and validation settle before sampling.
    await page.waitForTimeout(3000);
    const fitted = await page.locator('.react-flow__node').count();
    const rows = [];
    rows.push(await measurePan(page, 'pan, whole flow in view'));
    rows.push(
      await measureNodeDrag(page, await nodeInView(page), 'drag one node, whole flow in view'),
    );

    await zoomTo(page, 0.8);
    await page.waitForTimeout(1000);
    const zoom = /scale\(([\d.]+)\)/.exec(await viewportTransform(page))?.[1] ?? '?';
    const visible = await page.locator('.react-flow__node').count();
    rows.push(await measurePan(page, `pan at zoom ${Number(zoom).toFixed(2)}`));
    rows.push(
      await measureNodeDrag(
        page,
        await nodeInView(page),
        `drag one node at zoom ${Number(zoom).toFixed(2)}`,
      ),
    );

    console.log(
      `nodes in the flow: ${NODE_COUNT}, open to the first painted card: ${openMs} ms, node elements mounted at the fitted view: ${fitted}, at zoom ${zoom}: ${visible}`,
    );
    console.log('| action | frames | mean fps | p50 ms | p95 ms | max ms | frames > 50 ms |');
    console.log('|---|---|---|---|---|---|---|');
    for (const row of rows) {
      console.log(
        `| ${row.name} | ${row.frames} | ${row.fps} | ${row.p50} | ${row.p95} | ${row.max} | ${row.over50} |`,
      );
    }
  } finally {
    await close();
  }
}

await main();

/**
 * Allocation benchmark: requests per second and p50/p99 latency of
 * `POST /flows/:id/allocate` on loopback, measured with autocannon against
 * the built server (packages/server/dist) in its own process.
 *
 *   npm run bench:server                      # SQLite in a temp folder
 *   BENCH_DATABASE_URL=postgres://… npm run bench:server   # also PostgreSQL
 *
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) must name a role that may create
 * databases; the benchmark makes and drops its own. Prints a Markdown table.
 *
 * Other settings: BENCH_DURATION (seconds per scenario, default 10),
 * BENCH_SCENARIO (run only scenarios whose name contains it), BENCH_LOG_LEVEL
 * (the server's LOG_LEVEL, default info as in production; its log is read
 * and dropped), BENCH_SERVER_ARGS (extra node arguments for the server, such
 * as `--cpu-prof` or `--trace-gc`), BENCH_SERVER_OUTPUT (a file that gets the
 * server's standard output, such as its log and `--trace-gc` lines),
 * BENCH_SERVER_MAIN (another build's `main.js` to measure, such as a copy of
 * `dist` kept from before a change; it must sit inside the repository so
 * that its imports resolve).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { dedupFlow } from '../test/fixtures/flows.js';

// Another build's entry, such as a copy of dist made before a change, to compare back to back.
const MAIN = process.env.BENCH_SERVER_MAIN
  ? path.resolve(process.env.BENCH_SERVER_MAIN)
  : fileURLToPath(new URL('../dist/main.js', import.meta.url));
const PROBE = fileURLToPath(new URL('./event-loop-probe.mjs', import.meta.url));
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const SERVER_ARGS = (process.env.BENCH_SERVER_ARGS ?? '').split(/\s+/).filter(Boolean);
const SERVER_OUTPUT = process.env.BENCH_SERVER_OUTPUT;
const REPS = Array.from({ length: 20 }, (_, index) => ({
  id: `rep-${index}`,
  name: `Rep ${index}`,
}));

interface Scenario {
  name: string;
  leadsPerRequest: number;
  connections: number;
  /** Requests per second for all connections together; unset for as fast as possible. */
  overallRate?: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'single lead at 500 req/s', leadsPerRequest: 1, connections: 10, overallRate: 500 },
  { name: 'single lead, max rate', leadsPerRequest: 1, connections: 10 },
  { name: 'batch of 100 leads, max rate', leadsPerRequest: 100, connections: 4 },
];

interface Row {
  database: string;
  scenario: string;
  requestsPerSecond: number;
  leadsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU time of the server process per request, which other load on the machine barely changes. */
  cpuMsPerRequest: number | null;
  /** The server's event-loop delay in milliseconds during the scenario. */
  loopDelay: EventLoopDelay | null;
  errors: number;
}

interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
}

async function main(): Promise<void> {
  if (!fs.existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run "npm run build:packages" first.`);
  const rows: Row[] = [];

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-bench-'));
  try {
    rows.push(...(await benchDatabase('SQLite', { SRAS_DATA_DIR: dataDir })));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `sras_bench_${randomBytes(4).toString('hex')}`;
    await runAdmin(adminUrl, `create database ${name}`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      rows.push(...(await benchDatabase('PostgreSQL', { DATABASE_URL: url.toString() })));
    } finally {
      await runAdmin(adminUrl, `drop database if exists ${name} with (force)`);
    }
  } else {
    console.error('BENCH_DATABASE_URL is not set: PostgreSQL is not measured.');
  }

  console.log(formatTable(rows));
}

async function benchDatabase(label: string, env: NodeJS.ProcessEnv): Promise<Row[]> {
  const server = await startServer({ ...env, SRAS_RATE_LIMIT_MAX: '10000000', LOG_LEVEL });
  try {
    const token = await setUp(server.url);
    const rows: Row[] = [];
    // A short unmeasured run warms the JIT, the statement cache and the database.
    await runScenario(
      server.url,
      token,
      { name: 'warm-up', leadsPerRequest: 1, connections: 10 },
      3,
    );
    const only = process.env.BENCH_SCENARIO;
    for (const scenario of SCENARIOS.filter((item) => !only || item.name.includes(only))) {
      console.error(`${label}: ${scenario.name} for ${DURATION_SECONDS} s …`);
      server.child.send('event-loop:reset');
      const cpuBefore = processCpuMs(server.child.pid);
      const measured = await runScenario(server.url, token, scenario);
      const cpuAfter = processCpuMs(server.child.pid);
      const loopDelay = await readEventLoopDelay(server.child);
      const requests = measured.requestsPerSecond * DURATION_SECONDS;
      const cpuMsPerRequest =
        cpuBefore === null || cpuAfter === null || requests === 0
          ? null
          : (cpuAfter - cpuBefore) / requests;
      rows.push({ database: label, ...measured, cpuMsPerRequest, loopDelay });
    }
    return rows;
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
}

async function setUp(url: string): Promise<string> {
  const created = await post(url, '/api/v1/workspaces', null, { name: 'Benchmark' });
  const token = (created as { ownerToken: string }).ownerToken;
  await send(url, 'PUT', '/api/v1/reps', token, REPS);
  const flow = dedupFlow(
    'bench',
    REPS.map((rep) => rep.id),
  );
  const { revision } = (await send(url, 'PUT', '/api/v1/flows/bench', token, flow)) as {
    revision: number;
  };
  await post(url, '/api/v1/flows/bench/publish', token, { revision });
  return token;
}

async function runScenario(
  url: string,
  token: string,
  scenario: Scenario,
  duration = DURATION_SECONDS,
): Promise<Omit<Row, 'database' | 'cpuMsPerRequest' | 'loopDelay'>> {
  let counter = 0;
  const tag = randomBytes(3).toString('hex');
  const makeLead = () => {
    counter += 1;
    return {
      id: `${tag}-${counter}`,
      phone: `13${String(counter).padStart(9, '0')}`,
      province: '浙江',
    };
  };

  const result = await autocannon({
    url: `${url}/api/v1/flows/bench/allocate`,
    connections: scenario.connections,
    duration,
    ...(scenario.overallRate ? { overallRate: scenario.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          const body =
            scenario.leadsPerRequest === 1
              ? { lead: makeLead() }
              : { leads: Array.from({ length: scenario.leadsPerRequest }, makeLead) };
          return { ...request, body: JSON.stringify(body) };
        },
      },
    ],
  });

  return {
    scenario: scenario.name,
    requestsPerSecond: result.requests.average,
    leadsPerSecond: result.requests.average * scenario.leadsPerRequest,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function formatTable(rows: Row[]): string {
  const lines = [
    '| database | scenario | requests/s | leads/s | p50 ms | p99 ms | server CPU ms/request | event-loop delay p99 / max ms | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) =>
      [
        row.database,
        row.scenario,
        row.requestsPerSecond.toFixed(0),
        row.leadsPerSecond.toFixed(0),
        row.p50,
        row.p99,
        row.cpuMsPerRequest === null ? 'n/a' : row.cpuMsPerRequest.toFixed(2),
        row.loopDelay === null
          ? 'n/a'
          : `${row.loopDelay.p99.toFixed(1)} / ${row.loopDelay.max.toFixed(1)}`,
        row.errors,
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |'),
    ),
  ];
  return lines.join('\n');
}

/** User plus system CPU time of a process in milliseconds, from /proc (Linux); null elsewhere. */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticksPerSecond = 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...SERVER_ARGS, '--import', PROBE, MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    let found = false;
    // The request log goes to stdout too: read it, keep none of it once the address is known.
    const copy = SERVER_OUTPUT ? fs.createWriteStream(SERVER_OUTPUT) : null;
    child.stdout?.on('data', (chunk: Buffer) => {
      copy?.write(chunk);
      if (found) return;
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        found = true;
        output = '';
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}`)));
  });
  return { url, child };
}

/** Asks the server's event-loop probe for the delay since its last reset; null when it does not answer. */
async function readEventLoopDelay(child: ChildProcess): Promise<EventLoopDelay | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      resolve(null);
    }, 2000);
    const onMessage = (message: unknown) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as EventLoopDelay);
    };
    child.on('message', onMessage);
    child.send('event-loop:read');
  });
}

async function send(
  url: string,
  method: string,
  route: string,
  token: string | null,
  body: unknown,
): Promise<unknown> {
  const response = await fetch(url + route, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

const post = (url: string, route: string, token: string | null, body: unknown) =>
  send(url, 'POST', route, token, body);

async function runAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

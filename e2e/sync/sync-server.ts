import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

const MAIN = path.resolve('packages/server/dist/main.js');

/** A sras server on a temporary SQLite file with one workspace, for one test. */
export interface E2eSyncServer {
  url: string;
  ownerToken: string;
  stop(): Promise<void>;
}

/** Starts the built server on a free loopback port and creates its workspace. */
export async function startSyncServer(): Promise<E2eSyncServer> {
  if (!fs.existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run "npm run build:packages" first.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-e2e-sync-'));
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SRAS_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`sync server exited with code ${code}`)));
  });

  const response = await fetch(`${url}/api/v1/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'E2E' }),
  });
  const { ownerToken } = (await response.json()) as { ownerToken: string };

  return {
    url,
    ownerToken,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Playwright's `test` with `syncServer`: a fresh server for each test that uses it, stopped after the test. */
export const test = base.extend<{ syncServer: E2eSyncServer }>({
  // Playwright reads a fixture's dependencies from this object pattern, so it must stay.
  // eslint-disable-next-line no-empty-pattern
  syncServer: async ({}, use) => {
    const server = await startSyncServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
});

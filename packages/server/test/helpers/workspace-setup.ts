import { expect } from 'vitest';
import type { FlowFixture } from '../fixtures/flows.js';
import type { TestServer } from './test-server.js';

/** Saves `reps`, saves each flow and publishes it; returns the published versions. */
export async function publishFlows(
  server: TestServer,
  reps: unknown[],
  flows: FlowFixture[],
): Promise<void> {
  const current = await server.request(server.ownerToken, { method: 'GET', url: '/api/v1/reps' });
  const savedReps = await server.request(server.ownerToken, {
    method: 'PUT',
    url: '/api/v1/reps',
    payload: reps as object,
    headers: { 'if-match': String(current.json().revision) },
  });
  expect(savedReps.statusCode).toBe(200);

  for (const flow of flows) {
    const saved = await server.request(server.ownerToken, {
      method: 'PUT',
      url: `/api/v1/flows/${flow.id}`,
      payload: flow,
    });
    expect(saved.statusCode).toBe(201);
    const published = await server.request(server.ownerToken, {
      method: 'POST',
      url: `/api/v1/flows/${flow.id}/publish`,
      payload: { revision: saved.json().revision },
    });
    expect(published.statusCode, published.body).toBe(200);
  }
}

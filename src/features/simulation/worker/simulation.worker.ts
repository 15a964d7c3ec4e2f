/// <reference lib="webworker" />
/** Entry of the simulation worker; see simulation.session.ts. */
import { getDatabase } from '../../../storage/db';
import { SimulationSession } from './simulation.session';
import type { SimulationRequest, SimulationResponse } from './simulation.protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new SimulationSession(
  (message: SimulationResponse) => scope.postMessage(message),
  getDatabase,
);

scope.addEventListener('message', (event: MessageEvent<SimulationRequest>) => {
  void session.handle(event.data);
});

/**
 * Preloaded into the benchmark's server process (`node --import`): records
 * event-loop delay with perf_hooks and sends it to the benchmark over the IPC
 * channel, so that pauses in the server (garbage collection, a WAL
 * checkpoint, a slow request) show apart from the load generator's latency.
 *
 * Messages: `event-loop:reset` starts a new measurement; `event-loop:read`
 * replies `{ p50, p99, max }` in milliseconds since the last reset.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const NS_PER_MS = 1e6;
// A 1 ms timer tick: coarser sampling would miss the short pauses that make a 10 ms tail.
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();

process.on('message', (message) => {
  if (message === 'event-loop:reset') {
    histogram.reset();
    return;
  }
  if (message === 'event-loop:read') {
    process.send?.({
      p50: histogram.percentile(50) / NS_PER_MS,
      p99: histogram.percentile(99) / NS_PER_MS,
      max: histogram.max / NS_PER_MS,
    });
  }
});
// The channel must not keep the server running after SIGTERM.
process.channel?.unref();

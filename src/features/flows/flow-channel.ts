/**
 * Tells other tabs of the same origin that a flow changed, so that an editor
 * open on that flow in another tab learns of a save it did not make.
 */

export type FlowChangeMessage =
  | { type: 'saved'; flowId: string; revision: number; tabId: string }
  | { type: 'deleted'; flowId: string; tabId: string };

const CHANNEL_NAME = 'sras.flows';

/** Identifies this tab in messages, so a tab can ignore its own. */
export const TAB_ID = crypto.randomUUID();

let channel: BroadcastChannel | undefined;

function getChannel(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  channel ??= new BroadcastChannel(CHANNEL_NAME);
  return channel;
}

/** Sends `message` to every other tab. */
export function announceFlowChange(message: FlowChangeMessage): void {
  getChannel()?.postMessage(message);
}

/**
 * Calls `listener` for every flow change made in another tab. Returns the
 * function that stops listening.
 */
export function subscribeToFlowChanges(listener: (message: FlowChangeMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};

  // A channel object does not receive its own messages, so listeners get a
  // separate one from the sender's.
  const receiver = new BroadcastChannel(CHANNEL_NAME);
  receiver.onmessage = (event: MessageEvent<FlowChangeMessage>) => {
    if (event.data.tabId !== TAB_ID) listener(event.data);
  };
  return () => receiver.close();
}

/**
 * A stand-in for a Web Worker that runs the worker's own message handler in
 * this thread: messages are copied with `structuredClone` and delivered on
 * a later task both ways, as a worker would. Used where `Worker` does not
 * exist (jsdom in tests) and by tests that drive a worker's code directly.
 */

/** The part of a Web Worker that a client uses. */
export interface WorkerPort<Request, Response> {
  postMessage(message: Request): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Response>) => void): void;
}

/**
 * Creates a port whose worker side is `start(post)`: it receives the
 * function that replies to the client and returns the message handler.
 */
export function createInProcessPort<Request, Response>(
  start: (post: (message: Response) => void) => (message: Request) => void,
): WorkerPort<Request, Response> {
  const listeners: ((event: MessageEvent<Response>) => void)[] = [];
  const handle = start((message) => {
    const copy = structuredClone(message);
    setTimeout(() => {
      for (const listener of listeners) listener({ data: copy } as MessageEvent<Response>);
    }, 0);
  });

  return {
    postMessage: (message) => {
      const copy = structuredClone(message);
      setTimeout(() => handle(copy), 0);
    },
    addEventListener: (_type, listener) => listeners.push(listener),
  };
}

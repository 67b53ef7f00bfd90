// Read-only views of a learner's sandbox for an authorised helper (a workshop's instructor), and
// opening a sandbox ahead of time. An observer gets the terminal's current screen and then its
// output, and nothing else: this module offers no way to send input, resize, or touch files —
// the caller decides who may observe (server/workshop-hub.ts), this decides what observing is.
import type { HandleListener, SandboxHost } from './handle';

export interface Observation {
  /** The terminal as the learner sees it now (what a reattach would replay). */
  screen: string;
  stop(): void;
}

/**
 * Subscribe to a learner's sandbox output. The listener is added before the screen is asked
 * for: output that arrives before the screen's answer is already part of that screen (events
 * and answers come back in order, from this thread or a worker), so it is dropped, not doubled.
 */
export async function observeSandbox(host: SandboxHost, userId: string, labSlug: string, onOutput: (data: string) => void): Promise<Observation> {
  const handle = await host.open(userId, labSlug);
  let ready = false;
  const listener: HandleListener = { output: ((data: string) => ready && onOutput(data)) as never };
  const detach = handle.addListener(listener);
  try {
    const { screen } = await handle.call('attachInfo');
    ready = true;
    return { screen, stop: detach };
  } catch (e) {
    detach();
    throw e;
  }
}

/**
 * Start (or restore) a learner's sandbox without a browser, so the lab opens at once. Nobody
 * watches it, so it sleeps again after the host's idle time if the learner never comes.
 */
export async function prewarmSandbox(host: SandboxHost, userId: string, labSlug: string): Promise<void> {
  const handle = await host.open(userId, labSlug);
  // Attaching and leaving at once starts the idle clock (a bare open would keep it forever).
  handle.addListener({})();
}

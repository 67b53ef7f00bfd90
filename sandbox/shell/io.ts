// What a running command sees: its arguments' streams, and an interrupt raised by Ctrl-C.

export interface CommandIO {
  stdin: string;
  /** True when stdin is the terminal rather than a pipe, file or here-document. */
  stdinIsTerminal: boolean;
  /** True when stdout is the terminal (ls prints columns, kubectl may color). */
  stdoutIsTerminal: boolean;
  out(text: string): void;
  err(text: string): void;
  interrupt: Interrupt;
}

/** Ctrl-C: long-running commands (sleep, `kubectl get -w`, `logs -f`) wait on it. */
export class Interrupt {
  private raised = false;
  private readonly listeners = new Set<() => void>();

  get interrupted(): boolean {
    return this.raised;
  }
  raise(): void {
    if (this.raised) return;
    this.raised = true;
    for (const l of [...this.listeners]) l();
  }
  /** Calls `listener` once on interrupt (at once if already raised); returns an unsubscribe. */
  onRaise(listener: () => void): () => void {
    if (this.raised) {
      listener();
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Resolves when interrupted. */
  wait(): Promise<void> {
    return new Promise((resolve) => this.onRaise(resolve));
  }
}

/** Exit status of a command killed by SIGINT, as bash reports it. */
export const INTERRUPTED_STATUS = 130;

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
  /** The terminal's keystrokes, for a command that reads them (`kubectl exec -it`); absent off a terminal. */
  input?: TerminalInput;
  /** The page's editor (vi, nano, `kubectl edit`): resolves when the learner closes the file; absent without a page. */
  editor?: { edit(path: string): Promise<{ saved: boolean }> };
}

/**
 * Raw keystrokes while a command runs. Unclaimed, the terminal keeps its behaviour (Ctrl-C
 * interrupts, other keys wait as typeahead); a command that claims the input receives every key,
 * Ctrl-C included, as a program reading a raw terminal does.
 */
export class TerminalInput {
  private reader: ((data: string) => void) | undefined;

  get claimed(): boolean {
    return this.reader !== undefined;
  }
  /** Sends keys to `reader` until the returned release is called. */
  claim(reader: (data: string) => void): () => void {
    this.reader = reader;
    return () => {
      if (this.reader === reader) this.reader = undefined;
    };
  }
  /** Delivers keys to the claiming command; false when no command claims them. */
  feed(data: string): boolean {
    if (!this.reader) return false;
    this.reader(data);
    return true;
  }
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

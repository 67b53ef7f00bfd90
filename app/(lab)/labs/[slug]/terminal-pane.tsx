'use client';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import type { SandboxConnection } from './connection';

/** xterm.js wired to the sandbox: keystrokes out, output in, size follows the pane. */
export function TerminalPane({ connection }: { connection: SandboxConnection }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const term = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 5000, theme: { background: '#0d1117' } });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current!);
    fit.fit();
    const offs = [
      connection.on('output', (d) => term.write(d)),
      connection.on('attached', (a) => {
        term.reset();
        term.write(a.screen);
      }),
    ];
    const input = term.onData((d) => connection.input(d));
    const resized = term.onResize(({ cols, rows }) => connection.resize(cols, rows));
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(host.current!);
    connection.start(term.cols, term.rows);
    term.focus();
    return () => {
      observer.disconnect();
      input.dispose();
      resized.dispose();
      offs.forEach((off) => off());
      term.dispose();
    };
  }, [connection]);

  return <div ref={host} data-testid="terminal" aria-label="Terminal" role="region" />;
}

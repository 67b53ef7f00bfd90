'use client';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { useTheme } from '../../../components/theme-store';
import { terminalColours } from '../../../components/theme-terminal';
import type { SandboxConnection } from './connection';

const SCREEN_READER_KEY = 'kubelab:terminal-screen-reader';

/** xterm.js wired to the sandbox: keystrokes out, output in, size follows the pane, colours follow the theme. */
export function TerminalPane({ connection }: { connection: SandboxConnection }) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const theme = useTheme();
  const [screenReader, setScreenReader] = useState(false);

  useEffect(() => {
    const t = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 5000, theme: terminalColours(theme) });
    term.current = t;
    const fit = new FitAddon();
    t.loadAddon(fit);
    t.open(host.current!);
    fit.fit();
    const offs = [
      connection.on('output', (d) => t.write(d)),
      connection.on('attached', (a) => {
        t.reset();
        t.write(a.screen);
      }),
    ];
    const input = t.onData((d) => connection.input(d));
    const resized = t.onResize(({ cols, rows }) => connection.resize(cols, rows));
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(host.current!);
    connection.start(t.cols, t.rows);
    t.focus();
    return () => {
      observer.disconnect();
      input.dispose();
      resized.dispose();
      offs.forEach((off) => off());
      t.dispose();
      term.current = null;
    };
    // The theme is applied by the effect below; a new theme must not recreate the terminal.
  }, [connection]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (term.current) term.current.options.theme = terminalColours(theme);
  }, [theme]);

  // Screen reader mode (xterm keeps an accessible copy of the rows and announces new output):
  // off by default because it doubles the terminal's DOM; remembered once turned on.
  useEffect(() => setScreenReader(localStorage.getItem(SCREEN_READER_KEY) === 'on'), []);
  useEffect(() => {
    if (term.current) term.current.options.screenReaderMode = screenReader;
  }, [screenReader]);
  const toggleScreenReader = (on: boolean) => {
    setScreenReader(on);
    localStorage.setItem(SCREEN_READER_KEY, on ? 'on' : 'off');
  };

  return (
    <div className="terminal-wrap">
      <div className="terminal-bar">
        <label>
          <input type="checkbox" checked={screenReader} onChange={(e) => toggleScreenReader(e.target.checked)} data-testid="terminal-screen-reader" /> Screen reader mode
        </label>
      </div>
      <div ref={host} className="terminal-host" data-testid="terminal" aria-label="Terminal" role="region" />
    </div>
  );
}

// The terminal's colours for each site theme (xterm.js ITheme) and Monaco's theme name. Every ANSI
// colour is readable on its background (WCAG AA, 4.5:1; the test measures it): xterm's own
// defaults are not (blue on black is 3.9:1, yellow on white 1.4:1).
import type { Theme } from './theme-boot';

export interface TerminalColours {
  background: string;
  foreground: string;
  cursor: string;
  cursorAccent: string;
  selectionBackground: string;
  black: string;
  red: string;
  green: string;
  yellow: string;
  blue: string;
  magenta: string;
  cyan: string;
  white: string;
  brightBlack: string;
  brightRed: string;
  brightGreen: string;
  brightYellow: string;
  brightBlue: string;
  brightMagenta: string;
  brightCyan: string;
  brightWhite: string;
}

const DARK: TerminalColours = {
  background: '#0d1117',
  foreground: '#e6edf3',
  cursor: '#e6edf3',
  cursorAccent: '#0d1117',
  selectionBackground: '#264f78',
  black: '#7d8590',
  red: '#ff7b72',
  green: '#3fb950',
  yellow: '#d29922',
  blue: '#58a6ff',
  magenta: '#bc8cff',
  cyan: '#39c5cf',
  white: '#b1bac4',
  brightBlack: '#8b949e',
  brightRed: '#ffa198',
  brightGreen: '#56d364',
  brightYellow: '#e3b341',
  brightBlue: '#79c0ff',
  brightMagenta: '#d2a8ff',
  brightCyan: '#56d4dd',
  brightWhite: '#ffffff',
};

const LIGHT: TerminalColours = {
  background: '#ffffff',
  foreground: '#1b1f24',
  cursor: '#1b1f24',
  cursorAccent: '#ffffff',
  selectionBackground: '#b6d3f7',
  black: '#24292f',
  red: '#cf222e',
  green: '#116329',
  yellow: '#7d4e00',
  blue: '#0969da',
  magenta: '#8250df',
  cyan: '#1b7c83',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#a40e26',
  brightGreen: '#1a7f37',
  brightYellow: '#633c01',
  brightBlue: '#0550ae',
  brightMagenta: '#6639ba',
  brightCyan: '#136061',
  brightWhite: '#4b535d',
};

export function terminalColours(theme: Theme): TerminalColours {
  return theme === 'dark' ? DARK : LIGHT;
}

/** Monaco's own light theme is AA throughout; its dark one greys comments to 4.2:1, so ours lifts them. */
export const MONACO_DARK = 'kubelab-dark';
export const MONACO_DARK_DEFINITION = {
  base: 'vs-dark' as const,
  inherit: true,
  rules: [{ token: 'comment', foreground: '7ca668' }],
  colors: {},
};

export function monacoTheme(theme: Theme): 'vs' | typeof MONACO_DARK {
  return theme === 'dark' ? MONACO_DARK : 'vs';
}

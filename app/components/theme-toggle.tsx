'use client';
import { chooseTheme, useTheme } from './theme-store';

/** One button: pressed means the dark theme. The choice is remembered in this browser. */
export function ThemeToggle() {
  const theme = useTheme();
  const dark = theme === 'dark';
  return (
    <button type="button" className="theme-toggle" aria-pressed={dark} title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'} onClick={() => chooseTheme(dark ? 'light' : 'dark')}>
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
      <span className="sr-only">Dark theme</span>
    </button>
  );
}

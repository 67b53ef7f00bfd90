'use client';
import { chooseTheme, useTheme } from './theme-store';

/** One button: pressed means the dark theme. The choice is remembered in this browser. */
export function ThemeToggle() {
  const theme = useTheme();
  const dark = theme === 'dark';
  return (
    <button type="button" className="theme-toggle" aria-pressed={dark} title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'} onClick={() => chooseTheme(dark ? 'light' : 'dark')}>
      {/* Both icons, CSS shows the one for <html data-theme>: right from the first paint, before hydration. */}
      <span aria-hidden="true" className="theme-icon-light">☀</span>
      <span aria-hidden="true" className="theme-icon-dark">☾</span>
      <span className="sr-only">Dark theme</span>
    </button>
  );
}

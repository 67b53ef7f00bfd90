'use client';
// The site's colour theme: light or dark. The visitor's own choice (kept in localStorage) wins;
// without one the page follows the system's prefers-color-scheme. The choice lives on
// <html data-theme>, set by an inline script before the first paint (no flash of the wrong
// theme), and the CSS variables in globals.css follow that attribute. The terminal and the
// editor read it through useTheme().
import { useSyncExternalStore } from 'react';
import { DARK_QUERY, THEME_KEY, parseThemeChoice, resolveTheme, type Theme } from './theme-boot';

export type { Theme } from './theme-boot';

function readStoredChoice(): Theme | undefined {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_KEY));
  } catch {
    return undefined;
  }
}

function applyTheme(theme: Theme, chosen: boolean): void {
  const root = document.documentElement;
  root.setAttribute('data-theme', theme);
  root.style.colorScheme = theme;
  if (chosen) root.setAttribute('data-theme-choice', theme);
  else root.removeAttribute('data-theme-choice');
}

/** Remember the visitor's choice and apply it at once (every useTheme() re-renders). */
export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  applyTheme(theme, true);
}

function currentTheme(): Theme {
  return parseThemeChoice(document.documentElement.getAttribute('data-theme')) ?? 'light';
}

/** Changes of <html data-theme> (this tab), of the system scheme, and of the choice in other tabs. */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = matchMedia(DARK_QUERY);
  const followSystem = () => {
    if (!readStoredChoice()) applyTheme(resolveTheme(undefined, media.matches), false);
  };
  const otherTab = (e: StorageEvent) => {
    if (e.key !== THEME_KEY) return;
    const choice = parseThemeChoice(e.newValue);
    applyTheme(resolveTheme(choice, media.matches), choice !== undefined);
  };
  media.addEventListener('change', followSystem);
  window.addEventListener('storage', otherTab);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', followSystem);
    window.removeEventListener('storage', otherTab);
  };
}

/** The theme in effect. The server renders 'light'; the browser corrects it after hydration. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, currentTheme, () => 'light');
}

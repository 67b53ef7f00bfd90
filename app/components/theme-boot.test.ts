import { describe, expect, it } from 'vitest';
import { THEME_BOOT_SCRIPT, THEME_KEY, parseThemeChoice, resolveTheme } from './theme-boot';

/** Runs the inline boot script against a minimal <html>, storage and media query. */
function boot(stored: string | null | Error, systemDark: boolean) {
  const attrs = new Map<string, string>();
  const html = {
    style: { colorScheme: '' },
    setAttribute: (k: string, v: string) => attrs.set(k, v),
    removeAttribute: (k: string) => attrs.delete(k),
  };
  const storage = {
    getItem: (key: string) => {
      if (stored instanceof Error) throw stored;
      return key === THEME_KEY ? stored : null;
    },
  };
  const matchMedia = (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' && systemDark });
  new Function('document', 'localStorage', 'matchMedia', THEME_BOOT_SCRIPT)({ documentElement: html }, storage, matchMedia);
  return { theme: attrs.get('data-theme'), choice: attrs.get('data-theme-choice'), colorScheme: html.style.colorScheme };
}

describe('theme choice', () => {
  it('accepts only light and dark as a stored choice', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('system')).toBeUndefined();
    expect(parseThemeChoice(null)).toBeUndefined();
  });

  it('lets the visitor’s choice win over the system scheme', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme(undefined, true)).toBe('dark');
    expect(resolveTheme(undefined, false)).toBe('light');
  });
});

describe('boot script (runs before the first paint)', () => {
  it('follows the system when nothing is stored', () => {
    expect(boot(null, true)).toEqual({ theme: 'dark', choice: undefined, colorScheme: 'dark' });
    expect(boot(null, false)).toEqual({ theme: 'light', choice: undefined, colorScheme: 'light' });
  });

  it('applies a stored choice against the system', () => {
    expect(boot('light', true)).toEqual({ theme: 'light', choice: 'light', colorScheme: 'light' });
    expect(boot('dark', false)).toEqual({ theme: 'dark', choice: 'dark', colorScheme: 'dark' });
  });

  it('ignores an unknown stored value and blocked storage', () => {
    expect(boot('purple', true).theme).toBe('dark');
    expect(boot(new Error('SecurityError'), false).theme).toBe('light');
  });
});

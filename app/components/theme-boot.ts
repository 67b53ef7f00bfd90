// The theme's pure parts, safe for the server (the root layout inlines the boot script):
// the stored choice, how it resolves against the system scheme, and the script that applies it
// to <html data-theme> before the first paint. The browser side is theme-store.ts.

export type Theme = 'light' | 'dark';

export const THEME_KEY = 'kubelab:theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A stored choice, or undefined when there is none (or it is not one we know). */
export function parseThemeChoice(raw: string | null | undefined): Theme | undefined {
  return raw === 'light' || raw === 'dark' ? raw : undefined;
}

export function resolveTheme(choice: Theme | undefined, systemPrefersDark: boolean): Theme {
  return choice ?? (systemPrefersDark ? 'dark' : 'light');
}

/**
 * Runs in <head> before the body is parsed. Self-contained on purpose: it is inlined as text.
 * localStorage can throw (blocked storage); the page then simply follows the system.
 */
export const THEME_BOOT_SCRIPT = `(function(){var c;try{c=localStorage.getItem(${JSON.stringify(THEME_KEY)})}catch(e){}
var d=document.documentElement;if(c!=='light'&&c!=='dark'){c=matchMedia(${JSON.stringify(DARK_QUERY)}).matches?'dark':'light';d.removeAttribute('data-theme-choice')}else{d.setAttribute('data-theme-choice',c)}
d.setAttribute('data-theme',c);d.style.colorScheme=c})()`;

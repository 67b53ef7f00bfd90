import { describe, expect, it } from 'vitest';
import { MONACO_DARK_DEFINITION, monacoTheme, terminalColours, type TerminalColours } from './theme-terminal';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT_KEYS = (Object.keys(terminalColours('dark')) as (keyof TerminalColours)[]).filter((k) => !['background', 'cursorAccent', 'selectionBackground'].includes(k));

describe('terminal colours', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`every ANSI colour is readable on the ${theme} background (4.5:1)`, () => {
      const colours = terminalColours(theme);
      const low = TEXT_KEYS.map((k) => [k, contrast(colours[k], colours.background)] as const).filter(([, ratio]) => ratio < 4.5);
      expect(low).toEqual([]);
    });

    it(`text stays readable when selected in the ${theme} theme`, () => {
      const colours = terminalColours(theme);
      expect(contrast(colours.foreground, colours.selectionBackground)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('the measure itself: black on white is 21:1, xterm’s default blue on black fails', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#2472c8', '#000000')).toBeLessThan(4.5);
  });

  it('Monaco follows the theme', () => {
    expect(monacoTheme('dark')).toBe('kubelab-dark');
    expect(monacoTheme('light')).toBe('vs');
  });

  it('Monaco’s dark comments are readable on its background (#1e1e1e), unlike vs-dark’s own', () => {
    const comment = MONACO_DARK_DEFINITION.rules.find((r) => r.token === 'comment')!;
    expect(contrast(`#${comment.foreground}`, '#1e1e1e')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#608b4e', '#1e1e1e')).toBeLessThan(4.5);
  });
});

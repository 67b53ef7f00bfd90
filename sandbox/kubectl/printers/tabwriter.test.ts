import { describe, expect, it } from 'vitest';
import { DESCRIBE_OPTIONS, tabwrite } from './tabwriter.js';

describe('tabwrite (Go text/tabwriter semantics)', () => {
  it('aligns kubectl get columns with min width 6 and padding 3', () => {
    const text = 'NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nnginx\t1/1\tRunning\t0\t5s\n';
    expect(tabwrite(text)).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' + 'nginx   1/1     Running   0          5s\n',
    );
  });

  it('leaves the last cell of a line unaligned and pads short columns to the minimum width', () => {
    expect(tabwrite('A\tB\nlonger-name\tx\n')).toBe('A             B\nlonger-name   x\n');
    expect(tabwrite('a\tb\n')).toBe('a     b\n');
  });

  it('ends column blocks at a line with a single cell, as describe output relies on', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nContainers:\n  nginx:\n    Image:\tnginx\n';
    expect(tabwrite(text, DESCRIBE_OPTIONS)).toBe(
      'Name:       web\nNamespace:  default\nContainers:\n  nginx:\n    Image:  nginx\n',
    );
  });

  it('starts a nested block only for the lines that have the extra column', () => {
    const text = 'a\tb\tc\nlong\tb\nx\ty\tz\n';
    expect(tabwrite(text, { minWidth: 0, tabWidth: 8, padding: 1 })).toBe('a    b c\nlong b\nx    y z\n');
  });
});

import { describe, expect, it } from 'vitest';
import { resolveImage } from '../images/catalogue.js';
import { followsAFile, planProcess } from './process.js';

describe('planProcess', () => {
  const busybox = resolveImage('busybox:1.36')?.spec;
  const plan = (args: string[]) => planProcess({ name: 'c', image: 'busybox:1.36', command: ['/bin/sh', '-c'], args }, busybox);

  it('keeps a container following a file running, whatever tail flags it uses', () => {
    expect(busybox?.process.kind).toBeDefined();
    for (const script of ['tail -f /var/log/app.log', 'tail -F /var/log/1.log', 'tail -n+1 -F /var/log/1.log', 'tail -n+1 -f /var/log/2.log', 'tail -fn 5 /x', 'tail --follow=name /x', 'touch /a.log; tail -F /a.log']) {
      expect(plan([script]), script).toEqual({ exitCode: 0, output: [] });
    }
  });

  it('lets a tail that does not follow end', () => {
    expect(followsAFile('tail -n 5 /etc/hosts')).toBe(false);
    expect(followsAFile('tail -n+1 /var/log/1.log')).toBe(false);
    expect(plan(['tail -n 5 /etc/hosts']).exitAfterMs).toBeGreaterThan(0);
  });
});

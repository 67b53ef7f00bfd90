// kubectl cp out of a container: a file to a path or into a directory, tar's notices as the
// image's tar prints them, a missing file (tar's errors, status 0 as kubectl gives), and the
// argument errors.
import { describe, expect, it } from 'vitest';
import { operateGolden, operateTranscript } from '../operate-testing.js';
import { expectGolden, newSandbox } from '../testing.js';

describe('kubectl cp', () => {
  it('copies files out of containers', async () => {
    const sb = newSandbox();
    const out = await operateTranscript(sb, [
      'kubectl run web --image=nginx:1.27',
      'kubectl run box --image=busybox:1.36 -- sleep 3600',
      30_000,
      'kubectl cp web:/etc/nginx/conf.d/default.conf nginx.conf',
      'head -3 nginx.conf',
      'mkdir out',
      'kubectl cp default/web:/usr/share/nginx/html/index.html out',
      'ls out',
      'kubectl cp box:/etc/hostname hostname.txt',
      'cat hostname.txt',
      'kubectl cp web:/nope here',
      'echo $?',
      'kubectl cp nope:/etc/hostname x',
      'kubectl cp web:/a box:/b',
      'kubectl cp a b',
      'kubectl cp web',
      'kubectl cp missing.txt web:/tmp/',
    ]);
    expect(out).toContain('server {\n    listen       80;\n');
    expectGolden(operateGolden('cp.txt'), out);
  });
});

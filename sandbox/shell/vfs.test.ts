import { describe, expect, it } from 'vitest';
import { HOME, Vfs, VfsError, resolvePath, utf8Length, type VfsChange } from './vfs.js';

const code = (fn: () => void): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof VfsError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('paths', () => {
  it('resolves relative paths against the cwd and normalises . and ..', () => {
    expect(resolvePath('a/./b/../c', '/root')).toBe('/root/a/c');
    expect(resolvePath('../../..', '/root')).toBe('/');
    expect(resolvePath('//etc///hosts/')).toBe('/etc/hosts');
  });

  it('starts in /root with /tmp present', () => {
    const fs = new Vfs();
    expect(fs.cwd).toBe(HOME);
    expect(fs.readdir('/')).toEqual(['root', 'tmp']);
  });

  it('chdir changes what relative paths mean', () => {
    const fs = new Vfs();
    fs.mkdir('work');
    fs.chdir('work');
    fs.writeFile('a.yaml', 'x');
    expect(fs.readFile('/root/work/a.yaml')).toBe('x');
    expect(code(() => fs.chdir('a.yaml'))).toBe('ENOTDIR');
    expect(code(() => fs.chdir('/nope'))).toBe('ENOENT');
  });
});

describe('files', () => {
  it('writes, appends, reads and stats', () => {
    let t = 1000;
    const fs = new Vfs({ now: () => t });
    fs.writeFile('a.txt', 'héllo');
    t = 2000;
    fs.appendFile('a.txt', '\n');
    expect(fs.readFile('/root/a.txt')).toBe('héllo\n');
    expect(fs.stat('a.txt')).toEqual({ path: '/root/a.txt', type: 'file', size: 7, mtimeMs: 2000, mode: 0o644 });
    fs.appendFile('new.txt', 'x');
    expect(fs.readFile('new.txt')).toBe('x');
  });

  it('gives POSIX errors with coreutils texts', () => {
    const fs = new Vfs();
    expect(code(() => fs.readFile('missing'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/tmp'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/nodir/x', ''))).toBe('ENOENT');
    fs.writeFile('f', '');
    expect(code(() => fs.writeFile('f/x', ''))).toBe('ENOTDIR');
    expect(code(() => fs.readdir('f'))).toBe('ENOTDIR');
    try {
      fs.readFile('missing');
    } catch (e) {
      expect((e as VfsError).message).toBe('missing: No such file or directory');
      expect((e as VfsError).reason).toBe('No such file or directory');
    }
  });

  it('counts UTF-8 bytes like the kernel does', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });
});

describe('directories', () => {
  it('mkdir -p creates parents; plain mkdir does not', () => {
    const fs = new Vfs();
    expect(code(() => fs.mkdir('a/b'))).toBe('ENOENT');
    fs.mkdir('a/b/c', { recursive: true });
    fs.mkdir('a/b/c', { recursive: true });
    expect(code(() => fs.mkdir('a'))).toBe('EEXIST');
    expect(fs.readdir('a/b')).toEqual(['c']);
  });

  it('rm needs -r for directories and -f ignores missing paths', () => {
    const fs = new Vfs();
    fs.mkdir('d');
    fs.writeFile('d/x', '12345');
    expect(code(() => fs.rm('d'))).toBe('EISDIR');
    expect(code(() => fs.rmdir('d'))).toBe('ENOTEMPTY');
    expect(code(() => fs.rm('nope'))).toBe('ENOENT');
    fs.rm('nope', { force: true });
    const before = fs.usage();
    fs.rm('d', { recursive: true });
    expect(fs.exists('d')).toBe(false);
    expect(fs.usage()).toEqual({ bytes: before.bytes - 5, entries: before.entries - 2 });
  });

  it('readdir is sorted; listFiles walks every file', () => {
    const fs = new Vfs();
    fs.writeFile('b.yaml', '');
    fs.writeFile('a.yaml', '');
    fs.mkdir('sub');
    fs.writeFile('sub/c.yaml', '');
    expect(fs.readdir('.')).toEqual(['a.yaml', 'b.yaml', 'sub']);
    expect(fs.listFiles()).toEqual(['/root/a.yaml', '/root/b.yaml', '/root/sub/c.yaml']);
  });
});

describe('rename', () => {
  it('moves files and directories and replaces a file target', () => {
    const fs = new Vfs();
    fs.writeFile('a', 'A');
    fs.writeFile('b', 'B');
    fs.rename('a', 'b');
    expect(fs.readFile('b')).toBe('A');
    expect(fs.exists('a')).toBe(false);
    expect(fs.usage().bytes).toBe(1);
    fs.mkdir('d');
    fs.writeFile('d/x', 'x');
    fs.rename('d', '/tmp/e');
    expect(fs.readFile('/tmp/e/x')).toBe('x');
  });

  it('refuses moves that POSIX refuses', () => {
    const fs = new Vfs();
    fs.mkdir('d');
    fs.writeFile('f', '');
    expect(code(() => fs.rename('d', 'd/inner'))).toBe('EINVAL');
    expect(code(() => fs.rename('f', 'd'))).toBe('EISDIR');
    expect(code(() => fs.rename('d', 'f'))).toBe('ENOTDIR');
    expect(code(() => fs.rename('missing', 'x'))).toBe('ENOENT');
  });
});

describe('quotas', () => {
  it('refuses a file over the size limit, leaving the old content', () => {
    const fs = new Vfs({ limits: { maxFileBytes: 10 } });
    fs.writeFile('f', 'ok');
    expect(code(() => fs.writeFile('f', 'x'.repeat(11)))).toBe('EFBIG');
    expect(code(() => fs.appendFile('f', 'x'.repeat(9)))).toBe('EFBIG');
    expect(fs.readFile('f')).toBe('ok');
    expect(() => fs.writeFile('g', 'x'.repeat(11))).toThrow('g: File too large (a file may hold at most 10 bytes)');
  });

  it('refuses writes over the total and entry limits', () => {
    const fs = new Vfs({ limits: { maxTotalBytes: 10, maxEntries: 5 } });
    fs.writeFile('a', '12345');
    fs.writeFile('b', '12345');
    expect(code(() => fs.writeFile('c', '1'))).toBe('EDQUOT');
    fs.writeFile('b', '1234'); // shrinking frees room
    fs.writeFile('c', '1');
    expect(code(() => fs.mkdir('d'))).toBe('EDQUOT'); // root, tmp, a, b, c
    expect(code(() => fs.writeFile('d', ''))).toBe('EDQUOT');
  });
});

describe('change events', () => {
  it('reports writes, mkdirs, removes and renames with absolute paths', () => {
    const fs = new Vfs();
    const seen: VfsChange[] = [];
    const off = fs.onChange((c) => seen.push(c));
    fs.mkdir('d');
    fs.writeFile('d/x', '1');
    fs.rename('d/x', 'y');
    fs.rm('d', { recursive: true });
    off();
    fs.writeFile('z', '');
    expect(seen).toEqual([
      { type: 'mkdir', path: '/root/d' },
      { type: 'write', path: '/root/d/x' },
      { type: 'rename', path: '/root/y', from: '/root/d/x' },
      { type: 'remove', path: '/root/d' },
    ]);
  });
});

describe('snapshot and restore', () => {
  it('round-trips through JSON exactly, with mtimes, modes, cwd and usage', () => {
    let t = 5;
    const fs = new Vfs({ now: () => t++ });
    fs.mkdir('/etc/kubernetes/manifests', { recursive: true });
    fs.writeFile('/etc/kubernetes/manifests/etcd.yaml', 'kind: Pod\n');
    fs.writeFile('web.yaml', 'kind: Deployment\n');
    fs.chdir('/etc');
    const json = JSON.parse(JSON.stringify(fs.snapshot()));
    const back = Vfs.restore(json);
    expect(back.snapshot()).toEqual(fs.snapshot());
    expect(back.cwd).toBe('/etc');
    expect(back.usage()).toEqual(fs.usage());
  });

  it('rejects something that is not a snapshot', () => {
    expect(() => Vfs.restore({} as never)).toThrow('not a filesystem snapshot');
  });
});

// The learner's filesystem: in memory, POSIX-like, shared by the browser editor and the shell.
// Pure TypeScript (no Node fs, no DOM) so it snapshots to plain JSON and runs anywhere.
//
// Home is /root and the prompt user is root, like a kubeadm control-plane node on Killercoda:
// learners copy commands from the Kubernetes docs that assume root. Paths may be absolute or
// relative to `cwd`; `.`/`..` and repeated slashes are normalised; `~` is the shell's business.

export type VfsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EFBIG' | 'EDQUOT' | 'EINVAL';

/** The strerror texts coreutils print ("cat: x: No such file or directory"). */
const REASONS: Record<VfsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EFBIG: 'File too large',
  EDQUOT: 'Disk quota exceeded',
  EINVAL: 'Invalid argument',
};

export class VfsError extends Error {
  readonly reason: string;
  constructor(
    readonly code: VfsErrorCode,
    readonly path: string,
    detail?: string,
  ) {
    super(`${path}: ${REASONS[code]}${detail ? ` (${detail})` : ''}`);
    this.name = 'VfsError';
    this.reason = REASONS[code];
  }
}

export interface VfsLimits {
  /** Largest single file, in UTF-8 bytes. */
  maxFileBytes: number;
  /** All file contents together, in UTF-8 bytes. */
  maxTotalBytes: number;
  /** Files and directories together (the root not counted). */
  maxEntries: number;
}

export const DEFAULT_LIMITS: VfsLimits = { maxFileBytes: 1024 * 1024, maxTotalBytes: 8 * 1024 * 1024, maxEntries: 2000 };
export const HOME = '/root';

export interface VfsStat {
  path: string;
  type: 'file' | 'dir';
  size: number;
  mtimeMs: number;
  mode: number;
}

export type VfsChange =
  | { type: 'write'; path: string }
  | { type: 'mkdir'; path: string }
  | { type: 'remove'; path: string }
  | { type: 'rename'; path: string; from: string };

export interface VfsSnapshotEntry {
  path: string;
  type: 'file' | 'dir';
  mtimeMs: number;
  mode: number;
  data?: string;
}
export interface VfsSnapshot {
  version: 1;
  cwd: string;
  entries: VfsSnapshotEntry[];
}

interface FileNode {
  kind: 'file';
  data: string;
  bytes: number;
  mtimeMs: number;
  mode: number;
}
interface DirNode {
  kind: 'dir';
  children: Map<string, Node>;
  mtimeMs: number;
  mode: number;
}
type Node = FileNode | DirNode;

export interface VfsOptions {
  /** Injected time source for mtimes (the sandbox passes its cluster clock). */
  now?: () => number;
  limits?: Partial<VfsLimits>;
  cwd?: string;
}

/** UTF-8 length without TextEncoder, so the file needs no DOM or Node lib. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Normalise `path` against `cwd` into an absolute path without `.`, `..` or trailing slash. */
export function resolvePath(path: string, cwd: string = HOME): string {
  if (path === '') throw new VfsError('ENOENT', path);
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

const newDir = (mtimeMs: number): DirNode => ({ kind: 'dir', children: new Map(), mtimeMs, mode: 0o755 });

export class Vfs {
  readonly limits: VfsLimits;
  private root: DirNode;
  private totalBytes = 0;
  private entries = 0;
  private cwdPath: string;
  private readonly now: () => number;
  private readonly listeners = new Set<(change: VfsChange) => void>();

  constructor(opts: VfsOptions = {}) {
    this.now = opts.now ?? (() => 0);
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.root = newDir(this.now());
    this.cwdPath = '/';
    this.mkdir(HOME, { recursive: true });
    this.mkdir('/tmp', { recursive: true });
    this.cwdPath = opts.cwd ? this.resolve(opts.cwd) : HOME;
  }

  get cwd(): string {
    return this.cwdPath;
  }

  chdir(path: string): void {
    const abs = this.resolve(path);
    const node = this.lookup(abs);
    if (!node) throw new VfsError('ENOENT', path);
    if (node.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    this.cwdPath = abs;
  }

  resolve(path: string): string {
    return resolvePath(path, this.cwdPath);
  }

  onChange(listener: (change: VfsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  exists(path: string): boolean {
    return this.lookup(this.resolve(path)) !== undefined;
  }

  stat(path: string): VfsStat {
    const abs = this.resolve(path);
    const node = this.lookup(abs);
    if (!node) throw new VfsError('ENOENT', path);
    const size = node.kind === 'file' ? node.bytes : 4096;
    return { path: abs, type: node.kind, size, mtimeMs: node.mtimeMs, mode: node.mode };
  }

  readFile(path: string): string {
    const node = this.lookup(this.resolve(path));
    if (!node) throw new VfsError('ENOENT', path);
    if (node.kind === 'dir') throw new VfsError('EISDIR', path);
    return node.data;
  }

  writeFile(path: string, data: string): void {
    this.putFile(path, data, false);
  }

  appendFile(path: string, data: string): void {
    this.putFile(path, data, true);
  }

  /** Names in a directory, sorted like `ls` in the C locale. */
  readdir(path: string): string[] {
    const node = this.lookup(this.resolve(path));
    if (!node) throw new VfsError('ENOENT', path);
    if (node.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    return [...node.children.keys()].sort();
  }

  mkdir(path: string, opts: { recursive?: boolean } = {}): void {
    const abs = this.resolve(path);
    if (abs === '/') {
      if (opts.recursive) return;
      throw new VfsError('EEXIST', path);
    }
    const names = abs.split('/').slice(1);
    let dir = this.root;
    for (let i = 0; i < names.length; i++) {
      const last = i === names.length - 1;
      const existing = dir.children.get(names[i]);
      if (existing) {
        if (existing.kind !== 'dir') throw new VfsError(last ? 'EEXIST' : 'ENOTDIR', path);
        if (last && !opts.recursive) throw new VfsError('EEXIST', path);
        dir = existing;
        continue;
      }
      if (!last && !opts.recursive) throw new VfsError('ENOENT', path);
      this.reserveEntry(path);
      const created = newDir(this.now());
      dir.children.set(names[i], created);
      dir.mtimeMs = this.now();
      dir = created;
      this.emit({ type: 'mkdir', path: '/' + names.slice(0, i + 1).join('/') });
    }
  }

  rm(path: string, opts: { recursive?: boolean; force?: boolean } = {}): void {
    const abs = this.resolve(path);
    const node = this.lookup(abs);
    if (!node) {
      if (opts.force) return;
      throw new VfsError('ENOENT', path);
    }
    if (abs === '/') throw new VfsError('EINVAL', path, 'refusing to remove /');
    if (node.kind === 'dir' && !opts.recursive) throw new VfsError('EISDIR', path);
    const { parent, name } = this.parentOf(abs, path);
    parent.children.delete(name);
    parent.mtimeMs = this.now();
    this.forget(node);
    if (this.cwdPath === abs || this.cwdPath.startsWith(abs + '/')) this.cwdPath = '/';
    this.emit({ type: 'remove', path: abs });
  }

  /** rmdir(2): only an empty directory. */
  rmdir(path: string): void {
    const node = this.lookup(this.resolve(path));
    if (!node) throw new VfsError('ENOENT', path);
    if (node.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    if (node.children.size > 0) throw new VfsError('ENOTEMPTY', path);
    this.rm(path, { recursive: true });
  }

  /** rename(2): replaces a file target; a directory target must be empty. */
  rename(from: string, to: string): void {
    const src = this.resolve(from);
    const dst = this.resolve(to);
    const node = this.lookup(src);
    if (!node) throw new VfsError('ENOENT', from);
    if (src === dst) return;
    if (node.kind === 'dir' && dst.startsWith(src + '/')) throw new VfsError('EINVAL', to, 'cannot move a directory into itself');
    const target = this.lookup(dst);
    if (target?.kind === 'dir' && node.kind === 'file') throw new VfsError('EISDIR', to);
    if (target?.kind === 'file' && node.kind === 'dir') throw new VfsError('ENOTDIR', to);
    if (target?.kind === 'dir' && target.children.size > 0) throw new VfsError('ENOTEMPTY', to);
    const to_ = this.parentOf(dst, to);
    const from_ = this.parentOf(src, from);
    if (target) this.forget(target);
    from_.parent.children.delete(from_.name);
    to_.parent.children.set(to_.name, node);
    from_.parent.mtimeMs = to_.parent.mtimeMs = this.now();
    this.emit({ type: 'rename', path: dst, from: src });
  }

  /** Every file path under `path` (default /), sorted: the editor's file list. */
  listFiles(path = '/'): string[] {
    const start = this.resolve(path);
    const node = this.lookup(start);
    const out: string[] = [];
    const walk = (n: Node, at: string) => {
      if (n.kind === 'file') out.push(at);
      else for (const [name, child] of n.children) walk(child, at === '/' ? `/${name}` : `${at}/${name}`);
    };
    if (node) walk(node, start);
    return out.sort();
  }

  usage(): { bytes: number; entries: number } {
    return { bytes: this.totalBytes, entries: this.entries };
  }

  snapshot(): VfsSnapshot {
    const entries: VfsSnapshotEntry[] = [];
    const walk = (dir: DirNode, at: string) => {
      for (const name of [...dir.children.keys()].sort()) {
        const child = dir.children.get(name)!;
        const path = at === '/' ? `/${name}` : `${at}/${name}`;
        if (child.kind === 'file') entries.push({ path, type: 'file', mtimeMs: child.mtimeMs, mode: child.mode, data: child.data });
        else {
          entries.push({ path, type: 'dir', mtimeMs: child.mtimeMs, mode: child.mode });
          walk(child, path);
        }
      }
    };
    walk(this.root, '/');
    return { version: 1, cwd: this.cwdPath, entries };
  }

  static restore(snapshot: VfsSnapshot, opts: Omit<VfsOptions, 'cwd'> = {}): Vfs {
    if (snapshot?.version !== 1 || !Array.isArray(snapshot.entries)) throw new Error('not a filesystem snapshot (version 1)');
    const fs = new Vfs(opts);
    fs.root = newDir(fs.now());
    fs.totalBytes = fs.entries = 0;
    for (const e of snapshot.entries) {
      if (e.type === 'dir') fs.mkdir(e.path, { recursive: true });
      else fs.writeFile(e.path, e.data ?? '');
    }
    // mtimes and modes last: creating children would otherwise bump the parents' mtimes.
    for (const e of snapshot.entries) {
      const node = fs.lookup(e.path)!;
      node.mtimeMs = e.mtimeMs;
      node.mode = e.mode;
    }
    fs.cwdPath = fs.exists(snapshot.cwd) ? resolvePath(snapshot.cwd) : HOME;
    return fs;
  }

  private putFile(path: string, data: string, append: boolean): void {
    const abs = this.resolve(path);
    if (abs === '/') throw new VfsError('EISDIR', path);
    const { parent, name } = this.parentOf(abs, path);
    const existing = parent.children.get(name);
    if (existing?.kind === 'dir') throw new VfsError('EISDIR', path);
    const next = append && existing ? existing.data + data : data;
    const bytes = utf8Length(next);
    if (bytes > this.limits.maxFileBytes) throw new VfsError('EFBIG', path, `a file may hold at most ${formatBytes(this.limits.maxFileBytes)}`);
    const delta = bytes - (existing?.bytes ?? 0);
    if (this.totalBytes + delta > this.limits.maxTotalBytes) {
      throw new VfsError('EDQUOT', path, `all files together may hold at most ${formatBytes(this.limits.maxTotalBytes)}`);
    }
    if (!existing) this.reserveEntry(path);
    this.totalBytes += delta;
    const mtimeMs = this.now();
    if (existing) {
      existing.data = next;
      existing.bytes = bytes;
      existing.mtimeMs = mtimeMs;
    } else {
      parent.children.set(name, { kind: 'file', data: next, bytes, mtimeMs, mode: 0o644 });
      parent.mtimeMs = mtimeMs;
    }
    this.emit({ type: 'write', path: abs });
  }

  private reserveEntry(path: string): void {
    if (this.entries + 1 > this.limits.maxEntries) {
      throw new VfsError('EDQUOT', path, `at most ${this.limits.maxEntries} files and directories`);
    }
    this.entries++;
  }

  /** Release the bytes and entries a removed subtree held. */
  private forget(node: Node): void {
    this.entries--;
    if (node.kind === 'file') this.totalBytes -= node.bytes;
    else for (const child of node.children.values()) this.forget(child);
  }

  private lookup(abs: string): Node | undefined {
    let node: Node = this.root;
    for (const name of abs.split('/')) {
      if (name === '') continue;
      if (node.kind !== 'dir') return undefined;
      const next: Node | undefined = node.children.get(name);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  private parentOf(abs: string, shown: string): { parent: DirNode; name: string } {
    const cut = abs.lastIndexOf('/');
    const parentPath = cut === 0 ? '/' : abs.slice(0, cut);
    const parent = this.lookup(parentPath);
    if (!parent) throw new VfsError('ENOENT', shown);
    if (parent.kind !== 'dir') throw new VfsError('ENOTDIR', shown);
    return { parent, name: abs.slice(cut + 1) };
  }

  private emit(change: VfsChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

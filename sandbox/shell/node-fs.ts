// A node's filesystem as the `ssh node` shell sees it: a Vfs mirroring the engine's node files
// (sandbox/engine/node-files.ts: /etc/kubernetes, /var/lib/kubelet…), with the learner's own
// /root and /tmp kept per node. Writes outside /root and /tmp go back to the node's files, so
// editing a static pod manifest reaches that node's kubelet.
import { nodeFiles, type NodeFiles } from '../engine/node-files.js';
import { Vfs, type VfsChange } from './vfs.js';

const PRIVATE = [/^\/root(\/|$)/, /^\/tmp(\/|$)/];
const isPrivate = (path: string) => PRIVATE.some((re) => re.test(path));

export class NodeFs {
  readonly fs: Vfs;
  private syncing = false;

  constructor(private readonly files: NodeFiles | undefined, now: () => number) {
    this.fs = new Vfs({ now });
    this.fs.onChange((c) => this.writeBack(c));
    this.pull();
  }

  static of(engine: object | undefined, node: string, now: () => number): NodeFs {
    return new NodeFs(engine ? nodeFiles(engine, node) : undefined, now);
  }

  /** Copies the node's files in (the kubelet or kubeadm may have changed them since). */
  pull(): void {
    if (!this.files) return;
    this.syncing = true;
    try {
      this.copyDir('/');
    } finally {
      this.syncing = false;
    }
  }

  private copyDir(dir: string): void {
    for (const name of this.files!.list(dir) ?? []) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (isPrivate(path)) continue;
      if (this.files!.isDir(path)) {
        this.fs.mkdir(path, { recursive: true });
        this.copyDir(path);
        continue;
      }
      const content = this.files!.read(path) ?? '';
      if (!this.fs.exists(path) || this.fs.readFile(path) !== content) this.fs.writeFile(path, content);
    }
  }

  private writeBack(c: VfsChange): void {
    if (this.syncing || !this.files || isPrivate(c.path)) return;
    if (c.type === 'write') this.files.write(c.path, this.fs.readFile(c.path));
    else if (c.type === 'mkdir') this.files.mkdir(c.path);
    else if (c.type === 'remove') this.files.remove(c.path);
    else if (c.type === 'rename') {
      this.files.remove(c.from);
      if (this.fs.stat(c.path).type === 'file') this.files.write(c.path, this.fs.readFile(c.path));
    }
  }
}

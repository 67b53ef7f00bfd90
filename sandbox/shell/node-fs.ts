// A node's filesystem as the `ssh node` shell sees it: a Vfs mirroring the engine's node files
// (sandbox/engine/node-files.ts: /etc/kubernetes, /var/lib/kubelet, /tmp…), with the learner's own
// /root kept per node. Writes outside /root go back to the node's files, so editing a static pod
// manifest reaches that node's kubelet, and `mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/`
// stops the scheduler as on a real node (the lab action moves it to the same /tmp).
import { nodeFiles, type NodeFiles } from '../engine/node-files.js';
import { Vfs, type VfsChange } from './vfs.js';

const PRIVATE = [/^\/root(\/|$)/];
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
      this.dropRemoved();
      this.copyDir('/');
    } finally {
      this.syncing = false;
    }
  }

  /** Removes what the node no longer has (a manifest moved away by a lab action or the kubelet). */
  private dropRemoved(): void {
    for (const path of this.fs.listFiles('/')) {
      if (!isPrivate(path) && this.files!.read(path) === undefined && !this.files!.isDir(path)) this.fs.rm(path, { force: true });
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
    if (this.syncing || !this.files) return;
    // A move between /root and the node's files is a removal on one side and a write on the other.
    if (c.type === 'rename') {
      if (!isPrivate(c.from)) this.files.remove(c.from);
      if (!isPrivate(c.path) && this.fs.stat(c.path).type === 'file') this.files.write(c.path, this.fs.readFile(c.path));
      return;
    }
    if (isPrivate(c.path)) return;
    if (c.type === 'write') this.files.write(c.path, this.fs.readFile(c.path));
    else if (c.type === 'mkdir') this.files.mkdir(c.path);
    else if (c.type === 'remove') this.files.remove(c.path);
  }
}

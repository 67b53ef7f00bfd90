// Each node's filesystem: the files a kubeadm v1.32 node holds that matter to a learner
// (/etc/kubernetes/manifests, the kubeconfigs, pki/, /var/lib/kubelet/config.yaml, the CNI
// config). Kept beside the engine in a WeakMap and snapshotted as the engine component
// `node-files` (plain JSON: per node, path → content, with null for a directory).
// Writes notify listeners: the node's kubelet watches its staticPodPath through onNodeFileChange.

export interface NodeFiles {
  read(path: string): string | undefined; // absolute paths
  write(path: string, content: string): void; // creates parent dirs; notifies the node's kubelet
  remove(path: string): boolean; // file or empty dir
  list(dir: string): string[] | undefined; // names directly under dir, sorted; undefined if not a dir
  isDir(path: string): boolean;
  mkdir(path: string): void; // -p semantics
}

/** path → file content, or null for a directory. */
export type NodeFileTable = Record<string, string | null>;
export type NodeFilesState = Record<string, NodeFileTable>;
export type NodeFileListener = (node: string, path: string) => void;

interface FileSystems {
  state: NodeFilesState;
  listeners: Set<NodeFileListener>;
}

const byEngine = new WeakMap<object, FileSystems>();

/** Normalises an absolute path: collapses `//`, `.` and `..`, drops a trailing `/`. */
export function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function tableApi(table: NodeFileTable, notify: (path: string) => void): NodeFiles {
  const isDir = (p: string) => p === '/' || table[p] === null;
  const mkdir = (path: string) => {
    const p = normalisePath(path);
    if (p === '/') return;
    if (typeof table[p] === 'string') throw new Error(`mkdir: cannot create directory '${p}': File exists`);
    mkdir(parentOf(p));
    table[p] = null;
  };
  return {
    read: (path) => {
      const v = table[normalisePath(path)];
      return typeof v === 'string' ? v : undefined;
    },
    write: (path, content) => {
      const p = normalisePath(path);
      if (isDir(p)) throw new Error(`${p}: Is a directory`);
      mkdir(parentOf(p));
      table[p] = content;
      notify(p);
    },
    remove: (path) => {
      const p = normalisePath(path);
      if (!(p in table)) return false;
      if (table[p] === null && Object.keys(table).some((k) => k.startsWith(`${p}/`))) return false;
      delete table[p];
      notify(p);
      return true;
    },
    list: (dir) => {
      const d = normalisePath(dir);
      if (!isDir(d)) return undefined;
      const prefix = d === '/' ? '/' : `${d}/`;
      return Object.keys(table)
        .filter((k) => k.startsWith(prefix) && k.length > prefix.length && !k.slice(prefix.length).includes('/'))
        .map((k) => k.slice(prefix.length))
        .sort();
    },
    isDir: (path) => isDir(normalisePath(path)),
    mkdir,
  };
}

/** Gives an engine its nodes' filesystems (a fresh cluster's content, or a snapshot's). */
export function installNodeFiles(engine: object, state: NodeFilesState): void {
  byEngine.set(engine, { state, listeners: new Set() });
}

/** Adds (or replaces) one node's filesystem, e.g. a node that joins. */
export function addNodeFiles(engine: object, node: string, files: NodeFileTable): void {
  const fs = byEngine.get(engine);
  if (!fs) throw new Error('this engine has no node filesystems');
  fs.state[node] = files;
}

/** The filesystem of `node`, or undefined when the engine has no such node. */
export function nodeFiles(engine: object, node: string): NodeFiles | undefined {
  const fs = byEngine.get(engine);
  const table = fs?.state[node];
  if (!fs || !table) return undefined;
  return tableApi(table, (path) => {
    for (const l of [...fs.listeners]) l(node, path);
  });
}

/** The nodes that have a filesystem, sorted. */
export function nodeNames(engine: object): string[] {
  return Object.keys(byEngine.get(engine)?.state ?? {}).sort();
}

/** Calls listener after every write or remove on any node. Returns an unsubscribe. */
export function onNodeFileChange(engine: object, listener: NodeFileListener): () => void {
  const fs = byEngine.get(engine);
  if (!fs) return () => undefined;
  fs.listeners.add(listener);
  return () => fs.listeners.delete(listener);
}

/** The plain-JSON state the engine snapshots (the live object: the snapshot copies it). */
export function nodeFilesState(engine: object): NodeFilesState | undefined {
  return byEngine.get(engine)?.state;
}

/** Builds a table from files (path → content), adding every parent directory and the extra dirs. */
export function fileTable(files: Record<string, string>, dirs: string[] = []): NodeFileTable {
  const table: NodeFileTable = {};
  const api = tableApi(table, () => undefined);
  for (const d of dirs) api.mkdir(d);
  for (const [p, c] of Object.entries(files)) api.write(p, c);
  return table;
}

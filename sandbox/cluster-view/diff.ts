// Live updates send only what changed: items added or altered (whole, they are small) and the
// ids of items gone. With hundreds of pods most commits touch one or two.
import type { ClusterModel, MapItem } from './model.js';

export interface ModelDiff {
  nodes?: string[];
  upsert: MapItem[];
  remove: string[];
}

export function diffModels(prev: ClusterModel, next: ClusterModel): ModelDiff {
  const before = new Map(prev.items.map((i) => [i.id, JSON.stringify(i)]));
  const upsert = next.items.filter((i) => before.get(i.id) !== JSON.stringify(i));
  const ids = new Set(next.items.map((i) => i.id));
  const remove = prev.items.filter((i) => !ids.has(i.id)).map((i) => i.id);
  const nodesChanged = prev.nodes.join('\n') !== next.nodes.join('\n');
  return { ...(nodesChanged ? { nodes: next.nodes } : {}), upsert, remove };
}

export const isEmptyDiff = (d: ModelDiff): boolean => !d.nodes && d.upsert.length === 0 && d.remove.length === 0;

/** The receiving side: items keep the order of the sender's model (new ones go last). */
export function applyDiff(model: ClusterModel, d: ModelDiff): ClusterModel {
  const changed = new Map(d.upsert.map((i) => [i.id, i]));
  const gone = new Set(d.remove);
  const items = model.items.filter((i) => !gone.has(i.id)).map((i) => changed.get(i.id) ?? i);
  const known = new Set(items.map((i) => i.id));
  for (const i of d.upsert) if (!known.has(i.id)) items.push(i);
  return { nodes: d.nodes ?? model.nodes, items };
}

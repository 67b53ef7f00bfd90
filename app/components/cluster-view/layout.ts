// Where everything sits on the cluster map. dagre (@dagrejs/dagre) lays out the graph: Ingresses,
// then Services and volumes, then one column per node (and one for pods no node has yet), with an
// edge from each Service to the columns its endpoint pods are in, so Services sit above their
// pods and edges cross little. The node columns keep the cluster's node order (dagre order
// constraints), so pods keep their places as Services come and go. Inside a column, components
// and pods (grouped by owner) sit in a grid: a grid is what keeps 500 pods readable and stable,
// and it costs O(pods); dagre sees only the few columns and band items, so it stays well under a
// frame. CSS animates the moves.
import dagre, { type LayoutOptions } from '@dagrejs/dagre';
import type { ClusterModel, MapItem } from '../../../sandbox/cluster-view/wire';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GroupLabel extends Box {
  id: string;
  text: string;
}

export interface MapLayout {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  /** Node frames, by node name ('' for the unscheduled column). */
  nodes: Map<string, Box>;
  groups: GroupLabel[];
  edges: Array<{ id: string; from: string; to: string }>;
}

const COL_W = 264;
const GAP = 16;
const PAD = 8;
const NODE_HEAD = 28;
const CHIP_W = (COL_W - PAD * 3) / 2;
const CHIP_H = 22;
const GROUP_HEAD = 18;
const BAND_W = 150;
const BAND_H = 34;
/** Pods show their names while a node has few; past that, small squares. */
const NAMED_POD_LIMIT = 24;
const SQUARE = 20;
const ROOT = '\u0000root';
const column = (node: string) => `\u0000column:${node}`;

const byKind = (items: MapItem[], kind: MapItem['kind']) => items.filter((i) => i.kind === kind);

/** A column's contents, placed relative to the column's top left corner. */
interface ColumnContents {
  height: number;
  boxes: Array<[string, Box]>;
  groups: GroupLabel[];
}

function layoutPods(pods: MapItem[], y: number, out: ColumnContents, node: string): number {
  const named = pods.length <= NAMED_POD_LIMIT;
  const order = new Map<string, MapItem[]>();
  for (const p of pods) {
    const group = p.group ?? 'standalone';
    if (!order.has(group)) order.set(group, []);
    order.get(group)!.push(p);
  }
  for (const [group, members] of order) {
    out.groups.push({ id: `${node}:${group}`, text: group, x: PAD, y, w: COL_W - PAD * 2, h: GROUP_HEAD });
    y += GROUP_HEAD;
    const perRow = named ? 2 : Math.floor((COL_W - PAD * 2) / (SQUARE + 4));
    const w = named ? CHIP_W : SQUARE;
    const h = named ? CHIP_H : SQUARE;
    const stride = w + 4 + (named ? PAD - 4 : 0);
    members.forEach((p, i) => out.boxes.push([p.id, { x: PAD + (i % perRow) * stride, y: y + Math.floor(i / perRow) * (h + 4), w, h }]));
    y += Math.ceil(members.length / perRow) * (h + 4) + 6;
  }
  return y;
}

function layoutColumn(items: MapItem[], pods: MapItem[], node: string): ColumnContents {
  const out: ColumnContents = { height: 0, boxes: [], groups: [] };
  let y = NODE_HEAD;
  const chips = items.filter((i) => i.kind === 'component' && i.node === node);
  chips.forEach((c, i) => out.boxes.push([c.id, { x: PAD + (i % 2) * (CHIP_W + PAD), y: y + Math.floor(i / 2) * (CHIP_H + 4), w: CHIP_W, h: CHIP_H }]));
  y += Math.ceil(chips.length / 2) * (CHIP_H + 4) + 8;
  out.height = layoutPods(pods, y, out, node) + PAD;
  return out;
}

/** What dagre needs to know: the columns in order, and each band item with what it reaches
 *  (band items, or the columns its endpoint pods are in). Pods only change it by changing node. */
interface Skeleton {
  names: string[];
  band: Array<{ id: string; kind: MapItem['kind']; reaches: string[] }>;
}

function skeletonOf(band: MapItem[], names: string[], columnOf: Map<string, string>): Skeleton {
  const inBand = new Set(band.map((b) => b.id));
  const reach = (t: string) => (inBand.has(t) ? t : columnOf.has(t) ? column(columnOf.get(t)!) : undefined);
  return {
    names,
    band: band.map((item) => ({ id: item.id, kind: item.kind, reaches: [...new Set((item.targets ?? []).map(reach).filter((t): t is string => !!t))] })),
  };
}

/** The graph dagre places: an invisible root ranks Ingresses 1, Services and volumes 2, columns 3.
 *  Columns' heights do not matter (their rank is aligned at the top and is the last). */
function buildGraph({ names, band }: Skeleton) {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: GAP, edgesep: 4, ranksep: 40, rankalign: 'top', align: 'DL', marginx: GAP, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode(ROOT, { width: 0, height: 0 });
  for (const item of band) {
    g.setNode(item.id, { width: BAND_W, height: BAND_H });
    g.setEdge(ROOT, item.id, { minlen: item.kind === 'ingress' ? 1 : 2 });
  }
  for (const node of names) {
    g.setNode(column(node), { width: COL_W, height: 1 });
    g.setEdge(ROOT, column(node), { minlen: 3 });
  }
  for (const item of band) for (const t of item.reaches) g.setEdge(item.id, t, { minlen: 1, weight: 2 });
  return g;
}

type Ordered = Parameters<NonNullable<LayoutOptions['customOrder']>>[0];

/** dagre's own crossing-minimising order, then the node columns put back in the cluster's order
 *  within the slots dagre gave them, so a new Service never swaps two nodes. */
function orderKeepingColumns(names: string[]) {
  return (g: Ordered, order: (g: Ordered) => void) => {
    order(g);
    const cols = names.map((n) => g.node(column(n))).filter((l) => l && typeof l.order === 'number');
    const slots = cols.map((l) => l.order!).sort((a, b) => a - b);
    cols.forEach((l, i) => (l.order = slots[i]));
  };
}

const slotX = (i: number) => GAP + i * (COL_W + GAP);

interface Placement {
  band: Map<string, { x: number; y: number }>;
  top: number;
}

/** Columns sit in fixed slots (so pods never move for a Service); band items keep dagre's place
 *  relative to the columns, mapped piecewise onto the slots, then nudged apart if they touch. */
function place(skeleton: Skeleton): Placement {
  const g = buildGraph(skeleton);
  dagre.layout(g, { customOrder: orderKeepingColumns(skeleton.names) });
  const anchors = skeleton.names.map((n, i) => ({ from: g.node(column(n)).x!, to: slotX(i) + COL_W / 2 }));
  const map = (x: number) => {
    if (!anchors.length) return x;
    if (x <= anchors[0].from) return x - anchors[0].from + anchors[0].to;
    const last = anchors[anchors.length - 1];
    if (x >= last.from) return x - last.from + last.to;
    const i = anchors.findIndex((a) => a.from > x);
    const [a, b] = [anchors[i - 1], anchors[i]];
    return a.to + ((x - a.from) / (b.from - a.from)) * (b.to - a.to);
  };
  const lift = g.node(ROOT).y!;
  const band = new Map<string, { x: number; y: number }>();
  const rows = new Map<number, string[]>();
  for (const { id } of skeleton.band) rows.set(g.node(id).y!, [...(rows.get(g.node(id).y!) ?? []), id]);
  for (const row of rows.values()) {
    let right = GAP - 10;
    for (const id of row.sort((a, b) => g.node(a).x! - g.node(b).x!)) {
      const x = Math.max(right + 10, map(g.node(id).x!) - BAND_W / 2);
      band.set(id, { x, y: g.node(id).y! - BAND_H / 2 - lift });
      right = x + BAND_W;
    }
  }
  const top = skeleton.names.length ? g.node(column(skeleton.names[0])).y! - 0.5 - lift : GAP;
  return { band, top };
}

/** dagre takes milliseconds even for a few nodes, so it runs only when the skeleton changes
 *  (a Service, an Ingress, a node, an endpoint moving node), not for every pod status. */
let lastPlacement: { key: string; placement: Placement } | undefined;
function placeCached(skeleton: Skeleton): Placement {
  const key = JSON.stringify(skeleton);
  if (lastPlacement?.key !== key) lastPlacement = { key, placement: place(skeleton) };
  return lastPlacement.placement;
}

export function layoutMap(model: ClusterModel): MapLayout {
  const boxes = new Map<string, Box>();
  const nodes = new Map<string, Box>();
  const groups: GroupLabel[] = [];
  const pods = byKind(model.items, 'pod');
  const known = new Set(model.nodes);
  const columnOf = new Map(pods.map((p) => [p.id, p.node && known.has(p.node) ? p.node : '']));
  const names = [...model.nodes, ...(pods.some((p) => columnOf.get(p.id) === '') ? [''] : [])];
  const podsOf = new Map<string, MapItem[]>(names.map((n) => [n, []]));
  for (const p of pods) podsOf.get(columnOf.get(p.id)!)!.push(p);
  const band = [...byKind(model.items, 'ingress'), ...byKind(model.items, 'service'), ...byKind(model.items, 'volume')];
  const { band: placed, top } = placeCached(skeletonOf(band, names, columnOf));
  for (const [id, at] of placed) boxes.set(id, { ...at, w: BAND_W, h: BAND_H });
  let height = top;
  names.forEach((name, i) => {
    const c = layoutColumn(model.items, podsOf.get(name)!, name);
    const x = slotX(i);
    nodes.set(name, { x, y: top, w: COL_W, h: c.height });
    for (const [id, b] of c.boxes) boxes.set(id, { ...b, x: b.x + x, y: b.y + top });
    for (const label of c.groups) groups.push({ ...label, x: label.x + x, y: label.y + top });
    height = Math.max(height, top + c.height + GAP);
  });
  const edges = band
    .filter((i) => i.kind === 'service' || i.kind === 'ingress')
    .flatMap((i) => (i.targets ?? []).filter((t) => boxes.has(t)).map((t) => ({ id: `${i.id}->${t}`, from: i.id, to: t })));
  const width = Math.max(0, ...[...boxes.values(), ...nodes.values()].map((b) => b.x + b.w)) + GAP;
  return { width, height, boxes, nodes, groups, edges };
}

// Where everything sits on the cluster map: a band of Services, Ingresses and volumes on top,
// then one column per node (its components, then its pods grouped by owner), and a column for
// pods no node has yet. Deterministic and O(items), so 500 pods lay out in well under a frame;
// items keep their place when others change, and CSS animates the moves.
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
const TOP_BAND_H = 56;
const NODE_HEAD = 28;
const CHIP_W = (COL_W - PAD * 3) / 2;
const CHIP_H = 22;
const GROUP_HEAD = 18;
/** Pods show their names while a node has few; past that, small squares. */
const NAMED_POD_LIMIT = 24;
const SQUARE = 20;

const byKind = (items: MapItem[], kind: MapItem['kind']) => items.filter((i) => i.kind === kind);

function layoutTopBand(items: MapItem[], boxes: Map<string, Box>): number {
  const band = [...byKind(items, 'ingress'), ...byKind(items, 'service'), ...byKind(items, 'volume')];
  const w = 150;
  band.forEach((item, i) => boxes.set(item.id, { x: GAP + i * (w + 10), y: GAP, w, h: 34 }));
  return band.length ? band.length * (w + 10) + GAP : 0;
}

function layoutPods(pods: MapItem[], x: number, y: number, boxes: Map<string, Box>, groups: GroupLabel[], column: string): number {
  const named = pods.length <= NAMED_POD_LIMIT;
  const order = new Map<string, MapItem[]>();
  for (const p of pods) order.set(p.group ?? 'standalone', [...(order.get(p.group ?? 'standalone') ?? []), p]);
  for (const [group, members] of order) {
    groups.push({ id: `${column}:${group}`, text: group, x: x + PAD, y, w: COL_W - PAD * 2, h: GROUP_HEAD });
    y += GROUP_HEAD;
    const perRow = named ? 2 : Math.floor((COL_W - PAD * 2) / (SQUARE + 4));
    const w = named ? CHIP_W : SQUARE;
    const h = named ? CHIP_H : SQUARE;
    members.forEach((p, i) => boxes.set(p.id, { x: x + PAD + (i % perRow) * (w + 4 + (named ? PAD - 4 : 0)), y: y + Math.floor(i / perRow) * (h + 4), w, h }));
    y += Math.ceil(members.length / perRow) * (h + 4) + 6;
  }
  return y;
}

export function layoutMap(model: ClusterModel): MapLayout {
  const boxes = new Map<string, Box>();
  const nodes = new Map<string, Box>();
  const groups: GroupLabel[] = [];
  const bandWidth = layoutTopBand(model.items, boxes);
  const top = TOP_BAND_H + GAP;
  const pods = byKind(model.items, 'pod');
  const unscheduled = pods.filter((p) => !p.node || !model.nodes.includes(p.node));
  const columns = [...model.nodes, ...(unscheduled.length ? [''] : [])];
  let height = top;
  columns.forEach((node, col) => {
    const x = GAP + col * (COL_W + GAP);
    let y = top + NODE_HEAD;
    const chips = model.items.filter((i) => i.kind === 'component' && i.node === node);
    chips.forEach((c, i) => boxes.set(c.id, { x: x + PAD + (i % 2) * (CHIP_W + PAD), y: y + Math.floor(i / 2) * (CHIP_H + 4), w: CHIP_W, h: CHIP_H }));
    y += Math.ceil(chips.length / 2) * (CHIP_H + 4) + 8;
    const mine = node ? pods.filter((p) => p.node === node) : unscheduled;
    y = layoutPods(mine, x, y, boxes, groups, node);
    nodes.set(node, { x, y: top, w: COL_W, h: y - top + PAD });
    height = Math.max(height, y + PAD + GAP);
  });
  const edges = model.items
    .filter((i) => i.kind === 'service' || i.kind === 'ingress')
    .flatMap((i) => (i.targets ?? []).filter((t) => boxes.has(t)).map((t) => ({ id: `${i.id}->${t}`, from: i.id, to: t })));
  const width = Math.max(bandWidth, GAP + columns.length * (COL_W + GAP));
  return { width, height, boxes, nodes, groups, edges };
}

'use client';
// The map: absolutely placed boxes (layout.ts) that CSS moves and fades, lines from Services
// and Ingresses to what they reach. Memoised per item so a change to one pod re-renders one box.
import { memo, useMemo } from 'react';
import type { ClusterModel, MapItem } from '../../../sandbox/cluster-view/wire';
import { layoutMap, type Box } from './layout';

interface Props {
  model: ClusterModel;
  selected?: string;
  /** Items the timeline's current step is about (the component acting, the object). */
  active: Set<string>;
  onSelect(item: MapItem): void;
}

const statusClass = (s: string) =>
  /^(Running|Ready|Bound|Completed)/.test(s) ? 'ok' : /Terminating/.test(s) ? 'ending' : /(Pending|Creating|Init|Waiting)/.test(s) ? 'pending' : /(Error|BackOff|Failed|NotReady|OOM|Unknown|Evicted)/.test(s) ? 'bad' : 'neutral';

const Tile = memo(function Tile({ item, box, selected, active, onSelect }: { item: MapItem; box: Box; selected: boolean; active: boolean; onSelect(i: MapItem): void }) {
  const small = item.kind === 'pod' && box.w < 40;
  return (
    <button
      type="button"
      className={`cv-tile cv-${item.kind} cv-${statusClass(item.status)}${selected ? ' cv-selected' : ''}${active ? ' cv-active' : ''}`}
      style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.w, height: box.h }}
      title={`${item.kind} ${item.namespace ? `${item.namespace}/` : ''}${item.name}: ${item.status}${item.detail ? ` (${item.detail})` : ''}`}
      aria-label={`${item.kind} ${item.name}, ${item.status}`}
      data-testid={`map-${item.kind}`}
      data-name={item.name}
      data-node={item.node ?? ''}
      data-status={item.status}
      onClick={() => onSelect(item)}
    >
      {!small && (
        <>
          <span className="cv-name">{item.name}</span>
          {item.kind !== 'component' && <span className="cv-status">{item.status}</span>}
        </>
      )}
    </button>
  );
});

function centre(b: Box, bottom = false) {
  return { x: b.x + b.w / 2, y: bottom ? b.y + b.h : b.y + b.h / 2 };
}

export function ClusterMap({ model, selected, active, onSelect }: Props) {
  const layout = useMemo(() => layoutMap(model), [model]);
  const nodes = useMemo(() => new Map(model.items.filter((i) => i.kind === 'node').map((n) => [n.name, n])), [model]);
  return (
    <div className="cv-map" style={{ width: layout.width, height: layout.height }} data-testid="cluster-map">
      {[...layout.nodes].map(([name, b]) => {
        const node = nodes.get(name);
        return (
          <div key={`frame-${name}`} className={`cv-node-frame cv-${statusClass(node?.status ?? 'Pending')}`} style={{ transform: `translate(${b.x}px, ${b.y}px)`, width: b.w, height: b.h }} data-testid="map-node" data-name={name || 'unscheduled'}>
            <button type="button" className="cv-node-head" onClick={() => node && onSelect(node)}>
              {name ? `${name} · ${node?.detail ?? ''} · ${node?.status ?? ''}` : 'not scheduled yet'}
            </button>
          </div>
        );
      })}
      <svg className="cv-edges" width={layout.width} height={layout.height} aria-hidden="true">
        {layout.edges.map((e) => {
          const a = centre(layout.boxes.get(e.from)!, true);
          const b = centre(layout.boxes.get(e.to)!);
          return <line key={e.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className={selected === e.from ? 'cv-edge-on' : undefined} />;
        })}
      </svg>
      {layout.groups.map((g) => (
        <div key={g.id} className="cv-group" style={{ transform: `translate(${g.x}px, ${g.y}px)`, width: g.w }}>
          {g.text}
        </div>
      ))}
      {model.items.map((item) => {
        const box = layout.boxes.get(item.id);
        return box && <Tile key={item.id} item={item} box={box} selected={selected === item.id} active={active.has(item.id)} onSelect={onSelect} />;
      })}
    </div>
  );
}

'use client';
// Everything on the map as a nested list, for keyboard and screen-reader users.
import type { ClusterModel, MapItem } from '../../../sandbox/cluster-view/wire';

const label = (i: MapItem) => `${i.kind} ${i.namespace ? `${i.namespace}/` : ''}${i.name}: ${i.status}${i.detail ? ` (${i.detail})` : ''}`;

function Entry({ item, onSelect }: { item: MapItem; onSelect(i: MapItem): void }) {
  return (
    <button type="button" className="cv-link" onClick={() => onSelect(item)}>
      {label(item)}
    </button>
  );
}

export function TextList({ model, onSelect }: { model: ClusterModel; onSelect(i: MapItem): void }) {
  const pods = model.items.filter((i) => i.kind === 'pod');
  const unscheduled = pods.filter((p) => !p.node);
  const others = model.items.filter((i) => i.kind === 'service' || i.kind === 'ingress' || i.kind === 'volume' || i.kind === 'workload');
  return (
    <div className="cv-list" data-testid="cluster-list">
      <h3>Nodes</h3>
      <ul>
        {model.nodes.map((n) => {
          const node = model.items.find((i) => i.kind === 'node' && i.name === n);
          return (
            <li key={n}>
              {node && <Entry item={node} onSelect={onSelect} />}
              <ul aria-label={`Components on ${n}`}>
                {model.items.filter((i) => i.kind === 'component' && i.node === n).map((c) => <li key={c.id}><Entry item={c} onSelect={onSelect} /></li>)}
              </ul>
              <ul aria-label={`Pods on ${n}`}>
                {pods.filter((p) => p.node === n).map((p) => <li key={p.id}><Entry item={p} onSelect={onSelect} /> {p.group && <span className="muted">({p.group})</span>}</li>)}
              </ul>
            </li>
          );
        })}
        {unscheduled.length > 0 && (
          <li>
            Not scheduled yet
            <ul>{unscheduled.map((p) => <li key={p.id}><Entry item={p} onSelect={onSelect} /></li>)}</ul>
          </li>
        )}
      </ul>
      <h3>Workloads, Services, Ingresses and volumes</h3>
      <ul>
        {others.map((o) => (
          <li key={o.id}>
            <Entry item={o} onSelect={onSelect} />
            {o.targets && o.targets.length > 0 && <span className="muted"> → {o.targets.map((t) => t.split('/').at(-1)).join(', ')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

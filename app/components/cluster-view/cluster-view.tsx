'use client';
// The cluster view: map (or text list), timeline and inspector over one ViewSource.
import { useCallback, useMemo, useState } from 'react';
import type { ClusterModel, MapItem, ObjectDetail, ObjectLink, Step } from '../../../sandbox/cluster-view/wire';
import { ClusterMap } from './cluster-map';
import { Inspector } from './inspector';
import type { ViewSource } from './source';
import { TextList } from './text-list';
import { Timeline, currentStep, type Cursor } from './timeline';
import { useClusterView } from './use-cluster-view';
import './cluster-view.css';

const CONTROL_PLANE_COMPONENT: Record<string, string> = {
  'api-server': 'kube-apiserver',
  etcd: 'etcd',
  scheduler: 'kube-scheduler',
  'deployment-controller': 'kube-controller-manager',
  'replicaset-controller': 'kube-controller-manager',
  endpoints: 'kube-controller-manager',
  controller: 'kube-controller-manager',
};

/** The map items a step is about: the component that acted and the object it wrote. */
function activeItems(model: ClusterModel, step: Step | undefined): Set<string> {
  const out = new Set<string>();
  if (!step) return out;
  const plane = model.nodes[0];
  const objectId = `${step.object.resource === 'pods' ? 'pod' : step.object.resource.startsWith('services') ? 'service' : 'workload'}/${step.object.namespace ?? ''}/${step.object.name}`;
  out.add(objectId);
  const pod = model.items.find((i) => i.id === objectId);
  const component = CONTROL_PLANE_COMPONENT[step.stage];
  if (component && plane) out.add(`component/${plane}/${component}`);
  if (step.stage === 'kubelet' && pod?.node) out.add(`component/${pod.node}/kubelet`);
  if (step.stage === 'kube-proxy') for (const n of model.nodes) out.add(`component/${n}/kube-proxy`);
  return out;
}

const linkOf = (item: MapItem): ObjectLink | undefined => item.ref;

export function ClusterView({ source, title = 'Cluster view' }: { source: ViewSource; title?: string }) {
  const state = useClusterView(source);
  const [view, setView] = useState<'map' | 'list'>('map');
  const [selected, setSelected] = useState<MapItem>();
  const [detail, setDetail] = useState<ObjectDetail>();
  const [error, setError] = useState<string>();
  const [chainId, setChainId] = useState<string>();
  const [cursor, setCursor] = useState<Cursor>({ mode: 'live' });

  const inspect = useCallback(
    async (link: ObjectLink | undefined) => {
      setError(undefined);
      if (!link) return setDetail(undefined);
      const res = await source.inspect(link);
      if ('error' in res) setError(res.error);
      else setDetail(res);
    },
    [source],
  );
  const select = useCallback(
    (item: MapItem) => {
      setSelected(item);
      void inspect(linkOf(item));
    },
    [inspect],
  );
  const inspectLink = useCallback(
    (link: ObjectLink) => {
      setSelected(state.model.items.find((i) => i.ref && i.ref.resource === link.resource && i.ref.name === link.name && i.ref.namespace === link.namespace));
      void inspect(link);
    },
    [inspect, state.model],
  );
  const chain = state.chains.find((c) => c.id === chainId) ?? state.chains.at(-1);
  // Paused or replaying, the timeline keeps its chain when new commands come; live follows the latest.
  const moveCursor = useCallback(
    (c: Cursor) => {
      setCursor(c);
      setChainId(c.mode === 'live' ? undefined : (id) => id ?? chain?.id);
    },
    [chain?.id],
  );
  const active = useMemo(() => activeItems(state.model, currentStep(chain, cursor)), [state.model, chain, cursor]);
  const pods = state.model.items.filter((i) => i.kind === 'pod').length;

  return (
    <div className="cv-root" data-testid="cluster-view" data-version={state.version} data-pods={pods}>
      <div className="cv-bar">
        <strong>{title}</strong>
        <span className="muted">
          {state.model.nodes.length} nodes · {pods} pods
        </span>
        <span role="tablist" aria-label="Show as" className="cv-tabs">
          <button type="button" role="tab" aria-selected={view === 'map'} onClick={() => setView('map')}>Map</button>
          <button type="button" role="tab" aria-selected={view === 'list'} onClick={() => setView('list')}>Text list</button>
        </span>
        {state.error && <span className="notice error">{state.error}</span>}
      </div>
      <div className="cv-body">
        <div className="cv-canvas">
          {view === 'map' ? <ClusterMap model={state.model} selected={selected?.id} active={active} onSelect={select} /> : <TextList model={state.model} onSelect={select} />}
        </div>
        <div className="cv-side">
          <Timeline chains={state.chains} chainId={chain?.id} onChain={setChainId} cursor={cursor} onCursor={moveCursor} onInspect={inspectLink} />
          <Inspector item={selected} detail={detail} error={error} />
        </div>
      </div>
    </div>
  );
}

'use client';
// The view's state: the model and chains, updated by diffs; renders at most once a frame however
// many updates arrive (a burst of 500 pods is one render).
import { useEffect, useRef, useState } from 'react';
import { applyDiff } from '../../../sandbox/cluster-view/diff';
import { mergeChain, type Chain, type ChainUpdate, type ClusterModel, type ClusterViewUpdate } from '../../../sandbox/cluster-view/wire';
import type { ViewSource } from './source';

export interface ViewState {
  model: ClusterModel;
  chains: Chain[];
  error?: string;
  /** How many updates have been applied (tests and the bench wait on it). */
  version: number;
}

const EMPTY: ViewState = { model: { nodes: [], items: [] }, chains: [], version: 0 };

function mergeChains(chains: Chain[], changed: ChainUpdate[]): Chain[] {
  const byId = new Map(chains.map((c) => [c.id, c]));
  for (const c of changed) byId.set(c.id, mergeChain(byId.get(c.id), c));
  return [...byId.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))).slice(-50);
}

export function useClusterView(source: ViewSource): ViewState {
  const [state, setState] = useState<ViewState>(EMPTY);
  const pending = useRef<ClusterViewUpdate[]>([]);
  const frame = useRef<number | undefined>(undefined);

  useEffect(() => {
    const flush = () => {
      frame.current = undefined;
      const updates = pending.current;
      pending.current = [];
      setState((s) => {
        let model = s.model;
        let chains = s.chains;
        for (const u of updates) {
          model = applyDiff(model, u.diff);
          chains = mergeChains(chains, u.chains);
        }
        return { model, chains, version: s.version + updates.length };
      });
    };
    const stop = source.start({
      snapshot: (snap) => setState((s) => ({ model: snap.model, chains: snap.chains, version: s.version + 1 })),
      update: (u) => {
        pending.current.push(u);
        frame.current ??= requestAnimationFrame(flush);
      },
      error: (message) => setState((s) => ({ ...s, error: message })),
    });
    return () => {
      stop();
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    };
  }, [source]);
  return state;
}

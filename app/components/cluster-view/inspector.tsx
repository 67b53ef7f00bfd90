'use client';
// One object up close: its YAML (read-only) with the lines its last change touched marked, its
// Events, and for a Service the path a request takes to a pod.
import type { MapItem, ObjectDetail } from '../../../sandbox/cluster-view/wire';

export function ServicePathView({ item }: { item: MapItem }) {
  const path = item.path;
  if (!path) return null;
  return (
    <section aria-label={`Request path of Service ${item.name}`} data-testid="service-path">
      <h4>A request to {item.name}</h4>
      <ol className="cv-path">
        <li>
          DNS: <code>{path.dns}</code> resolves (CoreDNS) to <code>{path.clusterIP}</code>
        </li>
        {path.ports.map((p) => (
          <li key={p.port}>
            <code>
              {path.clusterIP}:{p.port}/{p.protocol}
            </code>{' '}
            matches kube-proxy&apos;s rule in KUBE-SERVICES, jumps to <code>{p.chain}</code>, which picks one of {p.endpoints.length} endpoints:
            <ul>
              {p.endpoints.length === 0 && <li>none ready: the connection is rejected</li>}
              {p.endpoints.map((e) => (
                <li key={e.chain}>
                  <code>{e.chain}</code> DNAT to <code>{e.address}</code> → pod {e.pod ?? '(no pod)'}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Inspector({ item, detail, error }: { item?: MapItem; detail?: ObjectDetail; error?: string }) {
  if (!item && !detail) return <p className="muted cv-hint">Click anything on the map, or an object in the timeline, to see its YAML and events.</p>;
  const lines = detail?.yaml.split('\n') ?? [];
  const changed = new Set(detail?.changed ?? []);
  return (
    <section className="cv-inspector" aria-label="Inspector" data-testid="inspector">
      <h3>
        {detail ? `${detail.link.resource} ${detail.link.namespace ? `${detail.link.namespace}/` : ''}${detail.link.name}` : `${item?.kind} ${item?.name}`}
        {detail && !detail.exists && <span className="muted"> (deleted; last version seen)</span>}
      </h3>
      {item && <p className="muted">{item.status}{item.detail ? ` · ${item.detail}` : ''}</p>}
      {item?.kind === 'service' && <ServicePathView item={item} />}
      {error && <p className="notice error">{error}</p>}
      {detail && (
        <>
          <h4>Events</h4>
          {detail.events.length === 0 ? (
            <p className="muted">No events.</p>
          ) : (
            <table className="cv-events">
              <thead>
                <tr><th>Type</th><th>Reason</th><th>From</th><th>Message</th></tr>
              </thead>
              <tbody>
                {detail.events.map((e, i) => (
                  <tr key={i}><td>{e.type}</td><td>{e.reason}</td><td>{e.from}</td><td>{e.message}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          <h4>YAML {changed.size > 0 && <span className="muted">(highlighted: changed by the last write)</span>}</h4>
          <pre className="cv-yaml" data-testid="inspector-yaml" aria-readonly="true">
            {lines.map((l, i) => (
              <span key={i} className={changed.has(i) ? 'cv-changed' : undefined}>
                {l}
                {'\n'}
              </span>
            ))}
          </pre>
        </>
      )}
    </section>
  );
}

import { describe, expect, it } from 'vitest';
import { cm, newEngine, pod, ref } from './test-helpers.js';
import { StatusError } from './errors.js';
import type { WatchEvent } from './types.js';

function fails(f: () => unknown): StatusError {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

describe('list', () => {
  it('filters by label selector with every operator', () => {
    const e = newEngine();
    e.api.create(ref('configmaps', 'default'), cm('a', { app: 'web', tier: 'front' }));
    e.api.create(ref('configmaps', 'default'), cm('b', { app: 'db' }));
    e.api.create(ref('configmaps', 'default'), cm('c', {}));
    const names = (labelSelector: string) => e.api.list(ref('configmaps', 'default'), { labelSelector }).items.map((o) => o.metadata.name);
    expect(names('app=web')).toEqual(['a']);
    expect(names('app==web')).toEqual(['a']);
    expect(names('app!=web')).toEqual(['b', 'c']);
    expect(names('app in (web,db)')).toEqual(['a', 'b']);
    expect(names('app notin (web)')).toEqual(['b', 'c']);
    expect(names('tier')).toEqual(['a']);
    expect(names('!tier')).toEqual(['b', 'c']);
    expect(names('app,!tier')).toEqual(['b']);
  });

  it('answers label selector syntax errors with the real texts', () => {
    const e = newEngine();
    const msg = (labelSelector: string) => fails(() => e.api.list(ref('configmaps', 'default'), { labelSelector })).status;
    expect(msg('app in')).toMatchObject({ code: 400, reason: 'BadRequest', message: "unable to parse requirement: found '' expected: '('" });
    expect(msg('app in (a')).toMatchObject({ message: "unable to parse requirement: found '', expected: ',' or ')'" });
    expect(msg('a=b c').message).toBe("found 'c', expected: ',' or 'end of string'");
    expect(msg('a b').message).toBe("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    expect(msg('a=b,').message).toBe("found '', expected: identifier after ','");
    expect(msg("app=web@").message).toBe(
      "unable to parse requirement: values[0][app]: Invalid value: \"web@\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
    expect(msg('a ~ b').message).toBe("unable to parse requirement: found '~', expected: in, notin, =, ==, !=, gt, lt");
  });

  it('filters by field selector and rejects unknown fields', () => {
    const e = newEngine();
    e.api.create(ref('pods', 'default'), pod('p1', { nodeName: 'n1' }));
    e.api.create(ref('pods', 'default'), pod('p2'));
    const names = (fieldSelector: string) => e.api.list(ref('pods'), { fieldSelector }).items.map((o) => o.metadata.name);
    expect(names('spec.nodeName=n1')).toEqual(['p1']);
    expect(names('spec.nodeName=')).toEqual(['p2']);
    expect(names('metadata.name!=p1,status.phase=Pending')).toEqual(['p2']);
    expect(fails(() => names('spec.foo=bar')).status).toMatchObject({ code: 400, message: 'field label not supported: spec.foo' });
    expect(fails(() => e.api.list(ref('configmaps'), { fieldSelector: 'spec.nodeName=x' })).message).toBe('field label not supported: spec.nodeName');
  });

  it('paginates with an opaque continue token at one revision', () => {
    const e = newEngine();
    for (const n of ['a', 'b', 'c', 'd', 'e']) e.api.create(ref('configmaps', 'default'), cm(n));
    const first = e.api.list(ref('configmaps', 'default'), { limit: 2 });
    expect(first.items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(first.metadata.remainingItemCount).toBe(3);
    expect(first.metadata.continue).toMatch(/^[A-Za-z0-9+/=]+$/);
    e.api.create(ref('configmaps', 'default'), cm('bb'));
    e.api.delete(ref('configmaps', 'default', 'c'));
    const second = e.api.list(ref('configmaps', 'default'), { limit: 2, continue: first.metadata.continue });
    expect(second.items.map((o) => o.metadata.name)).toEqual(['c', 'd']);
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    const third = e.api.list(ref('configmaps', 'default'), { limit: 2, continue: second.metadata.continue });
    expect(third.items.map((o) => o.metadata.name)).toEqual(['e']);
    expect(third.metadata.continue).toBeUndefined();
    expect(fails(() => e.api.list(ref('configmaps', 'default'), { continue: 'garbage!' })).code).toBe(400);
  });

  it('serves resourceVersion semantics: 0 ignores limit, Exact reads the past, too large times out', () => {
    const e = newEngine();
    e.api.create(ref('configmaps', 'default'), cm('a'));
    const rv = e.store.revision;
    e.api.create(ref('configmaps', 'default'), cm('b'));
    expect(e.api.list(ref('configmaps', 'default'), { resourceVersion: '0', limit: 1 }).items).toHaveLength(2);
    const exact = e.api.list(ref('configmaps', 'default'), { resourceVersion: String(rv), resourceVersionMatch: 'Exact' });
    expect(exact.items.map((o) => o.metadata.name)).toEqual(['a']);
    expect(exact.metadata.resourceVersion).toBe(String(rv));
    expect(fails(() => e.api.list(ref('configmaps', 'default'), { resourceVersion: '999999' })).status).toMatchObject({ code: 504, message: `Too large resource version: 999999, current: ${e.store.revision}` });
  });
});

describe('watch', () => {
  it('sends initial ADDED events for resourceVersion unset, then changes', () => {
    const e = newEngine();
    e.api.create(ref('configmaps', 'default'), cm('a'));
    const seen: string[] = [];
    const w = e.api.watch(ref('configmaps', 'default'), {}, (ev) => seen.push(`${ev.type} ${ev.object.metadata && 'name' in ev.object.metadata ? ev.object.metadata.name : ''}`));
    e.api.create(ref('configmaps', 'default'), cm('b'));
    e.api.delete(ref('configmaps', 'default', 'a'));
    w.stop();
    e.api.create(ref('configmaps', 'default'), cm('c'));
    expect(seen).toEqual(['ADDED a', 'ADDED b', 'DELETED a']);
  });

  it('replays from a resourceVersion and reports a compacted one as 410 Expired', () => {
    const e = newEngine();
    const a = e.api.create(ref('configmaps', 'default'), cm('a'));
    e.api.patch(ref('configmaps', 'default', 'a'), 'merge', { data: { x: '1' } });
    const seen: WatchEvent[] = [];
    e.api.watch(ref('configmaps', 'default'), { resourceVersion: a.metadata.resourceVersion }, (ev) => seen.push(ev));
    expect(seen.map((x) => x.type)).toEqual(['MODIFIED']);
    e.store.compact(e.store.revision);
    const errors: WatchEvent[] = [];
    e.api.watch(ref('configmaps', 'default'), { resourceVersion: '1' }, (ev) => errors.push(ev));
    expect(errors).toEqual([
      { type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: 1 (${e.store.revision})`, reason: 'Expired', code: 410 } },
    ]);
  });

  it('turns objects entering and leaving the selection into ADDED and DELETED', () => {
    const e = newEngine();
    e.api.create(ref('configmaps', 'default'), cm('a', { app: 'web' }));
    const seen: string[] = [];
    e.api.watch(ref('configmaps', 'default'), { labelSelector: 'app=web', resourceVersion: String(e.store.revision) }, (ev) => seen.push(ev.type));
    e.api.patch(ref('configmaps', 'default', 'a'), 'merge', { metadata: { labels: { app: 'db' } } });
    e.api.patch(ref('configmaps', 'default', 'a'), 'merge', { data: { x: '1' } });
    e.api.patch(ref('configmaps', 'default', 'a'), 'merge', { metadata: { labels: { app: 'web' } } });
    e.api.patch(ref('configmaps', 'default', 'a'), 'merge', { data: { x: '2' } });
    expect(seen).toEqual(['DELETED', 'ADDED', 'MODIFIED']);
  });

  it('sends bookmarks to watches that allow them as time passes', () => {
    const e = newEngine();
    const seen: WatchEvent[] = [];
    e.api.watch(ref('configmaps', 'default'), { allowWatchBookmarks: true, resourceVersion: String(e.store.revision) }, (ev) => seen.push(ev));
    e.api.watch(ref('configmaps', 'default'), { resourceVersion: String(e.store.revision) }, () => {
      throw new Error('no bookmarks expected here');
    });
    e.advance(61_000);
    expect(seen).toEqual([{ type: 'BOOKMARK', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { resourceVersion: String(e.store.revision) } } }]);
  });

  it('watches a single object by name', () => {
    const e = newEngine();
    const seen: string[] = [];
    e.api.watch(ref('configmaps', 'default', 'b'), { resourceVersion: String(e.store.revision) }, (ev) => seen.push(`${ev.type}`));
    e.api.create(ref('configmaps', 'default'), cm('a'));
    e.api.create(ref('configmaps', 'default'), cm('b'));
    expect(seen).toEqual(['ADDED']);
  });
});

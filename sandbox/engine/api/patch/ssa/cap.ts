// capManagersManager: at most 10 Update entries; the oldest merge into "ancient-changes" buckets,
// one per apiVersion (apimachinery managedfields internal/capmanagers.go).
import { managerId, type ManagerEntry } from './managed.js';

export const MAX_UPDATE_MANAGERS = 10;
const BUCKET = 'ancient-changes';

const seconds = (t: string | undefined) => (t ? Math.floor(Date.parse(t) / 1000) : 0);

export function capUpdateManagers(managers: Map<string, ManagerEntry>, max = MAX_UPDATE_MANAGERS): void {
  const updaters = [...managers.keys()].filter((id) => managers.get(id)!.operation === 'Update');
  if (updaters.length <= max) return;
  updaters.sort((a, b) => seconds(managers.get(a)!.time) - seconds(managers.get(b)!.time) || (a < b ? -1 : a > b ? 1 : 0));
  const firstOfVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const id = updaters[i]!;
    const entry = managers.get(id);
    if (!entry) continue;
    const bucketId = managerId({ manager: BUCKET, operation: 'Update', apiVersion: entry.apiVersion });
    const first = firstOfVersion.get(entry.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(entry.apiVersion, id);
      continue;
    }
    if (!managers.has(bucketId)) {
      const seed = managers.get(first)!;
      managers.delete(first);
      managers.set(bucketId, { ...seed, manager: BUCKET, operation: 'Update', subresource: undefined });
    }
    const bucket = managers.get(bucketId)!;
    const merged: ManagerEntry = { manager: BUCKET, operation: 'Update', apiVersion: entry.apiVersion, set: entry.set.union(bucket.set) };
    // The bucket takes the time of the update merged into it, the more recent one.
    if (entry.time) merged.time = entry.time;
    managers.set(bucketId, merged);
    managers.delete(id);
    length--;
  }
}

// How long things take on a simulated node, in simulated milliseconds. Chosen to look like a
// small kubeadm cluster on cloud VMs; ranges are drawn uniformly from the injected Random.

export const KUBELET_TIMINGS = {
  /** Pod sandbox (pause container + CNI) before the first image pull. */
  sandboxMs: [300, 900] as [number, number],
  /** Container create + start after the image is there. */
  startMs: [300, 900] as [number, number],
  /** Image pull: fixed registry round trips plus size over bandwidth, with jitter. */
  pullBaseMs: 400,
  pullBytesPerMs: 25_000,
  pullJitter: 0.2,
  /** A pull of an image another pull on the node just fetched (containerd dedups the layers). */
  repullMs: [250, 600] as [number, number],
  /** How long the registry takes to say an image does not exist. */
  failedPullMs: [500, 1500] as [number, number],
  /** The pod worker notices the failed pull at its next sync. */
  backoffNoticeMs: 1_000,
  /** Image pull back-off (kubelet's imageBackOff: 10 s doubling to 300 s). */
  imageBackoffInitialMs: 10_000,
  imageBackoffMaxMs: 300_000,
  /** The PLEG relists containers every second: that is when an exit is noticed. */
  plegRelistMs: 1_000,
  /** CrashLoopBackOff: 10 s doubling to 5 minutes. */
  crashBackoffInitialMs: 10_000,
  crashBackoffMaxMs: 300_000,
  /** A process allocating past its memory limit is OOM-killed this long after it starts. */
  oomAfterMs: 1_500,
  /** Lease renewal (leaseDurationSeconds 40 × 0.25) and node status report frequency. */
  leaseRenewMs: 10_000,
  leaseDurationSeconds: 40,
  nodeStatusReportMs: 5 * 60_000,
  /** nodeStatusUpdateFrequency: how often the kubelet compares its node status with the API's. */
  nodeStatusUpdateMs: 10_000,
  /** A pod sync that failed (CreateContainerConfigError) is retried after the pod worker's back-off. */
  configRetryMs: 10_000,
  /** The kubelet's periodic sync: mounted ConfigMaps and Secrets are refreshed then. */
  volumeSyncMs: 60_000,
};

export function between(random: { next(): number }, [lo, hi]: [number, number]): number {
  return Math.round(lo + random.next() * (hi - lo));
}

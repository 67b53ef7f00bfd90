// Frame times of the cluster view's map while 500 pods come up: the real engine scales a
// Deployment to 500 replicas on 5 workers, the real feed records the diffs it would send (every
// 250 ms of simulated time), and Chromium (Playwright, /usr/bin/chromium) renders the real
// ClusterView bundled with esbuild, applying one diff per 250 ms of wall time. Figures: frame
// time mean, p95, p99 and max, the share of frames over 50 ms, and the diffs' sizes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { ManualClock, SeededRandom } from '../sandbox/engine/clock.js';
import { createDefaultCluster } from '../sandbox/engine/cluster.js';
import { ClusterViewFeed } from '../sandbox/cluster-view/feed.js';
import type { ClusterViewUpdate } from '../sandbox/cluster-view/wire.js';
import type { BenchResult } from './run.js';

const PODS = 500;
const STEP_MS = 250;
const T0 = Date.parse('2025-03-01T10:00:00Z');

/** The snapshot and the diffs a viewer gets while a 500-replica Deployment comes up. */
export function recordUpdates(steps = 120): { snapshot: unknown; updates: ClusterViewUpdate[] } {
  const engine = createDefaultCluster({ clock: new ManualClock(T0), random: new SeededRandom(3), workers: 5, settleMs: 30_000 });
  const feed = new ClusterViewFeed(engine, { set: () => 1, clear: () => {} });
  const updates: ClusterViewUpdate[] = [];
  const { snapshot } = feed.subscribe((u) => updates.push(u));
  engine.client('kubectl').create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: PODS, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  });
  for (let i = 0; i < steps; i++) {
    engine.advance(STEP_MS);
    feed.flush();
  }
  return { snapshot, updates };
}

async function bundle(dir: string): Promise<{ js: string; css: string }> {
  const entry = fileURLToPath(new URL('./cluster-view-harness.tsx', import.meta.url));
  await build({ entryPoints: [entry], bundle: true, outdir: dir, format: 'esm', jsx: 'automatic', minify: true, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent' });
  const read = (f: string) => {
    try {
      return readFileSync(join(dir, f), 'utf8');
    } catch {
      return '';
    }
  };
  return { js: read('cluster-view-harness.js'), css: read('cluster-view-harness.css') };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function run(): Promise<BenchResult> {
  const recorded = recordUpdates();
  const dir = mkdtempSync(join(tmpdir(), 'cv-bench-'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const { js, css } = await bundle(dir);
    const data = JSON.stringify({ ...recorded, intervalMs: STEP_MS }).replace(/</g, '\\u003c');
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><style>${css}</style></head><body><div id="root"></div><script>window.__CV_DATA__=${data}</script><script type="module">${js.replace(/<\/script/g, '<\\/script')}</script></body></html>`);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`file://${join(dir, 'index.html')}`);
    const result = await page.waitForFunction(() => window.__CV_RESULT__, undefined, { timeout: 120_000, polling: 500 }).then((h) => h.jsonValue());
    const pods = Number(await page.getByTestId('cluster-view').getAttribute('data-pods'));
    const frames = [...result!.frames].sort((a, b) => a - b);
    const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
    const bytes = recorded.updates.map((u) => JSON.stringify(u).length);
    return {
      name: 'cluster_view_frames',
      figures: {
        pods,
        updates: result!.updates,
        frames: frames.length,
        frame_mean_ms: mean,
        frame_p95_ms: percentile(frames, 95),
        frame_p99_ms: percentile(frames, 99),
        frame_max_ms: frames.at(-1) ?? 0,
        frames_over_50ms_pct: (100 * frames.filter((f) => f > 50).length) / frames.length,
        diff_bytes_mean: bytes.reduce((a, b) => a + b, 0) / Math.max(bytes.length, 1),
        diff_bytes_max: Math.max(0, ...bytes),
      },
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

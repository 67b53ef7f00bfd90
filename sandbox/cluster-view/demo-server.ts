// Lesson demonstrations run on the server: each reader's socket on the `/cluster-demo`
// namespace gets its own small scripted cluster (a ScenarioPlayer), played at a watchable pace
// and thrown away when it ends or the reader leaves. Why here and not in the browser: the page
// then loads no engine at all (lessons stay light), and the bundler that builds the site does
// not resolve the engine's ESM `.js` imports. A cap keeps readers from costing the server much.
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { SCENARIOS, ScenarioPlayer } from './scenario.js';
import type { DemoClientEvents, DemoServerEvents, DemoStartResult } from './wire.js';

/** Simulated ms per tick, and wall ms between ticks: ten seconds of cluster life in three. */
export const DEMO_SIM_MS_PER_TICK = 500;
export const DEMO_TICK_EVERY_MS = 150;
/** Demonstrations running at once on this server; more readers wait and are told so. */
export const MAX_DEMOS = 12;

const StartRequest = z.object({ scenario: z.string().max(80) });
const InspectRequest = z.object({ resource: z.string().min(1).max(120), namespace: z.string().max(253).optional(), name: z.string().min(1).max(253) });

type DemoSocket = Socket<DemoClientEvents, DemoServerEvents>;
let running = 0;

class Demo {
  private player?: ScenarioPlayer;
  private timer?: ReturnType<typeof setInterval>;
  private unsubscribe?: () => void;

  constructor(
    private readonly socket: DemoSocket,
    private readonly tickEveryMs: number,
  ) {}

  start(raw: unknown, ack: (r: DemoStartResult) => void): void {
    const req = StartRequest.safeParse(raw);
    const scenario = req.success ? SCENARIOS[req.data.scenario] : undefined;
    if (!scenario) return ack({ ok: false, message: 'No such demonstration.' });
    this.stop();
    if (running >= MAX_DEMOS) return ack({ ok: false, message: 'Too many demonstrations are playing right now; try again in a minute.' });
    running++;
    const player = (this.player = new ScenarioPlayer(scenario));
    const sub = player.feed.subscribe((u) => this.socket.emit('cluster-view:update', u));
    this.unsubscribe = sub.unsubscribe;
    const demo = { title: scenario.title, conclusion: scenario.conclusion, acts: scenario.acts.map((a) => ({ command: a.command, narration: a.narration })) };
    ack({ ok: true, demo, ...sub.snapshot });
    let act = player.act;
    this.timer = setInterval(() => {
      player.tick(DEMO_SIM_MS_PER_TICK);
      if (player.act !== act) {
        act = player.act;
        player.feed.flush(); // the view catches up before the narration moves on
        this.socket.emit('demo:act', { act, done: player.done });
      }
      if (player.done) this.stop();
    }, this.tickEveryMs);
  }

  inspect(raw: unknown, ack: Parameters<DemoClientEvents['cluster-view:inspect']>[1]): void {
    const req = InspectRequest.safeParse(raw);
    if (!req.success) return ack({ ok: false, message: 'bad object reference' });
    if (!this.player) return ack({ ok: false, message: 'No demonstration is playing.' });
    ack({ ok: true, detail: this.player.feed.inspect(req.data) });
  }

  /** Stops ticking; the finished cluster stays inspectable until the reader leaves. */
  stop(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    running--;
  }

  dispose(): void {
    this.stop();
    this.unsubscribe?.();
    this.player?.feed.dispose();
    this.player = undefined;
  }
}

export function registerClusterDemo(ns: Namespace<DemoClientEvents, DemoServerEvents>, opts: { tickEveryMs?: number } = {}): void {
  ns.on('connection', (socket) => {
    const demo = new Demo(socket, opts.tickEveryMs ?? DEMO_TICK_EVERY_MS);
    socket.on('demo:start', (raw, ack) => typeof ack === 'function' && demo.start(raw, ack));
    socket.on('cluster-view:inspect', (raw, ack) => typeof ack === 'function' && demo.inspect(raw, ack));
    socket.on('disconnect', () => demo.dispose());
  });
}

export const runningDemos = (): number => running;

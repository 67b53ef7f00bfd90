// Messages between server processes over Redis pub/sub: every process listens on its own channel
// (kubelab:process:<id>). A request is published to the owner's channel and answered on the
// asker's. PUBLISH says how many listened: 0 means the process is gone (a SIGKILLed process's
// connection closes at once), so a dead owner is noticed without waiting for any timeout.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { OwnerUnreachableError, type BusMessage, type BusRequest, type ProcessBus } from '../sandbox/session/ownership-types.js';
import { SandboxCallError, toWireError, type WireError } from '../sandbox/session/surface.js';

const PREFIX = 'kubelab:process:';

type Envelope =
  | { kind: 'req'; seq: number; from: string; body: BusRequest }
  | { kind: 'res'; seq: number; ok: boolean; value?: unknown; error?: WireError }
  | { kind: 'msg'; from: string; body: BusMessage };

interface Waiting {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class RedisProcessBus implements ProcessBus {
  readonly processId = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly waiting = new Map<number, Waiting>();
  private seq = 0;
  /** Requests of others this process is still answering (close waits for them). */
  private readonly serving = new Set<Promise<unknown>>();
  private serveHandler?: (from: string, body: BusRequest) => Promise<unknown>;
  private listenHandler?: (from: string, body: BusMessage) => void;

  private constructor(url: string) {
    this.pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.sub = new Redis(url, { lazyConnect: true });
    this.sub.on('message', (_channel: string, raw: string) => this.receive(raw));
  }

  /** Connected and listening on this process's channel. */
  static async connect(url: string): Promise<RedisProcessBus> {
    const bus = new RedisProcessBus(url);
    await Promise.all([bus.pub.connect(), bus.sub.connect()]);
    await bus.sub.subscribe(PREFIX + bus.processId);
    return bus;
  }

  /** Readiness: throws unless both connections are up and Redis answers. */
  async ping(): Promise<void> {
    for (const c of [this.pub, this.sub]) if (c.status !== 'ready') throw new Error(`Redis connection is ${c.status}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('Redis did not answer PING within 2 s')), 2000)));
    await Promise.race([this.pub.ping(), late]).finally(() => clearTimeout(timer));
  }

  request(to: string, body: BusRequest, timeoutMs = 10_000): Promise<unknown> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(new OwnerUnreachableError(`server process ${to} did not answer within ${timeoutMs} ms`, true));
      }, timeoutMs);
      this.waiting.set(seq, { resolve, reject, timer });
      this.publish(to, { kind: 'req', seq, from: this.processId, body }).then(
        (listeners) => listeners === 0 && this.fail(seq, new OwnerUnreachableError(`server process ${to} is gone`)),
        (e: Error) => this.fail(seq, new OwnerUnreachableError(`cannot reach server process ${to}: ${e.message}`)),
      );
    });
  }

  send(to: string, body: BusMessage): void {
    void this.publish(to, { kind: 'msg', from: this.processId, body }).catch(() => undefined);
  }

  serve(handler: (from: string, body: BusRequest) => Promise<unknown>): void {
    this.serveHandler = handler;
  }

  listen(handler: (from: string, body: BusMessage) => void): void {
    this.listenHandler = handler;
  }

  async alive(processIds: string[]): Promise<Set<string>> {
    if (processIds.length === 0) return new Set();
    const reply = (await this.pub.call('PUBSUB', 'NUMSUB', ...processIds.map((p) => PREFIX + p))) as (string | number)[];
    const alive = new Set<string>();
    for (let i = 0; i < reply.length; i += 2) if (Number(reply[i + 1]) > 0) alive.add(String(reply[i]).slice(PREFIX.length));
    return alive;
  }

  async close(): Promise<void> {
    // Stop taking requests (askers now see nobody listening), finish answering those under way.
    await this.sub.unsubscribe().catch(() => undefined);
    await Promise.race([Promise.allSettled([...this.serving]), new Promise((r) => setTimeout(r, 2000))]);
    for (const [seq] of this.waiting) this.fail(seq, new OwnerUnreachableError('this server process is stopping', true));
    await Promise.all([this.sub.quit().catch(() => undefined), this.pub.quit().catch(() => undefined)]);
  }

  private publish(to: string, envelope: Envelope): Promise<number> {
    return this.pub.publish(PREFIX + to, JSON.stringify(envelope));
  }

  private fail(seq: number, e: Error): void {
    const w = this.waiting.get(seq);
    if (!w) return;
    clearTimeout(w.timer);
    this.waiting.delete(seq);
    w.reject(e);
  }

  private receive(raw: string): void {
    const m = JSON.parse(raw) as Envelope;
    if (m.kind === 'res') {
      const w = this.waiting.get(m.seq);
      if (!w) return;
      clearTimeout(w.timer);
      this.waiting.delete(m.seq);
      if (m.ok) w.resolve(m.value);
      else w.reject(new SandboxCallError(m.error!));
      return;
    }
    if (m.kind === 'msg') return this.listenHandler?.(m.from, m.body);
    const from = m.from;
    const answering = Promise.resolve()
      .then(() => (this.serveHandler ? this.serveHandler(from, m.body) : Promise.reject(new OwnerUnreachableError('not serving yet'))))
      .then(
        (value) => this.publish(from, { kind: 'res', seq: m.seq, ok: true, value }),
        (e) => this.publish(from, { kind: 'res', seq: m.seq, ok: false, error: toWireError(e) }),
      )
      .catch(() => undefined)
      .finally(() => this.serving.delete(answering));
    this.serving.add(answering);
  }
}

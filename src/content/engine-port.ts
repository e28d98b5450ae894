/**
 * The content script's end of ENGINE_PORT (see messages.ts). The port opens early (`warm`) or at the first request,
 * and reopens after it closes; while it cannot be opened (Chrome's engine document not created yet, say) `request` says so and the
 * caller sends a one-off message instead, which wakes whatever has to wake.
 */
import type { Envelope, PortReply } from '../messages';

/** The part of runtime.Port used here. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

/** How long a port that closed (or never opened) is left alone before the next try. */
const PORT_RETRY_MS = 2000;

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

export class EnginePortClient {
  private port: PortLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private retryAt = 0;

  constructor(
    private readonly connect: () => PortLike,
    private readonly now: () => number = Date.now,
    private readonly retryMs = PORT_RETRY_MS,
  ) {}

  /**
   * Sends `msg` on the port and resolves with the raw reply; rejects when the port closes first. Null when there is
   * no port to send on right now.
   */
  request(msg: Envelope): Promise<unknown> | null {
    const port = this.open();
    if (!port) return null;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        port.postMessage({ id, msg });
      } catch (err) {
        this.closed(port);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  /**
   * Opens the port ahead of the first request. In Chrome, opening any channel to the extension first starts its
   * service worker when it has stopped (30 s idle), and holds the channel until it runs: tens of ms, hundreds on a
   * busy machine. Done while the page loads, that wait is over before the reader's first hover.
   */
  warm(): void {
    this.open();
  }

  private open(): PortLike | null {
    if (this.port) return this.port;
    if (this.now() < this.retryAt) return null;
    let port: PortLike;
    try {
      port = this.connect();
    } catch {
      // The extension context is gone or connecting is not allowed here: the one-off message reports why.
      this.retryAt = this.now() + this.retryMs;
      return null;
    }
    port.onMessage.addListener((message) => this.answered(message));
    port.onDisconnect.addListener(() => this.closed(port));
    this.port = port;
    return port;
  }

  private answered(message: unknown): void {
    const id = (message as Partial<PortReply> | null)?.id;
    if (typeof id !== 'number') return;
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    waiting.resolve((message as PortReply).reply);
  }

  private closed(port: PortLike): void {
    if (this.port !== port) return;
    this.port = null;
    this.retryAt = this.now() + this.retryMs;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(new Error('engine port closed'));
  }

  close(): void {
    const port = this.port;
    if (!port) return;
    this.closed(port);
    try {
      port.disconnect();
    } catch {
      // Already gone with the extension context.
    }
  }
}

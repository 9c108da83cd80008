/**
 * A TCP proxy the test controls, between the service and Neo4j: it can refuse
 * connections, cut the open ones, cut them once a number of bytes has gone through, or
 * hold what the service sends (a frozen Neo4j: connected, and silent).
 */
import * as net from 'node:net';

export class Proxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private cutAfter: number | null = null;
  private closeOnCut = false;
  /** Resolves when a cut set by cutAfterBytes has happened. */
  cutDone: Promise<void> = Promise.resolve();
  private onCut: () => void = () => undefined;
  private sent = 0;
  private held: { upstream: net.Socket; chunk: Buffer }[] | null = null;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Starts accepting (on the same port as before, once there is one). */
  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.on('data', (chunk: Buffer) => {
        if (this.held) {
          this.held.push({ upstream, chunk });
          return;
        }
        this.sent += chunk.length;
        if (this.cutAfter !== null && this.sent > this.cutAfter) {
          this.cutAfter = null;
          if (this.closeOnCut) void this.close().then(this.onCut);
          else {
            this.cut();
            this.onCut();
          }
          return;
        }
        upstream.write(chunk);
      });
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Stops accepting and cuts every open connection. */
  async close(): Promise<void> {
    this.cut();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** Cuts the open connections (new ones are still accepted while open). */
  cut(): void {
    for (const s of this.sockets) s.destroy();
  }

  /** Holds whatever the service sends from now on: Neo4j seems frozen. */
  freeze(): void {
    this.held ??= [];
  }

  /** Sends what was held, and lets everything through again. */
  thaw(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const { upstream, chunk } of held) if (!upstream.destroyed) upstream.write(chunk);
  }

  /**
   * Cuts the connections once `bytes` more have gone from client to server; with
   * `thenRefuse`, also stops accepting new ones (Neo4j stays unreachable until open()).
   */
  cutAfterBytes(bytes: number, thenRefuse = false): void {
    this.sent = 0;
    this.cutAfter = bytes;
    this.closeOnCut = thenRefuse;
    this.cutDone = new Promise((resolve) => (this.onCut = resolve));
  }
}

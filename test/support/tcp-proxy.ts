import { createServer, type Server, type Socket, connect } from 'node:net';

/**
 * A TCP relay in front of a server (PostgreSQL, Redis) that a test can cut: `down()` resets every
 * connection and refuses new ones, as a restarted or unreachable server does, without touching the
 * server the other test files share; `up()` lets connections through again on the same port.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private replyToLose: { marker: Buffer; lost: () => void } | null = null;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.replyToLose = null;
    for (const socket of this.sockets) {
      // A socket already ending (its peer closed first) cannot be reset while its FIN is being sent: Node
      // would leave its handle open, and the test process would spin at exit. It is closing anyway.
      if (socket.writableEnded) socket.destroy();
      else socket.resetAndDestroy();
    }
    this.sockets.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /**
   * Loses the answer to the next request whose bytes contain `marker` (for PostgreSQL, a statement's text
   * or prepared name): the server runs it, commits, answers, and the answer never arrives — what a crash
   * or a network failure right after a commit leaves. That connection stays silent until `down()`.
   * Resolves once an answer has been lost.
   */
  loseNextReply(marker: string): Promise<void> {
    return new Promise((resolve) => {
      this.replyToLose = { marker: Buffer.from(marker), lost: resolve };
    });
  }

  private relay(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    let losing: (() => void) | null = null;
    client.on('data', (chunk: Buffer) => {
      if (this.replyToLose && chunk.includes(this.replyToLose.marker)) {
        losing = this.replyToLose.lost;
        this.replyToLose = null;
      }
    });
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (losing) return losing();
      if (!client.write(chunk)) upstream.pause();
    });
    client.on('drain', () => upstream.resume());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}

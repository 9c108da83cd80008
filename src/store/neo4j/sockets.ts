/**
 * Two settings for the Bolt sockets neo4j-driver opens, which the driver (5.28) offers no
 * option for; `net.connect` and `tls.connect` (the two calls its Node channel makes) are
 * wrapped once per process.
 *
 * - Nagle's algorithm off. With it on, a request larger than about 2 KB (a batch of rows
 *   to load, a page of ids) leaves in two writes, the second waits for the server's
 *   delayed ACK, and the query takes 40 ms more on Linux: measured here, 45 ms per
 *   statement with 3–40 KB of parameters, 1–3 ms with it off.
 * - Writes coalesced per tick. The driver hands the socket one 1,400-byte chunk at a time,
 *   so a batch of rows to load (about a megabyte per report) was 700 writes, each its own
 *   system call and packet: a quarter of the client's time when loading. The socket is
 *   corked at the first write of a tick and uncorked on the next, so Node sends the
 *   tick's chunks in one `writev`, in the same order.
 */
import net from 'node:net';
import tls from 'node:tls';

const marker = Symbol.for('policy-kg.boltSocket');

function configure(socket: net.Socket): net.Socket {
  socket.setNoDelay(true);
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  socket.write = ((...args: unknown[]) => {
    if (socket.writableCorked === 0) {
      socket.cork();
      process.nextTick(() => socket.uncork());
    }
    return write(...args);
  }) as net.Socket['write'];
  return socket;
}

function wrap<T extends (...args: never[]) => net.Socket>(connect: T): T {
  const wrapped = function (this: unknown, ...args: Parameters<T>): net.Socket {
    return configure(connect.apply(this, args));
  } as unknown as T;
  return Object.assign(wrapped, { [marker]: true });
}

for (const mod of [net, tls] as { connect: (...args: never[]) => net.Socket }[]) {
  if (!(marker in mod.connect)) mod.connect = wrap(mod.connect);
}

/**
 * A TCP proxy in front of Postgres that, once armed, lets the next COMMIT through and then
 * cuts that connection before Postgres's answer reaches the client: the transaction is
 * committed, and the client sees only a dropped connection. No other fault leaves a client
 * so unsure of what happened.
 *
 *   const proxy = await startCommitDroppingProxy(5432);
 *   const dropped = proxy.armForNextCommit();  // resolves once a COMMIT went through and
 *   await dropped;                             // its answer was cut
 */
import net from "node:net";

export type CommitDroppingProxy = {
  port: number;
  armForNextCommit: () => Promise<void>;
  close: () => Promise<void>;
};

const COMMIT = /\bcommit\b/i;

export async function startCommitDroppingProxy(upstreamPort: number): Promise<CommitDroppingProxy> {
  let armed: (() => void) | null = null;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPort, "127.0.0.1");
    sockets.add(client).add(upstream);
    let commitSent = false;

    client.on("data", (chunk) => {
      // Postgres messages carry their SQL as text, so a COMMIT shows in the bytes.
      if (armed && COMMIT.test(chunk.toString("latin1"))) commitSent = true;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      if (!commitSent) {
        client.write(chunk);
        return;
      }
      // Postgres answered the COMMIT, so it is done; the client never hears of it.
      client.destroy();
      upstream.destroy();
      armed?.();
      armed = null;
    });
    for (const socket of [client, upstream]) {
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    armForNextCommit: () =>
      new Promise<void>((resolve) => {
        armed = resolve;
      }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

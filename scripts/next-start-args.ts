// Idle keep-alive sockets outlive those of the load balancers and clients in front of the
// app (60 s is the common default there), so a client never reuses a socket the server is
// closing at that moment; Node's 5 s default turns such races into connection resets.
const KEEP_ALIVE_MS = 65_000;

/** Arguments for `next start` on a port, shared by the start script, tests and benchmarks. */
export function nextStartArgs(port: number): string[] {
  return ["start", "--port", String(port), "--keepAliveTimeout", String(KEEP_ALIVE_MS)];
}

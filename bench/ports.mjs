// A free local port for the bench's static servers (bench.mjs and lighthouse.mjs both start one).
import net from 'node:net';

/** The first free port from `from` on, skipping the test server's and `make serve`'s. */
export async function freePort(from) {
  for (let p = from; p < from + 200; p++) {
    if ([4173, 8080].includes(p)) continue;
    const ok = await new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error(`no free port from ${from}`);
}

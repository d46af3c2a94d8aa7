/**
 * Loaded into each server under test (`node --expose-gc --import bench/probe.mjs …`): answers the
 * bench's questions about the process itself over the IPC channel. It adds no work otherwise.
 */
if (process.send) {
  process.on('message', (message) => {
    if (message?.cmd === 'memory') {
      // Two passes: the first can leave weak references and finalisers for the second.
      globalThis.gc?.();
      globalThis.gc?.();
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      process.send({ id: message.id, result: { rss, heapUsed, heapTotal, external, arrayBuffers } });
    } else if (message?.cmd === 'cpu') {
      const { user, system } = process.cpuUsage();
      // Event loop busy time also counts what blocks the thread without using the CPU (fsync).
      const { active } = performance.eventLoopUtilization();
      process.send({
        id: message.id,
        result: { ms: (user + system) / 1000, busy: active, at: performance.now() },
      });
    }
  });
}

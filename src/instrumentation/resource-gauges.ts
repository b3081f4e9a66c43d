import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { TelemetryApi } from '../catalog/types.js';
import type { BuiltinCatalog } from '../catalog/builtin.js';

/**
 * Feeds the `resource` category's observable gauges. Each callback runs only at export time and
 * only while `resource` is granted, so the cost is one sample per export interval.
 */
export function observeResources(metrics: TelemetryApi<BuiltinCatalog>): () => void {
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  let lastCpu = process.cpuUsage();
  let lastAt = performance.now();

  metrics.resource.cpu_utilization.observe(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const wallMs = now - lastAt;
    lastCpu = process.cpuUsage();
    lastAt = now;
    return wallMs > 0 ? (cpu.user + cpu.system) / 1000 / wallMs : undefined;
  });
  metrics.resource.memory_rss.observe(() => process.memoryUsage.rss());
  metrics.resource.heap_used.observe(() => process.memoryUsage().heapUsed);
  metrics.resource.event_loop_delay.observe(() => {
    const p99 = loop.percentile(99) / 1e6;
    loop.reset();
    return Number.isFinite(p99) && p99 > 0 ? p99 : undefined;
  });
  return () => loop.disable();
}

import { expect, it } from 'vitest';
import type { BuiltinCatalog } from '../../src/catalog/builtin.js';
import type { TelemetryApi } from '../../src/catalog/types.js';

/**
 * Compile-time checks: `npm test` runs `tsc --noEmit` over test/, so each @ts-expect-error below
 * fails the build if TypeScript ever starts accepting an undeclared name or attribute.
 */
function typeChecks(api: TelemetryApi<BuiltinCatalog>): void {
  api.feature_usage.activations.add(1, { feature: 'export' });
  api.feature_usage.completions.add(1, { feature: 'f', outcome: 'abandoned', step: 's' });
  api.performance.operation_duration.record(12, { operation: 'load', outcome: 'success' });
  api.system.events.emit({ event: 'update_checked' });
  // @ts-expect-error undeclared metric
  api.feature_usage.clicks.add(1);
  // @ts-expect-error undeclared category
  api.marketing.visits.add(1);
  // @ts-expect-error undeclared attribute
  api.feature_usage.activations.add(1, { feature: 'x', user_id: 'u1' });
  // @ts-expect-error value outside the declared enum
  api.feature_usage.completions.add(1, { outcome: 'exploded' });
  // @ts-expect-error a histogram has no add()
  api.performance.operation_duration.add(1);
  // @ts-expect-error an event takes attributes, not a value
  api.system.events.emit(1);
}

it('the derived API type exists (the real checks happen at compile time)', () => {
  expect(typeof typeChecks).toBe('function');
});

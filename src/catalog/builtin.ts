import { defineCatalog } from './types.js';

const feature = { type: 'string', maxLength: 64 } as const;
/** Built-in metrics are reviewed yearly: a test fails once this date has passed. */
const REVIEW_BY = '2027-11-30';
const durationMsBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000] as const;

/**
 * The categories every app gets, from the seed documents: feature usage, performance, engagement,
 * errors and crashes, satisfaction, resource use and system events. Apps add their own domain
 * categories (strategy, backtest, ...) in the same form.
 */
export const builtinCatalog = defineCatalog({
  feature_usage: {
    description: 'Which features are used, for how long, and whether their flows are completed or abandoned.',
    metrics: {
      activations: {
        kind: 'counter',
        unit: '{activation}',
        description: 'Times a feature was opened or used.',
        attributes: { feature },
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      time_spent: {
        kind: 'histogram',
        unit: 's',
        description: 'Active time spent in a feature.',
        attributes: { feature },
        buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600],
        sensitivity: 'medium',
        expires: REVIEW_BY,
      },
      completions: {
        kind: 'counter',
        unit: '{flow}',
        description: 'Feature flows that ended, completed or abandoned, with the step where they ended.',
        attributes: {
          feature,
          outcome: { type: 'enum', values: ['completed', 'abandoned'] },
          step: { type: 'string', maxLength: 64 },
        },
        sensitivity: 'medium',
        expires: REVIEW_BY,
      },
      flow: {
        kind: 'event',
        unit: '{transition}',
        description: 'A move from one feature to the next (feature flow).',
        attributes: { from: feature, to: feature },
        sensitivity: 'medium',
        expires: REVIEW_BY,
      },
    },
  },
  performance: {
    description: 'How long operations take, as millisecond histograms (HTTP requests are measured here too).',
    metrics: {
      operation_duration: {
        kind: 'histogram',
        unit: 'ms',
        description: 'Duration of an operation.',
        attributes: {
          operation: { type: 'string', maxLength: 64 },
          outcome: { type: 'enum', values: ['success', 'failure'] },
        },
        buckets: durationMsBuckets,
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
    },
  },
  engagement: {
    description: 'Sessions started and ended, their length, and navigation between screens.',
    metrics: {
      session_starts: {
        kind: 'counter',
        unit: '{session}',
        description: 'Sessions started.',
        attributes: {},
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      session_ends: {
        kind: 'counter',
        unit: '{session}',
        description: 'Sessions ended (active sessions = starts - ends).',
        attributes: {},
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      session_length: {
        kind: 'histogram',
        unit: 's',
        description: 'Length of a finished session.',
        attributes: {},
        buckets: [10, 30, 60, 300, 600, 1800, 3600, 7200, 14400],
        sensitivity: 'medium',
        expires: REVIEW_BY,
      },
      navigation: {
        kind: 'event',
        unit: '{navigation}',
        description: 'A move from one screen or route to another.',
        attributes: { from: { type: 'string', maxLength: 64 }, to: { type: 'string', maxLength: 64 } },
        sensitivity: 'medium',
        expires: REVIEW_BY,
      },
    },
  },
  errors: {
    description: 'Errors by type and severity, recovery attempts, and crashes (uncaught exceptions, unhandled rejections).',
    metrics: {
      errors: {
        kind: 'counter',
        unit: '{error}',
        description: 'Errors, by type and severity.',
        attributes: {
          type: { type: 'string', maxLength: 64 },
          severity: { type: 'enum', values: ['critical', 'error', 'warning', 'info'] },
          feature,
        },
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      recoveries: {
        kind: 'counter',
        unit: '{recovery}',
        description: 'Recovery attempts after an error, by whether they succeeded.',
        attributes: {
          type: { type: 'string', maxLength: 64 },
          outcome: { type: 'enum', values: ['succeeded', 'failed'] },
        },
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      crashes: {
        kind: 'event',
        unit: '{crash}',
        description: 'Uncaught exceptions and unhandled rejections, with the redacted exception on the span.',
        attributes: {
          type: { type: 'string', maxLength: 64 },
          kind: { type: 'enum', values: ['uncaught_exception', 'unhandled_rejection'] },
        },
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
    },
  },
  satisfaction: {
    description: 'Satisfaction scores given by users, normalised to 0..1, by feature and type.',
    metrics: {
      score: {
        kind: 'histogram',
        unit: '1',
        description: 'A satisfaction score, normalised to 0..1 (1..5 ratings are mapped onto it).',
        attributes: {
          feature,
          type: { type: 'enum', values: ['task_completion', 'ease_of_use', 'accuracy', 'speed', 'overall'] },
        },
        buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
        range: [0, 1],
        sensitivity: 'medium',
        expires: REVIEW_BY,
      },
    },
  },
  resource: {
    description: 'Resource use of the app process: CPU, memory and event-loop delay, sampled at export.',
    metrics: {
      cpu_utilization: {
        kind: 'observable_gauge',
        unit: '1',
        description: 'Process CPU time per wall-clock time since the previous sample (1 = one core).',
        attributes: {},
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      memory_rss: {
        kind: 'observable_gauge',
        unit: 'By',
        description: 'Resident set size of the process.',
        attributes: {},
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      heap_used: {
        kind: 'observable_gauge',
        unit: 'By',
        description: 'V8 heap in use.',
        attributes: {},
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      event_loop_delay: {
        kind: 'observable_gauge',
        unit: 'ms',
        description: 'p99 event-loop delay since the previous sample.',
        attributes: {},
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
    },
  },
  system: {
    description: 'Application lifecycle events, update checks, and how much optel redacted.',
    metrics: {
      events: {
        kind: 'event',
        unit: '{event}',
        description: 'Lifecycle events: start, stop, update checked, configuration changed.',
        attributes: { event: { type: 'enum', values: ['start', 'stop', 'update_checked', 'config_changed'] } },
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      update_checks: {
        kind: 'counter',
        unit: '{check}',
        description: 'Update checks, by result.',
        attributes: { result: { type: 'enum', values: ['up_to_date', 'update_available', 'failed'] } },
        sensitivity: 'low',
        expires: REVIEW_BY,
      },
      redactions: {
        kind: 'counter',
        unit: '{redaction}',
        description: 'Values optel redacted before export, by detector.',
        attributes: { detector: { type: 'string', maxLength: 64 } },
        sensitivity: 'low',
        expires: 'never',
        expiresReason: 'Proves that redaction works; counts detectors only, never content.',
      },
      dropped_requests: {
        kind: 'counter',
        unit: '{request}',
        description: 'Export requests optel kept for delivery and then had to drop, by reason: its outbox was full or too old, or the Collector rejected them.',
        attributes: { reason: { type: 'enum', values: ['size_limit', 'age_limit', 'rejected'] } },
        sensitivity: 'low',
        expires: 'never',
        expiresReason: 'Makes loss visible: without it, data dropped on the device would go unnoticed.',
      },
      dropped_spans: {
        kind: 'counter',
        unit: '{span}',
        description: 'Spans not recorded because the export queue was full (the app made spans faster than they could be sent).',
        attributes: { reason: { type: 'enum', values: ['queue_full'] } },
        sensitivity: 'low',
        expires: 'never',
        expiresReason: 'Makes loss visible: a busy app that outruns its span queue loses spans, and this says how many.',
      },
    },
  },
});

export type BuiltinCatalog = typeof builtinCatalog;
export type BuiltinCategory = keyof BuiltinCatalog;

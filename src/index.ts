export { register, getTelemetry } from './register.js';
export type { Telemetry, ConsentControls, SatisfactionType } from './register.js';
export type { RegisterOptions, ResolvedConfig, RedactionOptions, ExporterKind } from './config/options.js';
export { OptelConfigError } from './config/errors.js';
export { defineCatalog } from './catalog/types.js';
export type {
  AttributeSpec,
  AttributesOf,
  CatalogSpec,
  CategorySpec,
  InstrumentKind,
  MetricSpec,
  Sensitivity,
  TelemetryApi,
} from './catalog/types.js';
export { builtinCatalog } from './catalog/builtin.js';
export type { BuiltinCatalog, BuiltinCategory } from './catalog/builtin.js';
export type { ConsentStatus, CategoryConsent, ConsentChange, ConsentListener } from './consent/consent.js';
export { Scrubber } from './redaction/scrubber.js';
export type { ScrubberOptions } from './redaction/scrubber.js';
export { builtinDetectors } from './redaction/detectors.js';
export type { Detector } from './redaction/detectors.js';
export { RedactingSpanProcessor } from './redaction/redacting-span-processor.js';
export type { CategoryDescription, UserDataExport } from './userdata/user-data.js';
export type { AuditEntry } from './userdata/audit-log.js';
export type { PendingDeletion } from './userdata/deletion-request.js';
export { VERSION } from './version.js';

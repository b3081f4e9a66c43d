import { platform } from 'node:os';
import type { Attributes } from '@opentelemetry/api';
import { defaultResource, type Resource, resourceFromAttributes } from '@opentelemetry/resources';

/**
 * The only resource attributes that may leave the process. Host name, host id, OS user, command
 * line, executable path, pid and working directory are deliberately absent: no detector that sets
 * them runs, and `allowListed` strips them should anything else put them there.
 */
export const ALLOWED_RESOURCE_KEYS: ReadonlySet<string> = new Set([
  'service.name',
  'service.version',
  'telemetry.sdk.name',
  'telemetry.sdk.language',
  'telemetry.sdk.version',
  'os.type',
  'process.runtime.name',
  'process.runtime.version',
  'optel.installation.id',
]);

const INSTALLATION_ID_KEY = 'optel.installation.id';

export interface ResourceInput {
  readonly serviceName: string;
  readonly serviceVersion?: string | undefined;
  readonly installationId?: string | undefined;
}

export function buildResource(input: ResourceInput): Resource {
  const attributes: Attributes = {
    'service.name': input.serviceName,
    'os.type': osType(),
    'process.runtime.name': 'nodejs',
    'process.runtime.version': process.versions.node,
  };
  if (input.serviceVersion) attributes['service.version'] = input.serviceVersion;
  if (input.installationId) attributes[INSTALLATION_ID_KEY] = input.installationId;
  return allowListed(defaultResource().merge(resourceFromAttributes(attributes)));
}

export function allowListed(resource: Resource): Resource {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(resource.attributes)) {
    if (ALLOWED_RESOURCE_KEYS.has(key)) kept[key] = value;
  }
  return resourceFromAttributes(kept);
}

/** OTel's `os.type` values for the platforms Node runs on. */
function osType(): string {
  const p = platform();
  if (p === 'win32') return 'windows';
  if (p === 'sunos') return 'solaris';
  return p;
}

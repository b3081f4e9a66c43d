import { describe, expect, it } from 'vitest';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ALLOWED_RESOURCE_KEYS, allowListed, buildResource } from '../../src/resource/resource.js';

describe('resource', () => {
  it('carries service, SDK, OS type and runtime, and nothing else', () => {
    const r = buildResource({ serviceName: 'svc', serviceVersion: '1.0.0' });
    expect(r.attributes).toMatchObject({
      'service.name': 'svc',
      'service.version': '1.0.0',
      'telemetry.sdk.language': 'nodejs',
      'process.runtime.name': 'nodejs',
      'process.runtime.version': process.versions.node,
      'os.type': expect.any(String),
    });
    for (const key of Object.keys(r.attributes)) expect(ALLOWED_RESOURCE_KEYS.has(key), key).toBe(true);
  });

  it('adds the installation id only when given', () => {
    expect(buildResource({ serviceName: 's' }).attributes['optel.installation.id']).toBeUndefined();
    expect(buildResource({ serviceName: 's', installationId: 'abc' }).attributes['optel.installation.id']).toBe('abc');
  });

  it('strips banned keys defensively', () => {
    const dirty = resourceFromAttributes({ 'service.name': 's', 'host.name': 'h', 'host.id': 'i', 'process.owner': 'alice', 'process.command_line': 'node app --password x', 'process.executable.path': '/usr/bin/node', 'process.pid': 1, 'process.cwd': '/home/alice' });
    expect(Object.keys(allowListed(dirty).attributes)).toEqual(['service.name']);
  });
});

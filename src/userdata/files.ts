import { dirname, join } from 'node:path';

/**
 * Everything optel keeps on the user's machine lives in one directory, beside the consent file,
 * so that `optel export` and `optel delete` can find all of it.
 */
export interface DataFiles {
  readonly dir: string;
  readonly consent: string;
  /** What the app registered with: service, endpoint, catalog. Lets the CLI work without the app. */
  readonly app: string;
  readonly audit: string;
  readonly installationId: string;
  readonly deletionRequest: string;
  readonly crashes: string;
  /** Requests waiting for delivery (src/export/outbox.ts), one file each. */
  readonly outbox: string;
}

export function dataFiles(consentFile: string): DataFiles {
  const dir = dirname(consentFile);
  return {
    dir,
    consent: consentFile,
    app: join(dir, 'optel-app.json'),
    audit: join(dir, 'optel-audit.jsonl'),
    installationId: join(dir, 'optel-installation-id.json'),
    deletionRequest: join(dir, 'optel-deletion-request.json'),
    crashes: join(dir, 'optel-crashes.json'),
    outbox: join(dir, 'optel-outbox'),
  };
}

/**
 * Every redaction corpus, by source: our own templates (corpus.ts); three built from public test
 * data of secret scanners, PII recognisers and OpenTelemetry's semantic conventions; and two pairs
 * written without reading the redactor, each measured held out before the detectors learned from
 * it: logs, configs and command lines (94.0% recall, 99.4% intact), then mobile, desktop, CI and
 * non-English lines (91.6% recall, 99.1% intact), then service credentials, config files and
 * personal data of 20 countries (95.4% recall, 99.1% intact). Each file cites the repositories,
 * files or pages it was modelled on.
 */
import { benignLines, secretLines, type SecretLine } from './corpus.ts';
import { publicBenignLines } from './corpus-public-benign.ts';
import { publicPiiLines } from './corpus-public-pii.ts';
import { publicSecretLines } from './corpus-public-secrets.ts';
import { logBenignLines } from './corpus-logs-benign.ts';
import { logSecretLines } from './corpus-logs-secrets.ts';
import { appBenignLines } from './corpus-apps-benign.ts';
import { appSecretLines } from './corpus-apps-secrets.ts';
import { serviceBenignLines } from './corpus-services-benign.ts';
import { serviceSecretLines } from './corpus-services-secrets.ts';

export const SECRET_CORPORA: Readonly<Record<string, () => SecretLine[]>> = {
  templates: secretLines,
  'secret scanners': publicSecretLines,
  'PII recognisers': publicPiiLines,
  'logs, configs and command lines': logSecretLines,
  'apps, CI and eleven languages': appSecretLines,
  'cloud, payment and identity services': serviceSecretLines,
};

export const BENIGN_CORPORA: Readonly<Record<string, () => string[]>> = {
  templates: benignLines,
  'semantic conventions and error messages': publicBenignLines,
  'desktop, server and build logs': logBenignLines,
  'mobile, desktop, CI and eleven languages': appBenignLines,
  'ids, numbers and words without values': serviceBenignLines,
};

export const allSecretLines = (): SecretLine[] => Object.values(SECRET_CORPORA).flatMap((f) => f());
/** Every benign line once: a few ordinary lines occur in more than one corpus. */
export const allBenignLines = (): string[] => [...new Set(Object.values(BENIGN_CORPORA).flatMap((f) => f()))];

export interface CorpusFigures {
  readonly recall: number;
  readonly intact: number;
  readonly secretLines: number;
  readonly benignLines: number;
  readonly missed: readonly string[];
  readonly damaged: readonly string[];
}

/** The share of secret lines whose every secret was removed, and of benign lines left byte-identical. */
export function corpusFigures(scrub: (text: string) => string, secrets = allSecretLines(), benign = allBenignLines()): CorpusFigures {
  const missed = secrets.filter((l) => l.secrets.some((s) => scrub(l.text).includes(s))).map((l) => l.text);
  const damaged = benign.filter((b) => scrub(b) !== b);
  return {
    recall: 1 - missed.length / secrets.length,
    intact: 1 - damaged.length / benign.length,
    secretLines: secrets.length,
    benignLines: benign.length,
    missed,
    damaged,
  };
}

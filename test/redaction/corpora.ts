/**
 * Every redaction corpus, by source: our own templates (corpus.ts) and the three built from public
 * test data of secret scanners, PII recognisers and OpenTelemetry's semantic conventions (each file
 * cites the repositories and files it was modelled on).
 */
import { benignLines, secretLines, type SecretLine } from './corpus.ts';
import { publicBenignLines } from './corpus-public-benign.ts';
import { publicPiiLines } from './corpus-public-pii.ts';
import { publicSecretLines } from './corpus-public-secrets.ts';

export const SECRET_CORPORA: Readonly<Record<string, () => SecretLine[]>> = {
  templates: secretLines,
  'secret scanners': publicSecretLines,
  'PII recognisers': publicPiiLines,
};

export const BENIGN_CORPORA: Readonly<Record<string, () => string[]>> = {
  templates: benignLines,
  'semantic conventions and error messages': publicBenignLines,
};

export const allSecretLines = (): SecretLine[] => Object.values(SECRET_CORPORA).flatMap((f) => f());
export const allBenignLines = (): string[] => Object.values(BENIGN_CORPORA).flatMap((f) => f());

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

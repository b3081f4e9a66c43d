export interface OpsSpec {
  readonly module: string;
  readonly version: string;
  readonly release: string;
  readonly commands: readonly string[];
  readonly tags?: readonly string[];
  readonly pnpm?: string;
  readonly wrapper?: string;
  readonly toolchain?: string;
  readonly expectMinutes: number;
}
export type OpsName = 'prometheus' | 'alertmanager' | 'thanos';
export const OPS: { readonly prometheus: OpsSpec; readonly alertmanager: OpsSpec; readonly thanos: OpsSpec };
export function opsDir(name: OpsName): string;
export function opsBinary(command: 'prometheus' | 'promtool' | 'alertmanager' | 'amtool' | 'thanos'): string;
export function ensureOps(name: OpsName): Promise<string>;

export interface OpsSpec {
  readonly module: string;
  readonly version: string;
  readonly release: string;
  readonly commands: readonly string[];
  readonly tags?: readonly string[];
  readonly pnpm?: string;
  readonly expectMinutes: number;
}
export const OPS: { readonly prometheus: OpsSpec; readonly alertmanager: OpsSpec };
export function opsDir(name: 'prometheus' | 'alertmanager'): string;
export function opsBinary(command: 'prometheus' | 'promtool' | 'alertmanager' | 'amtool'): string;
export function ensureOps(name: 'prometheus' | 'alertmanager'): Promise<string>;

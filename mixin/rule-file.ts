/**
 * Prometheus rule files as data, and their YAML. Comments are kept with the rule they explain, so the
 * generated files read like hand-written ones.
 *
 * This file runs under Node's type stripping: erasable TypeScript only.
 */
import { Document, YAMLMap, YAMLSeq } from 'yaml';

export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  /** Why the rule is written this way; becomes a YAML comment above it. */
  readonly comment?: string;
}

export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: { readonly severity: 'critical' | 'warning' | 'info' };
  readonly annotations: { readonly summary: string; readonly description: string; readonly runbook: string };
  readonly comment?: string;
}

export type Rule = RecordingRule | AlertingRule;

export interface RuleGroup {
  readonly name: string;
  readonly comment?: string;
  readonly rules: readonly Rule[];
}

function commentText(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => (l === '' ? '' : ` ${l}`))
    .join('\n');
}

/** The YAML of a rule file: `header` as a comment, then the groups. Multi-line expressions as block literals. */
export function ruleFileYaml(header: string, groups: readonly RuleGroup[]): string {
  const plain = {
    groups: groups.map((g) => ({
      name: g.name,
      rules: g.rules.map((r) => {
        const { comment: _comment, ...rest } = r;
        return 'expr' in rest ? { ...rest, expr: rest.expr.endsWith('\n') || !rest.expr.includes('\n') ? rest.expr : `${rest.expr}\n` } : rest;
      }),
    })),
  };
  const doc = new Document(plain);
  doc.commentBefore = commentText(header);
  const groupNodes = doc.get('groups') as YAMLSeq<YAMLMap>;
  groups.forEach((g, gi) => {
    const groupNode = groupNodes.items[gi] as YAMLMap;
    if (g.comment !== undefined) groupNode.commentBefore = commentText(g.comment);
    const ruleNodes = groupNode.get('rules') as YAMLSeq<YAMLMap>;
    g.rules.forEach((r, ri) => {
      if (r.comment !== undefined) (ruleNodes.items[ri] as YAMLMap).commentBefore = commentText(r.comment);
    });
  });
  return doc.toString({ lineWidth: 0 });
}

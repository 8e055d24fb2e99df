/**
 * What a scheme file offers to record against, as plain data: every recordable item with the item
 * group that owns it (the nearest group or component naming a 负责考核科室), and the groups
 * themselves. Pure: the server checks records and assessor rights with it.
 */
import {
  type Component,
  formatDecimal,
  type Group,
  type Item,
  parseDecimal,
  type SchemeFile,
} from '../../../../engine/index.ts';

export type CatalogueItemKind = 'item' | 'rating' | 'averaged' | 'veto' | 'ceiling';

export interface CatalogueItem {
  id: string;
  kind: CatalogueItemKind;
  label: string;
  clause: string | null;
  /** Id of the group or component whose assessor owns the item; null = no responsible section. */
  ownerGroup: string | null;
  assessor: string | null;
  levels: string[];
  raters: string[];
  /** Rating items: each rater role's label in the scheme (主要领导, 群众评议 …). */
  raterLabels?: Record<string, string>;
  /** The scale a rating or per-item score is given on (满分), as a decimal; null for other items. */
  outOf: string | null;
}

export interface CatalogueGroup {
  id: string;
  label: string;
  assessor: string;
  /**
   * What the group scores: deductions are expected to be recorded every period; bonuses only when
   * earned; ratings come from the raters' sheets, not from the section's records.
   */
  scoring: GroupScoring;
}

export type GroupScoring = 'deduction' | 'bonus' | 'rating' | 'other';

export interface SchemeCatalogue {
  items: Map<string, CatalogueItem>;
  groups: CatalogueGroup[];
}

interface Owner {
  group: string | null;
  assessor: string | null;
  scoring: GroupScoring;
}

const scoringOf = (component: Component): GroupScoring =>
  component.kind === 'deduction' || component.kind === 'bonus' || component.kind === 'rating'
    ? component.kind
    : 'other';

/** A number of a validated scheme with `$parameter` references resolved to their defaults. */
export function resolvedNumber(scheme: SchemeFile, value: number | string): string {
  let current: number | string = value;
  for (let hop = 0; typeof current === 'string' && current.startsWith('$') && hop < 20; hop++) {
    current = scheme.params?.[current.slice(1)]?.default ?? current;
  }
  return formatDecimal(parseDecimal(current) ?? 0);
}

/** Builds the catalogue of a validated scheme. */
export function buildCatalogue(scheme: SchemeFile): SchemeCatalogue {
  const items = new Map<string, CatalogueItem>();
  const groups: CatalogueGroup[] = [];
  const ownerOf = (
    node: { id: string; label: string; assessor?: string | undefined },
    parent: Owner,
    scoring = parent.scoring,
  ): Owner => {
    if (!node.assessor) return { ...parent, scoring };
    groups.push({ id: node.id, label: node.label, assessor: node.assessor, scoring });
    return { group: node.id, assessor: node.assessor, scoring };
  };
  const addItem = (item: Item, owner: Owner) =>
    items.set(item.id, {
      id: item.id,
      kind: 'item',
      label: item.label,
      clause: item.clause ?? null,
      ownerGroup: owner.group,
      assessor: owner.assessor,
      levels: item.levels?.map((level) => level.id) ?? [],
      raters: [],
      outOf: null,
    });
  const walkGroup = (group: Group, parent: Owner) => {
    const owner = ownerOf(group, parent);
    for (const item of group.items ?? []) addItem(item, owner);
    for (const child of group.groups ?? []) walkGroup(child, owner);
  };
  const walkComponent = (component: Component, parent: Owner) => {
    const owner = ownerOf(component, parent, scoringOf(component));
    switch (component.kind) {
      case 'deduction':
      case 'bonus':
        for (const item of component.items ?? []) addItem(item, owner);
        for (const group of component.groups ?? []) walkGroup(group, owner);
        return;
      case 'rating':
        items.set(component.item ?? component.id, {
          id: component.item ?? component.id,
          kind: 'rating',
          label: component.label,
          clause: component.clause ?? null,
          ownerGroup: owner.group,
          assessor: owner.assessor,
          levels: [],
          raters: component.raters.map((rater) => rater.role),
          raterLabels: Object.fromEntries(component.raters.map((rater) => [rater.role, rater.label])),
          outOf: resolvedNumber(scheme, component.outOf),
        });
        return;
      case 'scaled-average':
        for (const item of component.items) {
          items.set(item.id, {
            id: item.id,
            kind: 'averaged',
            label: item.label,
            clause: item.clause ?? null,
            ownerGroup: owner.group,
            assessor: owner.assessor,
            levels: [],
            raters: [],
            outOf: resolvedNumber(scheme, component.outOf),
          });
        }
        return;
      case 'weighted':
      case 'sum':
        for (const child of component.children) walkComponent(child, owner);
        return;
    }
  };
  for (const component of scheme.components) {
    walkComponent(component, { group: null, assessor: null, scoring: 'other' });
  }
  for (const [kind, rules] of [
    ['veto', scheme.vetoes ?? []],
    ['ceiling', scheme.ceilings ?? []],
  ] as const) {
    for (const rule of rules) {
      items.set(rule.id, {
        id: rule.id,
        kind,
        label: rule.label,
        clause: rule.clause ?? null,
        ownerGroup: null,
        assessor: null,
        levels: [],
        raters: [],
        outOf: null,
      });
    }
  }
  return { items, groups };
}

/** '2025-Q3' (Fazhi's period key) → '2025Q3' (the engine's period text); months are the same. */
export function toEnginePeriod(key: string): string {
  return key.replace('-Q', 'Q').replace('-H', 'H');
}

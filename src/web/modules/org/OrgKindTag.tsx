import { Tag } from 'antd';
import { ORG_KIND_COLORS, ORG_KIND_LABELS, type OrgKind } from './org.types.ts';

/** The organisation kind as a small coloured tag. */
export function OrgKindTag({ kind }: { kind: OrgKind }) {
  return (
    <Tag color={ORG_KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {ORG_KIND_LABELS[kind] ?? kind}
    </Tag>
  );
}

import { Tag } from 'antd';
import { ROLE_LABELS, type Role } from '../app/roles.ts';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  supervisor: 'geekblue',
  legal_officer: 'purple',
  officer: 'blue',
  assessor: 'cyan',
  leader: 'gold',
  reviewer: 'green',
  justice_office: 'orange',
};

/** Roles as coloured tags with their Chinese labels. */
export function RoleTags({ roles }: { roles: readonly string[] }) {
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {roles.map((role) => (
        <Tag key={role} color={ROLE_COLORS[role as Role] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {ROLE_LABELS[role as Role] ?? role}
        </Tag>
      ))}
    </span>
  );
}

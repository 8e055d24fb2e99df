/** The documents domain's to-dos for the workbench: sign-offs waiting for the signed-in leader. */
import type { TodoProvider } from '../workbench/workbench.types.ts';
import { findSignOffsAwaiting } from './sign-offs/sign-offs.service.ts';

export const documentsTodoProvider: TodoProvider = {
  domain: 'documents',
  async listTodos({ db, actor }) {
    const rows = await findSignOffsAwaiting(db, actor);
    return rows.map((row) => ({
      key: `documents:sign_off:${row.id}`,
      domain: 'documents',
      kind: 'sign_off.decide',
      title: `签发：${row.title}`,
      dueOn: null,
      deadlineState: null,
      link: `/documents/sign-offs?id=${row.id}`,
      orgId: row.org_id,
    }));
  },
};

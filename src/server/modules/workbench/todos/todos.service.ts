/**
 * 待办: one list per account, gathered from every domain's provider (providers.ts), each already
 * narrowed to what the account may see; merged, sorted by due date (undated last), counted by state.
 */
import { DEADLINE_STATE_LABELS } from '../../../../common/calendar.ts';
import { todayInShanghai } from '../../../../common/format.ts';
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../lib/access.ts';
import type { TodoItem, TodoProvider } from '../workbench.types.ts';
import { TODO_PROVIDERS } from './providers.ts';
import type { TodoCounts, TodoList, TodoListQuery } from './todos.schema.ts';

/** By due date (so overdue first); items without a deadline last; ties by key (a stable order). */
export function compareTodos(left: TodoItem, right: TodoItem): number {
  if (left.dueOn !== right.dueOn) {
    if (left.dueOn === null) return 1;
    if (right.dueOn === null) return -1;
    return left.dueOn < right.dueOn ? -1 : 1;
  }
  return left.key < right.key ? -1 : left.key > right.key ? 1 : 0;
}

export function countTodos(items: readonly TodoItem[]): TodoCounts {
  const counts: TodoCounts = { total: items.length, overdue: 0, dueSoon: 0, normal: 0, undated: 0 };
  for (const item of items) {
    if (item.deadlineState === 'overdue') counts.overdue += 1;
    else if (item.deadlineState === 'due_soon') counts.dueSoon += 1;
    else if (item.deadlineState === 'normal') counts.normal += 1;
    else counts.undated += 1;
  }
  return counts;
}

/** Every provider's items for the actor, merged and sorted (a key appears once). */
export async function gatherTodos(
  db: Db,
  actor: Actor,
  today: string,
  providers: readonly TodoProvider[] = TODO_PROVIDERS,
): Promise<TodoItem[]> {
  const lists = await Promise.all(providers.map((provider) => provider.listTodos({ db, actor, today })));
  const byKey = new Map<string, TodoItem>();
  for (const item of lists.flat()) if (!byKey.has(item.key)) byKey.set(item.key, item);
  return [...byKey.values()].sort(compareTodos);
}

/** GET /api/workbench/todos: the counts are of all the account's items, the list as filtered. */
export async function listTodos(
  db: Db,
  actor: Actor,
  query: TodoListQuery,
  today = todayInShanghai(new Date()),
): Promise<TodoList> {
  const items = await gatherTodos(db, actor, today);
  const shown = items.filter(
    (item) =>
      (!query.state || item.deadlineState === query.state) && (!query.domain || item.domain === query.domain),
  );
  return {
    today,
    counts: countTodos(items),
    items: shown.map((item) => ({
      ...item,
      deadlineStateLabel: item.deadlineState ? DEADLINE_STATE_LABELS[item.deadlineState] : null,
    })),
  };
}

/** The header badge: the counts alone. */
export async function countTodosOf(db: Db, actor: Actor, today = todayInShanghai(new Date())) {
  return countTodos(await gatherTodos(db, actor, today));
}

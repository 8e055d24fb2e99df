import { z } from 'zod';
import { zText } from '../../../../common/validation-zod.ts';

const DeadlineStateEnum = z.enum(['normal', 'due_soon', 'overdue']);

export const TodoItemView = z.object({
  key: zText(),
  domain: zText(),
  kind: zText(),
  title: zText(),
  dueOn: zText().nullable(),
  deadlineState: DeadlineStateEnum.nullable(),
  /** 正常 / 临期 / 逾期, or null without a deadline */
  deadlineStateLabel: zText().nullable(),
  link: zText(),
  orgId: z.number(),
});
export type TodoItemView = z.infer<typeof TodoItemView>;

/** The counts the header badge and the list's tabs show. */
export const TodoCounts = z.object({
  total: z.number(),
  overdue: z.number(),
  dueSoon: z.number(),
  normal: z.number(),
  /** items without a deadline */
  undated: z.number(),
});
export type TodoCounts = z.infer<typeof TodoCounts>;

export const TodoList = z.object({
  today: zText(),
  counts: TodoCounts,
  items: z.array(TodoItemView),
});
export type TodoList = z.infer<typeof TodoList>;

export const TodoListQuery = z.object({
  state: DeadlineStateEnum.optional(),
  domain: zText().max(40).optional(),
});
export type TodoListQuery = z.infer<typeof TodoListQuery>;

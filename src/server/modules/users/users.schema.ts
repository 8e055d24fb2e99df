import { z } from 'zod';
import { ROLES } from '../../../common/permissions.ts';
import { zId, zIdParam, zMobile, zText } from '../../../common/validation-zod.ts';
import { Keyword, PagingQuery, pageOf } from '../../lib/paging.ts';
import { PASSWORD_MIN_LENGTH } from '../../lib/password.ts';

const RoleField = z.enum(ROLES, { error: '角色无效' });
const Username = z
  .string({ error: '请填写用户名' })
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符');
const DisplayName = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(1, '请填写姓名')
  .max(50, '姓名不能超过 50 个字符');
const Roles = z.array(RoleField, { error: '请选择角色' }).min(1, '至少选择一个角色').max(ROLES.length);
const Password = z
  .string({ error: '请填写密码' })
  .min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位`)
  .max(128, '密码不能超过 128 位');
/** Optional: '' or null clears it; a given number must be a mainland mobile number. */
const OptionalMobile = z.preprocess((value) => (value === '' ? null : value), zMobile.nullable()).optional();

export const UserListQuery = PagingQuery.extend({
  keyword: Keyword,
  orgId: zIdParam().optional(),
  role: RoleField.optional(),
  isActive: z
    .enum(['true', 'false'], { error: '状态应为 true 或 false' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserCreateBody = z.object({
  username: Username,
  displayName: DisplayName,
  orgId: zId('请选择所属机构'),
  roles: Roles,
  phone: OptionalMobile,
  password: Password,
});
export type UserCreateBody = z.infer<typeof UserCreateBody>;

export const UserUpdateBody = z
  .object({
    displayName: DisplayName.optional(),
    orgId: zId('请选择所属机构').optional(),
    roles: Roles.optional(),
    phone: OptionalMobile,
    isActive: z.boolean({ error: '启用状态应为是或否' }).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: '没有需要修改的内容' });
export type UserUpdateBody = z.infer<typeof UserUpdateBody>;

export const PasswordResetBody = z.object({ newPassword: Password });
export const PasswordChangeBody = z.object({
  currentPassword: zText({ error: '请填写当前密码' }).min(1, '请填写当前密码'),
  newPassword: Password,
});

export const UserIdParams = z.object({
  id: zIdParam('账号编号无效'),
});

export const UserView = z.object({
  id: z.number(),
  username: zText(),
  displayName: zText(),
  orgId: z.number(),
  orgName: zText(),
  roles: z.array(RoleField),
  phone: zText().nullable(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  isLocked: z.boolean(),
  lastLoginAt: zText().nullable(),
  /** the sign-in before the last one (null: the last was the first) */
  previousLoginAt: zText().nullable(),
  createdAt: zText(),
  /** the linked officer archive (账号管理 links and unlinks it) */
  officer: z.object({ id: z.number(), name: zText() }).nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const UserPage = pageOf(UserView);

import { z } from 'zod';
import { UserView } from '../users/users.schema.ts';

export const LoginBody = z.object({
  username: z.string({ error: '请填写用户名' }).trim().min(1, '请填写用户名').max(64, '用户名过长'),
  password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码过长'),
});

export const MeView = UserView.extend({
  orgChain: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
  scopePaths: z.array(z.string()),
});

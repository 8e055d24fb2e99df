import { z } from 'zod';
import { zText } from '../../../common/validation-zod.ts';
import { UserView } from '../users/users.schema.ts';

export const LoginBody = z.object({
  username: zText({ error: '请填写用户名' }).trim().min(1, '请填写用户名').max(64, '用户名过长'),
  password: zText({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码过长'),
});

export const MeView = UserView.extend({
  orgChain: z.array(z.object({ id: z.number(), name: zText(), kind: zText() })),
  scopePaths: z.array(zText()),
});

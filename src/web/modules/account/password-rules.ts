/** Mirrors the server's minimum strength so the form can say what is wrong before submitting. */
export const PASSWORD_MIN_LENGTH = 8;

/** A Chinese reason the password is too weak, or null when it passes. */
export function checkPasswordStrength(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return '须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

export const PASSWORD_HINT = '至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，且不含用户名';

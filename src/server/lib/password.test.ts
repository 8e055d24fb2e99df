import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Correct#Horse9');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('Correct#Horse9', stored)).toBe(true);
    expect(await verifyPassword('correct#horse9', stored)).toBe(false);
  });
  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('Same#Pass123')).not.toBe(await hashPassword('Same#Pass123'));
  });
  it('refuses a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe('checkPasswordStrength', () => {
  it.each([
    ['Ab1!', '密码至少 8 位'],
    ['abcdefgh', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['abcdefg1', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['Zhangwei#2025', '密码不能包含用户名'],
  ])('%s → %s', (password, reason) => {
    expect(checkPasswordStrength(password, 'zhangwei')).toBe(reason);
  });
  it.each(['Abcdefg1', 'abcdef1!', 'ABCDEF1!', 'Fazhi@2025'])('%s is strong enough', (password) => {
    expect(checkPasswordStrength(password, 'officer')).toBeNull();
  });
});

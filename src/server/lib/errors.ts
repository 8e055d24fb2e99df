import { type ErrorCode, HTTP_STATUS_BY_CODE } from '../../common/error-codes.ts';

export { type ErrorCode, HTTP_STATUS_BY_CODE };

/** A field-level problem: `field` is the dotted path, `message` is Chinese. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldProblem[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalid = (fields: FieldProblem[]) =>
  new AppError('VALIDATION_FAILED', `输入有误：${fields.map((problem) => problem.message).join('；')}`, {
    fields,
  });

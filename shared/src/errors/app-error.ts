import { GraphQLError } from 'graphql';
import type { ErrorCode } from './codes';

/** One problem in a rejected input: where it is and what is wrong. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * The base of every error the project raises on purpose. The code is fixed per
 * instance and always lands in `extensions.code`; anything else thrown is an
 * unexpected failure and is masked as INTERNAL by `formatError`.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(
    code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
    path?: readonly (string | number)[],
  ) {
    super(message, { extensions: { ...extensions, code }, path });
    this.code = code;
  }
}

export const badUserInput = (message: string, problems?: InputProblem[]): AppError =>
  new AppError('BAD_USER_INPUT', message, problems ? { problems } : {});

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} "${id}" does not exist`, { id });

export const conflict = (message: string, extensions: Record<string, unknown> = {}): AppError =>
  new AppError('CONFLICT', message, extensions);

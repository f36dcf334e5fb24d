import type { z } from 'zod';
import type { Access } from '../domain/roles';

/** One API method: the zod schema of its single input object and of its output, and who may call it. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /**
   * Write and admin methods run in one SQLite transaction and must be synchronous. A method that writes no rows
   * and must await (verifying a backup file) opts out.
   */
  noTransaction?: boolean;
}

/** Declares a method; exists so each feature file reads as a table of `name: method(input, output, access)`. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access, options: { noTransaction?: boolean } = {}): MethodSpec<I, O> {
  return { input, output, access, ...options };
}

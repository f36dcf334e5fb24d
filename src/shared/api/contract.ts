import type { z } from 'zod';
import type { Access } from '../domain/roles';

/** One API method: the zod schema of its single input object and of its output, and who may call it. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

/** Declares a method; exists so each feature file reads as a table of `name: method(input, output, access)`. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): MethodSpec<I, O> {
  return { input, output, access };
}

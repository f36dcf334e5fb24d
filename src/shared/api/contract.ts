import type { z } from 'zod';

/** One API method: the zod schema of its single input object and of its output. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/** Declares a method; exists so each feature file reads as a table of `name: method(input, output)`. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

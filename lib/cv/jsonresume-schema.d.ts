/** Types for @jsonresume/schema (the package ships none). */
declare module '@jsonresume/schema' {
  export function validate(
    resume: unknown,
    callback: (errors: { property: string; message: string }[] | null, valid: boolean) => void,
  ): void;
  export const schema: Record<string, unknown>;
}

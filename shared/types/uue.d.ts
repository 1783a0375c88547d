/** Types for the `uue` package (it ships none): the part of its API the mail intake uses. */
declare module 'uue' {
  /** A decoded `begin ... end` block. */
  interface UueBlock {
    type: 'UUE';
    name: string;
    data: Buffer;
    source: string;
  }
  /** The text cut into text blocks and decoded files, in order; lines end in `\n`. */
  function split(text: string): (string | UueBlock)[];
  const uue: { split: typeof split };
  export default uue;
}

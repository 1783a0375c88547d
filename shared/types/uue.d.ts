/** Types for the `uue` package (it ships none): the part of its API the mail intake uses. */
declare module 'uue' {
  /** A decoded `begin ... end` block. */
  interface UueBlock {
    type: 'UUE';
    name: string;
    data: Buffer;
    source: string;
  }
  const uue: {
    /** The text cut into text blocks and decoded files, in order; lines end in `\n`. */
    split(text: string): (string | UueBlock)[];
  };
  export default uue;
}

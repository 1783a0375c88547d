// Placeholder until the screen is built.
export function Component() {
  return <h1>catalog-home</h1>;
}

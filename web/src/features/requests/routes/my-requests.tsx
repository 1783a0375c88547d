// Placeholder until the screen is built.
export function Component() {
  return <h1>my-requests</h1>;
}

// Placeholder until errors are shown in the person's language.
export function RouteError() {
  return <h1>Something went wrong</h1>;
}

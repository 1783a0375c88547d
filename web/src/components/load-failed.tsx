import { Button } from 'react-aria-components';
import { useRevalidator } from 'react-router';

/** A list that could not be loaded: the reason and a Try again that loads the page's data anew. */
export function LoadFailed({ message, retryLabel }: { message: string; retryLabel: string }) {
  const revalidator = useRevalidator();
  return (
    <div className="alert" role="alert">
      <p>{message}</p>
      <Button className="button" onPress={() => revalidator.revalidate()}>
        {retryLabel}
      </Button>
    </div>
  );
}

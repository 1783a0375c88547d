import { Button, type ButtonProps } from 'react-aria-components';

/**
 * A button that stays focused and refuses presses while its work is under way, for buttons that
 * can leave the page when the work is done (a decided approval, the last "Show more").
 *
 * React Aria's `isPending` announces the focused button by pointing a live region at the button's
 * id for several seconds; once the button is gone that region names nothing (an image without a
 * name). So these buttons are marked busy with `aria-disabled` instead, and the page says what
 * happened through its own status region.
 */
export function BusyButton({ isBusy, onPress, ...props }: Omit<ButtonProps, 'isPending'> & { isBusy: boolean }) {
  return <Button {...props} aria-disabled={isBusy || undefined} data-busy={isBusy || undefined} onPress={isBusy ? undefined : onPress} />;
}

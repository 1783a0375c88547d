import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import './modal-dialog.css';

/**
 * A modal dialog with its heading (React Aria: focus moved in and kept there, Escape closes it
 * unless it is an alert dialog, focus back to the trigger after). Open state belongs to the caller.
 */
export function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  role = 'dialog',
  children,
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}) {
  // An alert dialog asks for a decision: neither Escape nor a click outside dismisses it.
  const dismissable = role === 'dialog';
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={dismissable} isKeyboardDismissDisabled={!dismissable}>
      <Modal className="modal">
        <Dialog className="dialog" role={role}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

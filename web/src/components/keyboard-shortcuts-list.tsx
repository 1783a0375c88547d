import { Button } from 'react-aria-components';
import { useMessages } from '../lib/i18n/use-messages';
import { useActiveShortcuts } from '../lib/keyboard/use-shortcut';
import { keyboardShortcutsMessages } from './keyboard-shortcuts-messages';
import './keyboard-shortcuts-dialog.css';
import { ModalDialog } from './modal-dialog';

/** The dialog of the page's active shortcuts, each with what it does (opened by KeyboardShortcutsDialog). */
export function KeyboardShortcutsList({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useMessages(keyboardShortcutsMessages);
  const shortcuts = useActiveShortcuts();
  return (
    <ModalDialog title={t.format('shortcuts.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <dl className="shortcut-list">
        {shortcuts.map((shortcut) => (
          <div key={`${shortcut.keys}-${shortcut.description}`} className="shortcut">
            <dt>
              {shortcut.keys.split(' ').map((key, index) => (
                <span key={index}>
                  {index > 0 ? ` ${t.format('shortcuts.then')} ` : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <Button className="button" slot="close" onPress={() => onOpenChange(false)}>
          {t.format('shortcuts.close')}
        </Button>
      </div>
    </ModalDialog>
  );
}

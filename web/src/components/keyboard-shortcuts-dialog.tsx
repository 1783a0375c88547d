import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useMessages } from '../lib/i18n/use-messages';
import { useActiveShortcuts, useShortcut } from '../lib/keyboard/use-shortcut';
import { keyboardShortcutsMessages } from './keyboard-shortcuts-messages';
import './keyboard-shortcuts-dialog.css';
import { ModalDialog } from './modal-dialog';

/**
 * The "Keyboard shortcuts" dialog, opened by `?` (and by its button): every shortcut active on the
 * page with what it does. A screen mounts it once; its own shortcuts come from `useShortcut`.
 */
export function KeyboardShortcutsDialog() {
  const t = useMessages(keyboardShortcutsMessages);
  const [open, setOpen] = useState(false);
  useShortcut('?', t.format('shortcuts.help'), () => setOpen(true));
  const shortcuts = useActiveShortcuts();
  return (
    <>
      <Button className="button-link shortcuts-button" onPress={() => setOpen(true)}>
        {t.format('shortcuts.title')}
      </Button>
      <ModalDialog title={t.format('shortcuts.title')} isOpen={open} onOpenChange={setOpen}>
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
          <Button className="button" slot="close" onPress={() => setOpen(false)}>
            {t.format('shortcuts.close')}
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}

import { lazy, Suspense, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useMessages } from '../lib/i18n/use-messages';
import { useShortcut } from '../lib/keyboard/use-shortcut';
import { useAfterFirstPaint } from '../lib/loading/after-first-paint';
import { keyboardShortcutsMessages } from './keyboard-shortcuts-messages';

const loadList = () => import('./keyboard-shortcuts-list');
// The dialog's code arrives after the screen has been painted, before anyone asks for it.
const KeyboardShortcutsList = lazy(() => loadList().then((module) => ({ default: module.KeyboardShortcutsList })));

/**
 * The "Keyboard shortcuts" dialog, opened by `?` (and by its button): every shortcut active on the
 * page with what it does. A screen mounts it once; its own shortcuts come from `useShortcut`.
 */
export function KeyboardShortcutsDialog() {
  const t = useMessages(keyboardShortcutsMessages);
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const painted = useAfterFirstPaint();
  useEffect(() => {
    if (painted) void loadList();
  }, [painted]);
  const show = () => {
    setOpened(true);
    setOpen(true);
  };
  useShortcut('?', t.format('shortcuts.help'), show);
  return (
    <>
      <Button className="button-link shortcuts-button" onPress={show}>
        {t.format('shortcuts.title')}
      </Button>
      {opened ? (
        <Suspense fallback={null}>
          <KeyboardShortcutsList isOpen={open} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}

import { afterEach, describe, expect, it } from 'vitest';
import { activeShortcuts, registerShortcut } from './shortcut-registry';

const removers: (() => void)[] = [];
afterEach(() => {
  removers.splice(0).forEach((remove) => remove());
  document.body.innerHTML = '';
});

function press(key: string, target: EventTarget = document.body) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

describe('the shortcut registry', () => {
  it('runs a registered key, lists it while registered and forgets it after', () => {
    const ran: string[] = [];
    const remove = registerShortcut({ keys: 'r', description: 'Reply', run: () => ran.push('r') });
    expect(activeShortcuts().map((shortcut) => shortcut.description)).toEqual(['Reply']);
    press('r');
    remove();
    press('r');
    expect(ran).toEqual(['r']);
    expect(activeShortcuts()).toEqual([]);
  });

  it('leaves keys typed into a text field alone', () => {
    const ran: string[] = [];
    removers.push(registerShortcut({ keys: 'n', description: 'Note', run: () => ran.push('n') }));
    const field = document.createElement('textarea');
    document.body.append(field);
    press('n', field);
    expect(ran).toEqual([]);
  });

  it('runs a sequence of two keys', () => {
    const ran: string[] = [];
    removers.push(registerShortcut({ keys: 'g q', description: 'Back to the queue', run: () => ran.push('g q') }));
    press('g');
    press('q');
    expect(ran).toEqual(['g q']);
  });

  it('does nothing while a dialog is open', () => {
    const ran: string[] = [];
    removers.push(registerShortcut({ keys: 'a', description: 'Take', run: () => ran.push('a') }));
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    press('a');
    expect(ran).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { keyAction } from '../../../renderer/features/sources/keyboardKeys';

// The keys of the reading view (issue 15): what each chord asks of the selection. The
// moves themselves are the browser's (Selection.modify), tested end to end in
// tests/e2e/keyboardAnnotation15.spec.ts.

const key = (k: string, code = '', mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) =>
  keyAction({ key: k, code, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('reading view keys', () => {
  it('moves by word with the arrows, with or without Ctrl, Alt or ⌘, and extends with Shift', () => {
    const word = (alter: string, direction: string) => ({ kind: 'modify', alter, direction, granularity: 'word' });
    expect(key('ArrowRight')).toEqual(word('move', 'forward'));
    expect(key('ArrowLeft')).toEqual(word('move', 'backward'));
    expect(key('ArrowRight', '', { shiftKey: true })).toEqual(word('extend', 'forward'));
    expect(key('ArrowRight', '', { shiftKey: true, ctrlKey: true })).toEqual(word('extend', 'forward'));
    expect(key('ArrowLeft', '', { shiftKey: true, altKey: true })).toEqual(word('extend', 'backward'));
  });

  it('moves by line with ↑ ↓, to the paragraph’s edge with Home/End, to the text’s edge with Ctrl', () => {
    expect(key('ArrowDown', '', { shiftKey: true })).toEqual({ kind: 'modify', alter: 'extend', direction: 'forward', granularity: 'line' });
    expect(key('ArrowUp')).toEqual({ kind: 'modify', alter: 'move', direction: 'backward', granularity: 'line' });
    // Alt+↑ and Ctrl+↓ are left to the browser and the system.
    expect(key('ArrowUp', '', { altKey: true })).toBeNull();
    expect(key('Home')).toEqual({ kind: 'modify', alter: 'move', direction: 'backward', granularity: 'paragraphboundary' });
    expect(key('End', '', { shiftKey: true })).toEqual({ kind: 'modify', alter: 'extend', direction: 'forward', granularity: 'paragraphboundary' });
    expect(key('End', '', { ctrlKey: true, shiftKey: true })).toEqual({ kind: 'edge', alter: 'extend', toEnd: true });
  });

  it('opens the form with Enter or the A key in any layout (ф in Russian and Kazakh), selects all with Ctrl+A', () => {
    expect(key('Enter')).toEqual({ kind: 'annotate' });
    expect(key('a', 'KeyA')).toEqual({ kind: 'annotate' });
    expect(key('ф', 'KeyA')).toEqual({ kind: 'annotate' });
    expect(key('ф', 'KeyA', { ctrlKey: true })).toEqual({ kind: 'all' });
    expect(key('Escape')).toEqual({ kind: 'clear' });
  });

  it('leaves other chords alone: Ctrl+Enter, Shift+A, typing, Tab', () => {
    expect(key('Enter', '', { ctrlKey: true })).toBeNull();
    expect(key('A', 'KeyA', { shiftKey: true })).toBeNull();
    expect(key('б', 'Comma')).toBeNull();
    expect(key('Tab', 'Tab')).toBeNull();
  });
});

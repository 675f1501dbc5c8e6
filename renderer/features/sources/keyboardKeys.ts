// The keys of the reading view and what each asks of the selection (kept free of the
// DOM, so the mapping is tested without a browser; keyboardSelection.ts carries it out).

type Alter = 'move' | 'extend';
type Direction = 'forward' | 'backward';
type Granularity = 'word' | 'line' | 'paragraphboundary';

/** What a key does in the reading view; null when the key is not ours. */
export type KeyAction =
  | { kind: 'modify'; alter: Alter; direction: Direction; granularity: Granularity }
  | { kind: 'edge'; alter: Alter; toEnd: boolean }
  | { kind: 'all' }
  | { kind: 'annotate' }
  | { kind: 'clear' };

export type KeyLike = { key: string; code: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean };

export function keyAction(e: KeyLike): KeyAction | null {
  const alter: Alter = e.shiftKey ? 'extend' : 'move';
  const mod = e.ctrlKey || e.metaKey;
  switch (e.key) {
    // By word with or without Ctrl/Alt/⌘: a reading view has no use for single letters,
    // and every platform's "word" chord then does what its user expects.
    case 'ArrowRight':
      return { kind: 'modify', alter, direction: 'forward', granularity: 'word' };
    case 'ArrowLeft':
      return { kind: 'modify', alter, direction: 'backward', granularity: 'word' };
    case 'ArrowDown':
      return e.altKey || mod ? null : { kind: 'modify', alter, direction: 'forward', granularity: 'line' };
    case 'ArrowUp':
      return e.altKey || mod ? null : { kind: 'modify', alter, direction: 'backward', granularity: 'line' };
    case 'Home':
      return mod ? { kind: 'edge', alter, toEnd: false } : { kind: 'modify', alter, direction: 'backward', granularity: 'paragraphboundary' };
    case 'End':
      return mod ? { kind: 'edge', alter, toEnd: true } : { kind: 'modify', alter, direction: 'forward', granularity: 'paragraphboundary' };
    case 'Enter':
      return mod || e.altKey || e.shiftKey ? null : { kind: 'annotate' };
    case 'Escape':
      return { kind: 'clear' };
    default:
      break;
  }
  // By physical key, so a Russian or Kazakh layout (where it types ф) works the same.
  if (e.code === 'KeyA' && !e.altKey) return mod ? { kind: 'all' } : e.shiftKey ? null : { kind: 'annotate' };
  return null;
}

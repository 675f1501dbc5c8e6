import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScratchState } from './fields';
import { useToast } from './Toasts';
import { addChips, removeAt, restoreAt } from './chipValues';
import { LineInput } from './LineInput';
import './chips.css';

type ChipKind = 'alias' | 'tag';

type ChipInputProps = {
  /** The field's name: the text box is labelled by it. */
  label: string;
  /** Where the list lives in the case ("tags", "person.aliases"); keys the half-typed text. */
  path: string;
  kind: ChipKind;
  values: readonly string[];
  /**
   * Receives a change of the list as a function of the list at the time it applies, so an
   * Undo pressed after other edits puts the value back without undoing those.
   */
  update: (change: (current: readonly string[]) => string[]) => void;
  /** A comma ends a value too (tags); aliases keep their commas ("Абишев, Кенжебек"). */
  commaAdds?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  addLabel: string;
};

/**
 * A list of short values shown as chips, with one text box labelled by the field.
 * Enter (and a comma where `commaAdds`) adds the typed value, trimmed and otherwise as typed;
 * a value already there is refused with a message. Backspace in the empty box goes to the
 * last chip, where Backspace or Delete removes it and a toast offers Undo.
 */
export function ChipInput({ label, path, kind, values, update, commaAdds, placeholder, hint, addLabel }: ChipInputProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const [text, setText, clearText] = useScratchState<string>(`add:${path}`, '');
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const chipButton = (i: number) => list.current?.querySelectorAll<HTMLButtonElement>('button.chip-remove')[i] ?? null;

  /** Adds what is typed (or the pieces before the last comma); leaves a refused duplicate in the box. */
  const commit = (raw: string, keepLast: boolean) => {
    const pieces = commaAdds ? raw.split(',') : [raw];
    const rest = keepLast ? pieces.pop()! : '';
    const result = addChips(values, pieces);
    if (result.added.length > 0) update((current) => addChips(current, result.added).values);
    setDuplicate(result.duplicates[0] ?? null);
    // A refused value stays in the box to be corrected, unless typing goes on after its comma.
    const left = keepLast ? rest : (result.duplicates[0] ?? '');
    if (left === '') clearText();
    else setText(left);
  };

  const remove = (i: number, focusAfter: boolean) => {
    const value = values[i];
    if (value === undefined) return;
    update((current) => removeAt(current, value, i));
    setDuplicate(null);
    toast({
      message: t(kind === 'alias' ? 'chips.removedAlias' : 'chips.removedTag', { value }),
      action: { label: t('common.undo'), run: () => update((current) => restoreAt(current, i, value)) },
    });
    if (!focusAfter) return;
    // Focus stays in the field: on the chip before the removed one, else the text box.
    const target = i > 0 ? chipButton(i - 1) : null;
    if (target) target.focus();
    else input.current?.focus();
  };

  const onChipKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      remove(i, true);
    } else if (e.key === 'ArrowLeft' && i > 0) {
      e.preventDefault();
      chipButton(i - 1)?.focus();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      (chipButton(i + 1) ?? input.current)?.focus();
    }
  };

  const onInputKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (text.trim() !== '') commit(text, false);
    } else if ((e.key === 'Backspace' || e.key === 'ArrowLeft') && e.currentTarget.selectionStart === 0 && e.currentTarget.selectionEnd === 0 && values.length > 0) {
      // Only moves focus: the chip is removed by a second, deliberate key press there.
      e.preventDefault();
      chipButton(values.length - 1)?.focus();
    }
  };

  const removeLabel = (value: string) => t(kind === 'alias' ? 'chips.removeAlias' : 'chips.removeTag', { value });
  const errorId = `${id}-error`;
  const keysId = `${id}-keys`;
  const hintId = `${id}-hint`;
  const describedBy = [duplicate !== null ? errorId : null, hint ? hintId : null, keysId].filter(Boolean).join(' ');

  return (
    <div className={`field field-wide chip-field${duplicate !== null ? ' has-error' : ''}`}>
      <label htmlFor={id} className="field-label">
        <span>{label}</span>
      </label>
      <div className="chip-box" onClick={(e) => e.target === e.currentTarget && input.current?.focus()}>
        {values.length > 0 && (
          <ul className="chip-list" ref={list}>
            {values.map((v, i) => (
              <li key={`${i}:${v}`} className="chip">
                <span className="chip-text">{v}</span>
                <button type="button" className="chip-remove" aria-label={removeLabel(v)} title={removeLabel(v)} onClick={() => remove(i, true)} onKeyDown={(e) => onChipKey(e, i)}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {/* A long half-typed value takes a whole line of the box rather than scrolling out of sight. */}
        <div className="chip-entry" style={{ flexBasis: `${Math.max(14, text.length + 4)}ch` }}>
          <LineInput
            ref={input}
            id={id}
            className="chip-input"
            value={text}
            placeholder={placeholder}
            aria-invalid={duplicate !== null ? true : undefined}
            aria-describedby={describedBy}
            onInput={(typed) => {
              setDuplicate(null);
              if (commaAdds && typed.includes(',')) commit(typed, true);
              else setText(typed);
            }}
            onKeyDown={onInputKey}
            onBlur={() => {
              if (text.trim() !== '' && duplicate === null) commit(text, false);
            }}
          />
          <button type="button" className="btn btn-small" onClick={() => text.trim() !== '' && commit(text, false)} disabled={text.trim() === ''}>
            {addLabel}
          </button>
        </div>
      </div>
      {duplicate !== null && (
        <p className="field-error" id={errorId} role="alert">
          {t(kind === 'alias' ? 'chips.duplicateAlias' : 'chips.duplicateTag', { value: duplicate })}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <p className="visually-hidden" id={keysId}>
        {t(kind === 'alias' ? 'chips.keysAlias' : 'chips.keysTag')}
      </p>
    </div>
  );
}

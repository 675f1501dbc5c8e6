import type { ComponentPropsWithRef } from 'react';
import './lineInput.css';

type LineInputProps = Omit<ComponentPropsWithRef<'textarea'>, 'onInput' | 'onChange' | 'rows'> & {
  value: string;
  onInput: (text: string) => void;
};

/**
 * One line of text that wraps instead of scrolling out of sight: a court's or a prison's full
 * name in Russian or Kazakh is longer than a grid cell, and an <input> would cut it. It acts as
 * a text box does: no line breaks (a pasted one becomes a space), Enter submits its form.
 */
export function LineInput({ value, onInput, className, onKeyDown, ...rest }: LineInputProps) {
  return (
    <textarea
      {...rest}
      rows={1}
      value={value}
      aria-multiline={false}
      className={className ? `input-line ${className}` : 'input-line'}
      onChange={(e) => onInput(e.target.value.replace(/\r?\n/g, ' '))}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (e.key === 'Enter' && !e.defaultPrevented && !e.nativeEvent.isComposing) {
          e.preventDefault();
          e.currentTarget.form?.requestSubmit();
        }
      }}
    />
  );
}

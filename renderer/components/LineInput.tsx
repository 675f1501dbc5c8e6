import { useLayoutEffect, useRef, type ComponentPropsWithRef, type Ref } from 'react';
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
export function LineInput({ value, onInput, className, onKeyDown, ref, ...rest }: LineInputProps) {
  const own = useRef<HTMLTextAreaElement | null>(null);
  // React mirrors a controlled textarea's value into its text content; an <input> has none, and
  // text on the page ("find the event titled …") must not also be found inside the box. The value
  // is already set (typed or assigned), so emptying the default leaves it as it is.
  useLayoutEffect(() => {
    const el = own.current;
    if (el && el.defaultValue !== '' && el.value === value) el.defaultValue = '';
  });
  const setRef = (el: HTMLTextAreaElement | null) => {
    own.current = el;
    if (typeof ref === 'function') ref(el);
    else if (ref) (ref as { current: HTMLTextAreaElement | null }).current = el;
  };
  return (
    <textarea
      {...rest}
      ref={setRef as Ref<HTMLTextAreaElement>}
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

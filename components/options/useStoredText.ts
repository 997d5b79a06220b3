import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The text of a field that edits a stored value: it starts as the value, and is replaced only
 * when the stored value itself changes (saved here, or loaded late), never by a re-render, so
 * nothing the agent is typing is lost.
 */
export function useStoredText(stored: string | undefined): [string, (text: string) => void] {
  const [text, setText] = useState(stored ?? '');
  const shown = useRef(stored);
  useEffect(() => {
    if (stored === shown.current) return;
    shown.current = stored;
    setText(stored ?? '');
  }, [stored]);
  return [text, setText];
}

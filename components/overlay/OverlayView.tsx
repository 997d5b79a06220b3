import { useEffect, useRef } from 'preact/hooks';
import type { OverlayActions, OverlayModel } from '../../lib/overlay/overlay-model.ts';
import { ot, overlayLocale } from '../../lib/i18n/overlay-messages.ts';
import { CallerCard } from './CallerCard.tsx';
import { px } from './px.ts';

interface Props {
  model: OverlayModel | undefined;
  actions: OverlayActions;
}

/**
 * The interaction layer: a button laid over the number under the pointer (or reached with
 * the keyboard) and the card. Page text is never changed; this layer lives in the overlay's
 * closed shadow root.
 */
export function OverlayView({ model, actions }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  const key = model ? `${model.number}|${model.raw}|${model.boxes[0]?.left}` : '';
  useEffect(() => {
    if (model?.focusRequest) first.current?.focus({ preventScroll: true });
  }, [model?.focusRequest, model?.number, model?.raw]);
  if (!model) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') actions.navigate(e, 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') actions.navigate(e, -1);
    else if (e.key === 'Escape') actions.dismiss(e);
    else return;
    e.preventDefault();
  };
  return (
    <>
      {model.boxes.map((box, i) => (
        <button
          key={`${key}|${i}`}
          ref={i === 0 ? first : undefined}
          type="button"
          class={model.kind === 'input' ? 'hit input' : 'hit'}
          tabIndex={i === 0 ? 0 : -1}
          lang={overlayLocale()}
          aria-label={ot('overlayHitLabel', model.raw)}
          style={{
            left: px(box.left),
            top: px(box.top),
            width: px(box.width),
            height: px(box.height),
          }}
          onClick={(e) => actions.activate(e)}
          onKeyDown={onKeyDown}
          onMouseEnter={(e) => actions.pointer(e, true)}
          onMouseLeave={(e) => actions.pointer(e, false)}
        />
      ))}
      {model.open && <CallerCard model={model} actions={actions} />}
    </>
  );
}

import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { text } from '../i18n';

/** Props of {@link Modal}. */
export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for sizing (e.g. `modal-wide`). */
  className?: string;
}

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the
 * rest of the page inert (so Tab stays inside), Esc closes it, and focus
 * returns to where it was when it closes. The first field with `autoFocus`
 * (or the first focusable element) gets focus on open.
 *
 * @example <Modal title="New appointment" onClose={close}>…</Modal>
 */
export function Modal({ title, onClose, children, className }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const autofocus = dialog.querySelector<HTMLElement>('[data-autofocus]');
    autofocus?.focus();
    const cancel = (event: Event) => {
      event.preventDefault(); // React decides when the dialog goes away
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className={`modal ${className ?? ''}`} aria-labelledby={titleId}>
      <header className="modal-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={text.app.close}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}

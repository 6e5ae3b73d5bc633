import { useEffect, useRef, type ReactNode } from 'react';

/** A side panel (complementary): focus moves to its heading when it opens, Escape closes it. */
export function Panel({ id, title, closeLabel, onClose, children, focusHeading = true }: {
  id: string;
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
  focusHeading?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  return (
    <aside className="side-panel" aria-labelledby={id}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}>
      <header className="panel-head">
        <h2 id={id} tabIndex={-1} ref={heading}>{title}</h2>
        <button type="button" className="btn small" onClick={onClose}>{closeLabel}</button>
      </header>
      {children}
    </aside>
  );
}

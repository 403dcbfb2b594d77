import { useEffect } from 'react';
import { text } from '../i18n';
import { useNotices } from './notice-store';

const visibleMs = 12_000;

/**
 * Shows the latest notice in a polite live region, with its undo button,
 * and lets it fade after a while (errors stay until dismissed).
 *
 * @example <NoticeBar />
 */
export function NoticeBar() {
  const notice = useNotices((state) => state.notice);
  const dismiss = useNotices((state) => state.dismiss);
  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = setTimeout(dismiss, visibleMs);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice ? (
        <div className={`notice notice-${notice.tone}`}>
          <span>{notice.message}</span>
          {notice.undo ? (
            <button type="button" onClick={() => (dismiss(), notice.undo?.())}>
              {text.status.undo}
            </button>
          ) : null}
          <button type="button" className="icon-button" onClick={dismiss} aria-label={text.app.close}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

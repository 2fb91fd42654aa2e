import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { auditToCsv, clearAudit, loadAudit, type AuditEntry } from '../../utils/audit/log';
import { AuditLog } from '../AuditLog';

/** `managed`: IT collects the audit centrally (AuditEndpoint), so the clinician may not clear it. */
export type AuditSectionProps = { managed: boolean };

export function AuditSection({ managed }: AuditSectionProps) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  useEffect(() => {
    void loadAudit().then(setEntries);
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'audit' in changes) void loadAudit().then(setEntries);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([auditToCsv(entries)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `chartside-audit-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const [clearError, setClearError] = useState<string>();
  const clear = async () => {
    const cleared = await clearAudit();
    if (cleared.ok) setEntries([]);
    else setClearError(cleared.error.message);
  };
  return (
    <AuditLog
      entries={entries}
      onExport={exportCsv}
      onClear={() => void clear()}
      managed={managed}
      clearError={clearError}
    />
  );
}

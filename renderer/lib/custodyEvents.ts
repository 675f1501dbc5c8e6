import { useEffect } from 'react';

// An original taken out of the app adds a line to its case's history without a new
// revision, so views that reload on the revision (the History section) hear it here.

const CUSTODY_RECORDED = 'casefile:custody-recorded';

export function announceCustody(caseId: string): void {
  window.dispatchEvent(new CustomEvent<string>(CUSTODY_RECORDED, { detail: caseId }));
}

export function useCustodyRecorded(caseId: string, then: () => unknown): void {
  useEffect(() => {
    const on = (e: Event) => {
      if ((e as CustomEvent<string>).detail === caseId) then();
    };
    window.addEventListener(CUSTODY_RECORDED, on);
    return () => window.removeEventListener(CUSTODY_RECORDED, on);
  }, [caseId, then]);
}

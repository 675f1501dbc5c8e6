import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress, SourceIntakeResult } from '../../../shared/contract';
import { api } from '../../api';
import { fileToBase64 } from '../../lib/fileBase64';
import { capturedAtIso, type IntakeChoices } from './IntakeOptions';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type IntakeState =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string; progress: Progress | null }
  | { phase: 'done'; name: string; result: SourceIntakeResult }
  | { phase: 'failed'; name: string; message: string };

/**
 * A chosen file through `sources.intake`: kept as an original, its text read (OCR
 * page by page for scans and photos, with progress), and stoppable meanwhile; a
 * stopped or failed intake keeps nothing.
 */
export function useIntake(onRead: (result: SourceIntakeResult, name: string) => void) {
  const { t } = useTranslation();
  const [state, setState] = useState<IntakeState>({ phase: 'idle' });
  const stopping = useRef<AbortController | null>(null);
  const generation = useRef(0);

  const read = async (f: File, choices: IntakeChoices) => {
    const mine = ++generation.current;
    stopping.current?.abort();
    if (f.size > MAX_FILE_BYTES) return setState({ phase: 'failed', name: f.name, message: t('sources.file.tooLarge') });
    setState({ phase: 'reading', name: f.name, progress: null });
    let dataBase64: string;
    try {
      dataBase64 = await fileToBase64(f);
    } catch {
      return setState({ phase: 'failed', name: f.name, message: t('sources.file.unreadable') });
    }
    const stop = new AbortController();
    stopping.current = stop;
    const capturedAt = capturedAtIso(choices.capturedAt);
    const capturedFrom = choices.capturedFrom.trim();
    const result = await api['sources.intake'](
      {
        fileName: f.name,
        dataBase64,
        ...(choices.ocrLangs.length > 0 ? { ocrLangs: choices.ocrLangs } : {}),
        ...(capturedFrom ? { capturedFrom } : {}),
        ...(capturedAt ? { capturedAt } : {}),
      },
      { signal: stop.signal, onProgress: (progress) => mine === generation.current && setState({ phase: 'reading', name: f.name, progress }) },
    );
    if (stopping.current === stop) stopping.current = null;
    if (mine !== generation.current) return;
    if (!result.ok) {
      const message = result.error.code === 'cancelled' ? t('original.intake.cancelled') : result.error.message;
      return setState({ phase: 'failed', name: f.name, message });
    }
    onRead(result.value, f.name);
    setState({ phase: 'done', name: f.name, result: result.value });
  };

  const cancel = () => {
    generation.current++;
    stopping.current?.abort();
    stopping.current = null;
    setState((s) => (s.phase === 'reading' ? { phase: 'failed', name: s.name, message: t('original.intake.cancelled') } : s));
  };

  return { state, read, cancel };
}

import { downloadBlob } from '../../lib/download';
import { base64ToBytes } from './briefModel';

export function downloadPdf(fileName: string, base64: string): void {
  downloadBlob(fileName, base64ToBytes(base64), 'application/pdf');
}

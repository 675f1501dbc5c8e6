import type { ApiError, ErrorCode } from '../../shared/errors';
import type { Issue } from '../../shared/model';
import type { CaseFile } from '../../shared/model';

/** Thrown inside services; the dispatcher turns it into a typed `ApiError` result. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    readonly current?: CaseFile,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.current ? { current: this.current } : {}),
    };
  }
}

const IO_CODES = new Set(['ENOSPC', 'EIO', 'EACCES', 'EPERM', 'EROFS', 'EDQUOT', 'EMFILE', 'ENFILE', 'EBUSY']);

/** A Node error from the disk, told in words that say what to do. */
export function ioError(err: unknown, doing: string): ServiceError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const hint =
    code === 'ENOSPC' ? 'the disk is full; free some space and try again'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied; check that you may write to the data folder'
    : code === 'EROFS' ? 'the disk is read-only'
    : 'the disk reported an error';
  return new ServiceError('io', `Could not ${doing}: ${hint} (${code ?? String(err)}). The previous version is intact.`);
}

export function isIoError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && IO_CODES.has(code);
}

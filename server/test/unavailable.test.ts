import { describe, expect, it } from 'vitest';
import { isStoreUnavailable } from '../src/store/unavailable.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isStoreUnavailable', () => {
  it('recognises a database that is away or full, however deeply wrapped', () => {
    for (const code of [
      'ECONNREFUSED',
      '57P01',
      '08006',
      'SQLITE_FULL',
      'SQLITE_BUSY',
      'SQLITE_IOERR_WRITE',
    ]) {
      expect(isStoreUnavailable(withCode(code)), code).toBe(true);
    }
    expect(isStoreUnavailable(new Error('outer', { cause: withCode('SQLITE_FULL') }))).toBe(true);
    expect(isStoreUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('does not mistake bugs or bad input for an outage', () => {
    expect(isStoreUnavailable(new TypeError('undefined is not a function'))).toBe(false);
    expect(isStoreUnavailable(withCode('23505'))).toBe(false);
    expect(isStoreUnavailable(withCode('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isStoreUnavailable(undefined)).toBe(false);
  });
});

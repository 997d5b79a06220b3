import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret, type KeyStore } from '../../lib/credentials/sealed-secret.ts';

// IndexedDB does not exist in Node; the key store is a plain holder here. The crypto is
// Node's real WebCrypto, the same API the extension uses.
function memoryKeyStore(): KeyStore {
  let key: CryptoKey | undefined;
  return {
    get: async () => key,
    put: async (k) => {
      key = k;
    },
    delete: async () => {
      key = undefined;
    },
  };
}

describe('sealed secrets', () => {
  it('round-trips, and the sealed form does not contain the password', async () => {
    const store = memoryKeyStore();
    const sealed = await sealSecret('s3cret-pässword', store);
    expect(JSON.stringify(sealed)).not.toContain('s3cret');
    expect(await openSecret(sealed, store)).toBe('s3cret-pässword');
  });

  it('uses a fresh IV every time and a key whose bytes cannot be exported', async () => {
    const store = memoryKeyStore();
    const a = await sealSecret('same', store);
    const b = await sealSecret('same', store);
    expect(a.iv).not.toBe(b.iv);
    const key = await store.get();
    expect(key?.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key!)).rejects.toThrow();
  });

  it('gives nothing back when the key is gone or the data was altered', async () => {
    const store = memoryKeyStore();
    const sealed = await sealSecret('pw', store);
    const tampered = { ...sealed, data: btoa('x' + atob(sealed.data).slice(1)) };
    expect(await openSecret(tampered, store)).toBeUndefined();
    await store.delete();
    expect(await openSecret(sealed, store)).toBeUndefined();
  });
});

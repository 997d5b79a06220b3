/** A secret encrypted with AES-GCM; only base64 text, so it can sit in extension storage. */
export interface SealedSecret {
  v: 1;
  iv: string;
  data: string;
}

/**
 * Where the wrapping key lives. In the extension: IndexedDB, holding a non-extractable key.
 *
 * What this protects against, and what not: the key cannot be read by script (not even the
 * extension's), and the sealed password is never in `storage.local` or `storage.sync`, so
 * content scripts, page scripts and anything that dumps extension storage see no password.
 * It does NOT protect against someone with a copy of the browser profile: the browser writes
 * the key's raw bytes into the IndexedDB files on disk (non-extractable only stops
 * `exportKey`), so the password can be recovered offline from such a copy. Only the
 * operating system's account and disk protection keeps a profile copy safe; where that is
 * not enough, policy turns "Remember me" off (`allowRememberMe`).
 */
export interface KeyStore {
  get(): Promise<CryptoKey | undefined>;
  put(key: CryptoKey): Promise<void>;
  delete(): Promise<void>;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function wrappingKey(store: KeyStore): Promise<CryptoKey> {
  const existing = await store.get();
  if (existing) return existing;
  // Non-extractable: script can use the key but never read its bytes. The browser still
  // stores those bytes in the profile (see KeyStore): this is no defence against a profile copy.
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await store.put(key);
  return key;
}

export async function sealSecret(secret: string, store: KeyStore): Promise<SealedSecret> {
  const key = await wrappingKey(store);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(secret),
  );
  return { v: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Returns the secret, or undefined when the key is gone or the data was tampered with. */
export async function openSecret(
  sealed: SealedSecret,
  store: KeyStore,
): Promise<string | undefined> {
  const key = await store.get();
  if (!key || sealed?.v !== 1) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      key,
      fromBase64(sealed.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}

import { describe, expect, it } from 'vitest';
import { apiBaseOf, deviceApiBase } from '../../lib/gws/api-base.ts';

const ENV = 'voice-environments/370ef5e6-9e3c-4d91-9588-7f4dfe67e011';

describe('the API base GWS builds its URIs on', () => {
  it('is read off a URI GWS sent, with its host, port and context path', () => {
    expect(apiBaseOf(`http://127.0.0.1:8080/api/v2/${ENV}`, 'voice-environments')).toBe(
      'http://127.0.0.1:8080/api/v2',
    );
    expect(apiBaseOf(`https://gws.example/cloud-web/api/v2/${ENV}/`, 'voice-environments')).toBe(
      'https://gws.example/cloud-web/api/v2',
    );
    expect(apiBaseOf('https://gws.example/api/v2/users/7a1c', 'users')).toBe(
      'https://gws.example/api/v2',
    );
  });

  it('is nothing for what is not such a URI', () => {
    for (const bad of [
      undefined,
      42,
      '',
      `/api/v2/${ENV}`,
      `javascript:alert(1)//x/api/v2/${ENV}`,
      `http:///api/v2/${ENV}`,
      'http://gws/api/v2/voice-environments/',
      `http://gws/api/v2/${ENV}/calls`,
      `http://gws/api/v2/${ENV}?x=1`,
      `http://gws/api/v2/devices/370ef5e6`,
      `http://gws/${'a/'.repeat(2_000)}api/v2/${ENV}`,
    ]) {
      expect(apiBaseOf(bad, 'voice-environments'), String(bad)).toBeUndefined();
    }
  });

  it('for a device URI: GWS’s own base, else the server signed in to', () => {
    expect(deviceApiBase(`https://gws.example/cti/api/v2/${ENV}`, 'http://10.0.0.5:8090')).toBe(
      'https://gws.example/cti/api/v2',
    );
    expect(deviceApiBase(undefined, 'http://10.0.0.5:8090/')).toBe('http://10.0.0.5:8090/api/v2');
    expect(deviceApiBase('not a uri', undefined)).toBeUndefined();
  });
});

import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { writeShippedConfigModule } from '../../../infra/bundling/shipped-config.ts';
import type { ServiceDeskConfig } from '../../../shared/config/config-schema.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';

describe('the configuration the functions carry, validated at synth', () => {
  it('loads as the same configuration that validation gives', async () => {
    const config = parseConfig(rawConfig);
    const shipped = (await import(pathToFileURL(writeShippedConfigModule(config)).href)) as { loadServiceDeskConfig: () => ServiceDeskConfig };
    expect(shipped.loadServiceDeskConfig()).toStrictEqual(config);
  });

  it('writes one file per configuration', () => {
    const config = parseConfig(rawConfig);
    expect(writeShippedConfigModule(config)).toBe(writeShippedConfigModule(structuredClone(config)));
    expect(writeShippedConfigModule({ ...config, ticketKeyPrefix: 'HD' })).not.toBe(writeShippedConfigModule(config));
  });

  it('refuses a configuration that would not survive as JSON', () => {
    const config = { ...parseConfig(rawConfig), defaultDesk: new Date(0) } as unknown as ServiceDeskConfig;
    expect(() => writeShippedConfigModule(config)).toThrow(/not plain JSON data/);
  });
});

import { devices } from './devices.js';
import { errorCodes } from './error-codes.js';
import { modules } from './modules.js';

/** Version of the JSON export's shape; bump when a field changes meaning. */
export const catalogFormatVersion = 1;

/** The whole catalogue as plain JSON data, for tools outside TypeScript (`catalog.json`). */
export function catalogJson(): unknown {
  return {
    $schema: '../../schemas/catalog.schema.json',
    formatVersion: catalogFormatVersion,
    devices,
    modules,
    errorCodes,
  };
}

/** The text of `catalog.json`, exactly as it is committed. */
export function catalogJsonText(): string {
  return `${JSON.stringify(catalogJson(), null, 2)}\n`;
}

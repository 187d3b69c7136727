import {serverFields} from './server-fields.js';
import {configTypes} from './setting-types.js';

/** The one format this program writes and reads. */
export const exportFormat = 'sanctum-config/1';

/** The schema's own id (an export names the file shipped with its install: docs/export.schema.json). */
const exportSchemaId = 'urn:sanctum-config:export-schema:1';

const nullable = (type: string) => ({type: [type, 'null']});

/**
 * The JSON Schema of an export (and so of what import takes), made from the
 * registries: the setting types, the server fields. Every object refuses a
 * field it does not know, so a misspelt `valeu` or `setings` is an error with
 * its JSON path, never a quiet no-op. docs/export.schema.json is this, written out
 * (a test fails when they differ).
 */
export function exportSchema(): Record<string, unknown> {
  const serverProperties: Record<string, unknown> = {
    id: {
      type: 'integer',
      minimum: 1,
      maximum: 9007199254740991,
      description: 'the server id on the box the file came from; import updates the server with this id',
    },
  };
  for (const spec of serverFields) {
    const base =
      spec.kind === 'integer'
        ? {type: ['integer', 'string'], description: `${spec.label} (a whole number; its text is taken too)`}
        : spec.clearable
          ? {...nullable('string'), description: spec.label}
          : {type: 'string', description: spec.label};
    serverProperties[spec.field] = spec.secret
      ? {...base, description: `${spec.label}: present only in an export made with --reveal; absent, import keeps the stored one`}
      : base;
  }
  serverProperties.active = {type: 'boolean', description: 'the active server (at most one)'};
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: exportSchemaId,
    title: `sanctum-config export (${exportFormat})`,
    description: 'Settings and Letta servers as sanctum-config export writes them and import applies them, all or nothing.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: {type: 'string', description: 'this schema, for editors'},
      format: {const: exportFormat},
      exported_at: {type: 'string', description: 'when, in ISO 8601 UTC (informational)'},
      settings: {type: 'array', items: {$ref: '#/definitions/setting'}},
      servers: {type: 'array', items: {$ref: '#/definitions/server'}},
      profiles: {type: 'array', items: {$ref: '#/definitions/profile'}},
      profile: {type: 'string', description: 'export --profile: the profile whose values these are (the file was not switched)'},
    },
    definitions: {
      setting: {
        type: 'object',
        additionalProperties: false,
        required: ['key'],
        properties: {
          key: {type: 'string', minLength: 1},
          type: {enum: [...configTypes], description: 'for a new setting; default string'},
          category: {type: 'string'},
          description: nullable('string'),
          sensitive: {type: 'boolean'},
          value: {
            type: ['string', 'number', 'boolean', 'null', 'object', 'array'],
            description:
              'stored text, or a typed value (5000, true; an object or array for a json setting); absent for a secret exported without --reveal: import keeps the stored one',
          },
        },
      },
      server: {type: 'object', additionalProperties: false, required: ['id'], properties: serverProperties},
      profile: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'},
          active: {type: 'boolean', description: 'the active profile when exported (informational: import never switches)'},
          values: {
            type: 'array',
            description: "the profile's own values; the rest come from the base",
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['key'],
              properties: {
                key: {type: 'string', minLength: 1},
                value: {type: ['string', 'number', 'boolean'], description: 'absent for a secret exported without --reveal: import keeps the stored one'},
              },
            },
          },
          server: {type: 'string', description: 'the name of the server active under this profile'},
        },
      },
    },
  };
}

import {readFileSync} from 'node:fs';
import {Ajv} from 'ajv';
import {describe, expect, it} from 'vitest';
import {exportSchema} from '../../src/repo/export-schema.js';
import {buildExport} from '../../src/repo/transfer.js';
import {schemaProblems} from '../../src/cli/import-validation.js';
import {openStore} from '../helpers/open-app.js';

describe('the export format, published as a JSON Schema', () => {
  it('docs/export.schema.json is the schema the registries make (npm run schema writes it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/export.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(exportSchema());
  });

  it('is a valid draft-07 schema that accepts every export, revealed or not', () => {
    const validate = new Ajv({strict: true, allowUnionTypes: true}).compile(exportSchema());
    const store = openStore((s) => {
      s.settings.set('openai_api_key', 'sk-1');
      s.settings.add({key: 'notes', type: 'json', value: '{"a":[1,2]}', category: 'general'});
      s.servers.add({address: '10.0.0.5', port: 8284, name: 'lab', password: 'pw', token: 'tok'});
    });
    for (const reveal of [false, true]) {
      const doc = {$schema: 'file:///x', ...buildExport(store, reveal)};
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('refuses every unknown field by its JSON path, and never quotes a value', () => {
    expect(schemaProblems({setings: []})).toEqual(['/: unknown field "setings"']);
    expect(schemaProblems({settings: [{key: 'a', valeu: 'sk-secret'}]})).toEqual(['/settings/0: unknown field "valeu"']);
    expect(schemaProblems({servers: [{id: 1, colour: 'red'}]})).toEqual(['/servers/0: unknown field "colour"']);
    expect(schemaProblems({format: 'other/2'})).toEqual(['/format: must be "sanctum-config/1"']);
    expect(schemaProblems({settings: [{key: 'a', type: 'float'}]})[0]).toMatch(/^\/settings\/0\/type: must be one of string, /);
    expect(schemaProblems({servers: [{id: 0}]})).toEqual(['/servers/0/id: must be >= 1']);
    expect(schemaProblems({settings: [{key: 'a', value: 'x', extra: 'sk-secret'}]}).join()).not.toContain('sk-secret');
  });
});

// Reads a JSON array of values on stdin and writes, as a JSON array, each value as the editors'
// form (Sveltia CMS 0.221) writes a YAML data file: the `yaml` library with the form's options.
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';

const FORM_OPTIONS = {
  indent: 2, indentSeq: true, lineWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN', singleQuote: true,
};
const values = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(values.map((value) => `${stringify(value, null, FORM_OPTIONS).trim()}\n`)));

import { readFileSync } from 'node:fs';
import { sourceFile } from '../../../shared/code-location.js';

// The theme lives in src/web/assets/site.css (easy to edit); it is read once at start, comments
// and indentation removed, and inlined into every page.
const source = readFileSync(sourceFile('web/assets/site.css'), 'utf8');

export const SITE_CSS = source
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s*\n\s*/g, '')
  .replace(/\s*([{};:,>])\s*/g, '$1')
  .replace(/;}/g, '}')
  .trim();

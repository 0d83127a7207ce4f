import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const importPattern = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Repository paths (relative, with .ts) of the relative imports of one file. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(importPattern)].map((m) =>
    path.normalize(path.join(path.dirname(file), m[1]!)).replace(/\.js$/, '.ts'),
  );
}

const ruleFramework = ['types.ts', 'findings.ts', 'reasons.ts'].map((f) => path.join('webhooks/rules', f));

function familyOf(file: string): string | undefined {
  const parts = file.split(path.sep);
  return parts[0] === 'webhooks' && parts[1] === 'rules' && parts.length > 3 ? parts[2] : undefined;
}

function functionOf(file: string): string | undefined {
  const parts = file.split(path.sep);
  return parts[0] === 'functions' && parts.length > 2 && parts[1] !== 'runtime' ? parts[1] : undefined;
}

function edges(dirs: string[]): [string, string][] {
  return dirs
    .flatMap(sourceFiles)
    .flatMap((file) => importsOf(file).map((target) => [file, target] as [string, string]));
}

describe('import boundaries', () => {
  it('shared/ imports neither webhooks/, functions/ nor cli/', () => {
    const crossing = edges(['shared']).filter(([, target]) => !target.startsWith(`shared${path.sep}`));
    expect(crossing).toEqual([]);
  });

  it('a rule family imports only shared/, itself and the rule framework', () => {
    const crossing = edges(['webhooks/rules']).filter(([file, target]) => {
      const family = familyOf(file);
      if (!family) return false;
      return !(
        target.startsWith(`shared${path.sep}`) ||
        familyOf(target) === family ||
        ruleFramework.includes(target)
      );
    });
    expect(crossing).toEqual([]);
  });

  it('a function imports only shared/, the functions runtime and itself', () => {
    const crossing = edges(['functions']).filter(([file, target]) => {
      const fn = functionOf(file);
      if (!fn) return false;
      return !(
        target.startsWith(`shared${path.sep}`) ||
        target.startsWith(path.join('functions', 'runtime') + path.sep) ||
        functionOf(target) === fn
      );
    });
    expect(crossing).toEqual([]);
  });
});

describe('one way to read an object', () => {
  const code = ['shared', 'webhooks', 'functions', 'cli'].flatMap(sourceFiles);

  it('no object is cast with `as unknown as`', () => {
    const casts = code.filter((file) =>
      readFileSync(path.join(root, file), 'utf8').includes('as unknown as'),
    );
    expect(casts).toEqual([]);
  });

  it('product code never imports test support (where the readers of raw upstream data live)', () => {
    const users = code.filter((file) =>
      importsOf(file).some((target) => target.startsWith(`test${path.sep}`)),
    );
    expect(users).toEqual([]);
  });
});

// The notices of every package bundled into dist/ (their licence texts, which the bundles do not carry):
// written to dist/THIRD-PARTY-NOTICES.txt from the bundles' metafiles, so the list follows what is bundled.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const licenceFile = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

/** The package directories (node_modules/NAME or node_modules/@SCOPE/NAME) the bundles took code from. */
function bundledPackages(root, metafiles) {
  const dirs = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) dirs.add(join(root, match[1]));
    }
  }
  return [...dirs].sort();
}

export function writeNotices(root, metafiles, outFile) {
  const sections = [];
  for (const dir of bundledPackages(root, metafiles)) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => licenceFile.test(f))
          .sort()
      : [];
    if (!files.length && !pkg.license) throw new Error(`${pkg.name} is bundled and says no licence: it cannot be shipped`);
    const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
    const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    // A package that ships no licence file is named with what its package.json says.
    const texts = files.length
      ? files.map((f) => readFileSync(join(dir, f), 'utf8').trim()).join('\n\n')
      : `The package ships no licence file. Its package.json says: license ${pkg.license}${author ? `; author ${author}` : ''}${repository ? `; repository ${repository}` : ''}.`;
    sections.push(`${pkg.name} ${pkg.version} (${pkg.license ?? 'see below'})\n\n${texts}`);
  }
  const header = 'sanctum-config bundles the following packages into dist/*.cjs. Their licences and notices follow, each as the package ships it.\n';
  writeFileSync(outFile, `${header}\n${sections.map((s) => `${'='.repeat(78)}\n${s}\n`).join('\n')}`);
  return sections.length;
}

import fs from 'node:fs/promises';
import path from 'node:path';
import * as sass from 'sass';

/** Compiles the stylesheet with the service's own font stack into public/build/. */
const root = process.cwd();
const out = path.join(root, 'public', 'build');
await fs.mkdir(out, { recursive: true });
const result = sass.compile(path.join(root, 'src/views/styles/application.scss'), {
  loadPaths: [path.join(root, 'node_modules/govuk-frontend/dist')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
await fs.writeFile(path.join(out, 'application.css'), result.css);
for (const file of ['app.js', 'favicon.svg']) {
  await fs.copyFile(path.join(root, 'public', file), path.join(out, file));
}
console.log(
  `Built ${path.relative(root, out)}/application.css (${Math.round(result.css.length / 1024)} KiB)`,
);

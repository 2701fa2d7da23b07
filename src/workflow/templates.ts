// The files `bulletin init` copies, in the package's templates/init/.
import { join } from 'node:path';
import { packageRoot } from '../io/package-root.js';

export function initTemplateDir(): string {
  return join(packageRoot(), 'templates', 'init');
}

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

/**
 * Writes `name.br` and `name.gz` beside every compressible file of the build, at the highest levels: the gateway
 * sends them as they are (gateway/src/main/java/io/goftgu/gateway/web/WebBundle.java), so no request pays for
 * compression and every one gets the smallest body.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'goftgu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const files = [...Object.keys(bundle), 'index.html'].filter((name, i, all) =>
        COMPRESSIBLE.test(name) && all.indexOf(name) === i);
      await Promise.all(files.map(async (name) => {
        const path = join(outDir, name);
        const content = await readFile(path).catch(() => null);
        if (content === null) return;
        await writeFile(`${path}.br`, await brotli(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        }));
        await writeFile(`${path}.gz`, await gz(content, { level: constants.Z_BEST_COMPRESSION }));
      }));
    },
  };
}

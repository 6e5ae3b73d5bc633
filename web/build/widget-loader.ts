import { readFile } from 'node:fs/promises';
import { transformWithEsbuild, type Plugin } from 'vite';

/**
 * Builds `widget/loader.ts` into `widget.js` at the root of the bundle: one plain, minified script (an IIFE, no
 * imports, no module syntax), because other web sites load it by a fixed URL with a classic
 * `<script src=".../widget.js" data-workspace="…" async>`. Not content-hashed; the gateway serves it `no-cache`
 * with an ETag (gateway/src/main/java/io/goftgu/gateway/web/WebBundle.java). Emitted into the bundle, so the
 * precompress plugin writes its .br and .gz too.
 */
export function widgetLoader(source: string): Plugin {
  return {
    name: 'goftgu-widget-loader',
    apply: 'build',
    async generateBundle() {
      const code = await readFile(source, 'utf8');
      const out = await transformWithEsbuild(code, source, {
        loader: 'ts',
        format: 'iife',
        minify: true,
        target: 'es2017',
        legalComments: 'none',
      });
      this.emitFile({ type: 'asset', fileName: 'widget.js', source: out.code });
    },
  };
}

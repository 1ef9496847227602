/**
 * Builds the task pane into dist/ (after the Office add-in React/TypeScript template).
 *
 *   webpack --mode production          dist/: taskpane.html + bundle, assets/, manifest.xml
 *   webpack serve --mode development   the same on https://localhost:3000 for sideloading
 *                                      (add `--env selfsigned` to skip office-addin-dev-certs)
 *   webpack --mode production --env test
 *                                      dist-test/fake-office.js: the fake Office/Excel the
 *                                      browser test serves in place of office.js (fake-et.js:
 *                                      the fake ET, window.Application for the WPS build). A separate
 *                                      config so the production bundle can never contain it.
 *                                      reference.html: the template-like page firstPaint.test.ts
 *                                      weighs the pane's first paint against.
 *   webpack --mode production --env wps
 *                                      dist-wps/keytask_<version>/: the pane for WPS 表格 (its host
 *                                      modules swapped for src/taskpane/wps/*, built for an older
 *                                      Chromium) with the add-in's ribbon.xml, main.js, index.html;
 *                                      scripts/wpsPackage.js adds jsplugins.xml and publish.html.
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const URL_DEV = 'https://localhost:3000/';
/** Where the production pane is hosted; the copied manifest points there when it is set. */
const URL_PROD = process.env.KEYTASK_URL_PROD;

function tsRule() {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: {
        // Type errors in files another bundle (or a half-written neighbour) owns must not fail
        // this build; `npm run typecheck` covers the whole project.
        onlyCompileBundledFiles: true,
        // ES modules let webpack drop the unused parts of Fluent UI; tsconfig keeps commonjs for node.
        compilerOptions: { module: 'es2020' },
      },
    },
  };
}

const resolve = { extensions: ['.ts', '.tsx', '.js', '.json'] };

/**
 * One JSZip in the pane. ExcelJS's browser build (its package.json "browser" field:
 * dist/exceljs.min.js) is a prebuilt bundle with its own JSZip and core-js polyfills, some 940 kB
 * beside the jszip that fastRead (zipPackage.ts) and mammoth share. Built from its source instead
 * (exceljs.bare.js: the Workbook without polyfills), ExcelJS requires that same jszip; what its
 * source takes from Node is stood in for here. Pane and WPS builds only: the CLI runs on Node
 * and requires exceljs as it is.
 */
function browserNode() {
  return {
    alias: {
      exceljs$: path.resolve(__dirname, 'node_modules/exceljs/lib/exceljs.bare.js'),
      // Its CSV reader and writer: required by the Workbook, used only through `workbook.csv`.
      'fast-csv': false,
    },
    // Only ExcelJS's file and encryption paths reach these; reading a buffer does not. Its
    // `buffer` and `events` are the npm packages of those names (node_modules has them), its
    // streams readable-stream's.
    fallback: { fs: false, crypto: false },
    plugins: [
      // ExcelJS and readable-stream use Node's Buffer and process.nextTick; jszip offers ExcelJS
      // its 'nodebuffer' output only where it sees a Buffer when it loads.
      new ProvideOnlyIn(/[\\/]node_modules[\\/](exceljs|readable-stream|jszip)[\\/]/, {
        Buffer: ['buffer', 'Buffer'],
        process: path.resolve(__dirname, 'src/hosts/xlsx/browser/process.ts'),
      }),
    ],
  };
}

/**
 * webpack's ProvidePlugin for the modules `include` matches only. Elsewhere the names stay the
 * page's own globals: src/hosts/docx/docxText.ts hands mammoth an ArrayBuffer where there is no
 * Buffer, and the bulletin's docx writer need not load a Buffer it does not use.
 */
class ProvideOnlyIn {
  constructor(include, definitions) {
    Object.assign(this, { include, definitions });
  }

  apply(compiler) {
    new compiler.webpack.ProvidePlugin(this.definitions).apply(compiler);
    const tap = { name: 'ProvideOnlyIn', stage: -100 };
    compiler.hooks.compilation.tap(tap.name, (compilation, { normalModuleFactory }) => {
      const outside = (parser) => !this.include.test(parser.state.module.resource || '');
      const handler = (parser) => {
        for (const name of Object.keys(this.definitions)) {
          // Taken here, before ProvidePlugin's taps, a name outside is left as it is written.
          parser.hooks.expression.for(name).tap(tap, () => (outside(parser) ? true : undefined));
          parser.hooks.call.for(name).tap(tap, (expr) => {
            if (!outside(parser)) return undefined;
            parser.walkExpressions(expr.arguments);
            return true;
          });
        }
      };
      for (const type of ['javascript/auto', 'javascript/dynamic', 'javascript/esm']) {
        normalModuleFactory.hooks.parser.for(type).tap(tap.name, handler);
      }
    });
  }
}

/**
 * Dev certificates are only needed (and only created, which may prompt) when serving;
 * without office-addin-dev-certs the dev server falls back to its own self-signed one.
 */
async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca, key, cert } };
  } catch (err) {
    console.warn(`office-addin-dev-certs unavailable (${err && err.message}); using a self-signed certificate`);
    return 'https';
  }
}

function testConfig(options) {
  return {
    name: 'test',
    mode: options.mode || 'production',
    devtool: false,
    target: 'web',
    entry: {
      'fake-office': './test/browser/fakeOffice.ts',
      'fake-et': './test/browser/fakeEt.ts',
      reference: './test/browser/reference/index.tsx',
    },
    output: { path: path.resolve(__dirname, 'dist-test'), filename: '[name].js', clean: true },
    resolve,
    module: { rules: [tsRule()] },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'reference.html', template: './test/browser/reference/reference.html', chunks: ['reference'] }),
    ],
    // The reference page (firstPaint.test.ts) stands for the template as it ships, so it is built
    // as production builds are even in development mode: minimised, and tree-shaken — without
    // usedExports and sideEffects it kept all of Fluent UI (2.2 MB, not 258 kB) and the pane
    // looked faster beside it than it is.
    optimization: { nodeEnv: 'production', minimize: true, usedExports: true, sideEffects: true, concatenateModules: true },
    performance: { hints: false },
  };
}

/**
 * WPS's embedded Chromium is older than current browsers and its version is not documented where
 * we looked. keytask's code needs Chromium 73 at least without polyfills (String.matchAll and
 * Object.fromEntries arrived in 73; the importer's regular expressions look behind, 62), so the
 * WPS pane is compiled down to ES2019, the syntax Chromium 73 runs: keytask's code by ts-loader's
 * target, the packages' code (React, Fluent UI ship newer syntax such as `?.`) by TypeScript
 * transpiling their JavaScript too, and webpack's own runtime by the target below.
 */
const WPS_TARGET = 'es2019';

/** The Excel host modules the pane imports, and the WPS stand-ins that replace them in the WPS build. */
const WPS_SWAP = /[\\/]hosts[\\/]excel[\\/](generate|validate|rollup|marks|diagnostics|fillStatus|nextPeriod|bulletin)$/;

function wpsConfig(options) {
  const webpack = require('webpack');
  const { version } = require('./package.json');
  const out = path.resolve(__dirname, 'dist-wps', `keytask_${version}`);
  const node = browserNode();
  return {
    name: 'wps',
    mode: options.mode || 'production',
    devtool: false,
    target: ['web', WPS_TARGET],
    entry: { taskpane: './src/taskpane/wps/index.tsx' },
    output: { path: out, filename: '[name].js', clean: true },
    resolve: { ...resolve, alias: node.alias, fallback: node.fallback },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { onlyCompileBundledFiles: true, compilerOptions: { module: 'es2020', target: WPS_TARGET } },
          },
        },
        {
          test: /\.m?js$/,
          include: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { allowJs: true, checkJs: false, module: 'es2020', target: WPS_TARGET, sourceMap: false },
            },
          },
        },
      ],
    },
    plugins: [
      ...node.plugins,
      new webpack.NormalModuleReplacementPlugin(WPS_SWAP, (resource) => {
        const [, name] = WPS_SWAP.exec(resource.request);
        resource.request = path.resolve(__dirname, 'src/taskpane/wps', name);
      }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './wps/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'wps/ribbon.xml', to: '[name][ext]' },
          { from: 'wps/main.js', to: '[name][ext]' },
          { from: 'wps/index.html', to: '[name][ext]' },
        ],
      }),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env, options) => {
  if (env && env.test) return testConfig(options);
  if (env && env.wps) return wpsConfig(options);
  const dev = options.mode === 'development';
  const node = browserNode();
  return {
    name: 'pane',
    devtool: 'source-map',
    target: 'web',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
    resolve: { ...resolve, alias: node.alias, fallback: node.fallback },
    module: { rules: [tsRule()] },
    plugins: [
      ...node.plugins,
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: '[name][ext]',
            transform(content) {
              return dev || !URL_PROD ? content : content.toString().replaceAll(URL_DEV, URL_PROD.replace(/\/?$/, '/'));
            },
          },
        ],
      }),
    ],
    // React + Fluent UI v9 come to ~600 kB minified. The pane loads once per session from the
    // add-in's own host and is cached by Office, so webpack's 244 kB web-page budget does not
    // apply; the limit still catches an accidental doubling (a second React, the fake Office).
    performance: { hints: dev ? false : 'warning', maxAssetSize: 1_200_000, maxEntrypointSize: 1_200_000 },
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      // `--env selfsigned` skips the dev CA (which installs itself into the system store).
      server: env && env.WEBPACK_SERVE && !env.selfsigned ? await httpsOptions() : 'https',
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
};

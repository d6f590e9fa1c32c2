// Runs TF.js graph models (pure-JS CPU backend) and ONNX models (onnxruntime-node) on raw input files.
//
//   node run_models.js jobs.json
//
// jobs.json: {"jobs": [{"id", "tfjs": model.json, "onnx": model.onnx (either may be left out), "out_dir",
//   "inputs": [{"tf", "onnx", "dtype", "shape", "file"}], "outputs": [{"tf", "onnx"}]}],
//   "ort_optimization": "all" | "disabled" (optional)}
// Each output is written raw (little-endian) to out_dir/ID.RUNTIME.K.bin; out_dir/ID.json lists them.
// Both packages come from the scratch folder named by NODE_PATH; nothing is fetched here.

'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const ort = require('onnxruntime-node');

const ARRAYS = { float32: Float32Array, int32: Int32Array, int64: BigInt64Array, bool: Uint8Array };

function readTyped(file, dtype) {
  const bytes = fs.readFileSync(file);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new ARRAYS[dtype](copy.buffer);
}

function writeTyped(file, data) {
  fs.writeFileSync(file, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

async function loadTfjs(modelJson) {
  const doc = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
  const folder = path.dirname(modelJson);
  const specs = [];
  const shards = [];
  for (const group of doc.weightsManifest || []) {
    specs.push(...group.weights);
    for (const p of group.paths) shards.push(fs.readFileSync(path.join(folder, p)));
  }
  const all = Buffer.concat(shards);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const handler = {
    load: async () => ({
      modelTopology: doc.modelTopology, weightSpecs: specs, weightData, format: doc.format,
      generatedBy: doc.generatedBy, convertedBy: doc.convertedBy, signature: doc.signature,
    }),
  };
  return tf.loadGraphModel(handler);
}

function cached(map, key, make) {
  if (!map.has(key)) map.set(key, make(key));
  return map.get(key);
}

async function runTfjs(model, job) {
  const feeds = {};
  for (const input of job.inputs) {
    feeds[input.tf] = tf.tensor(readTyped(input.file, input.dtype), input.shape, input.dtype);
  }
  const names = job.outputs.map((o) => o.tf);
  const start = Date.now();
  let results = model.execute(feeds, names);
  if (!Array.isArray(results)) results = [results];
  const outs = [];
  for (const t of results) {
    // a widening cast can keep the source's typed array: store the values as the declared dtype
    let data = await t.data();
    if (!(data instanceof ARRAYS[t.dtype])) data = ARRAYS[t.dtype].from(data);
    outs.push({ dtype: t.dtype, shape: t.shape, data });
  }
  const ms = Date.now() - start;
  tf.dispose([...Object.values(feeds), ...results]);
  return { outs, ms };
}

async function runOrt(session, job) {
  const feeds = {};
  for (const input of job.inputs) {
    feeds[input.onnx || input.tf] = new ort.Tensor(input.dtype, readTyped(input.file, input.dtype), input.shape);
  }
  const start = Date.now();
  const results = await session.run(feeds);
  const ms = Date.now() - start;
  const outs = job.outputs.map((o) => {
    const t = results[o.onnx || o.tf];
    if (!t) throw new Error(`${job.id}: ONNX output '${o.onnx || o.tf}' missing`);
    return { dtype: t.type, shape: t.dims, data: t.data };
  });
  return { outs, ms };
}

async function main() {
  const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  tf.enableProdMode(); // only skips debug checks and warnings (the "install tfjs-node" banner)
  await tf.setBackend('cpu');
  const tfjsModels = new Map();
  const sessions = new Map();
  const options = { graphOptimizationLevel: config.ort_optimization || 'all' };
  for (const job of config.jobs) {
    fs.mkdirSync(job.out_dir, { recursive: true });
    const report = { id: job.id, tf_version: tf.version.tfjs, runtimes: {} };
    const runs = [];
    if (job.tfjs) runs.push(['tfjs', async () => runTfjs(await cached(tfjsModels, job.tfjs, loadTfjs), job)]);
    if (job.onnx) {
      report.ort_version = require('onnxruntime-node/package.json').version;
      runs.push(['ort', async () => runOrt(await cached(sessions, job.onnx,
        (p) => ort.InferenceSession.create(p, options)), job)]);
    }
    for (const [runtime, run] of runs) {
      const { outs, ms } = await run();
      report.runtimes[runtime] = {
        ms,
        outputs: outs.map((o, k) => {
          const file = path.join(job.out_dir, `${job.id}.${runtime}.${k}.bin`);
          writeTyped(file, o.data);
          return { dtype: o.dtype, shape: Array.from(o.shape, Number), file };
        }),
      };
    }
    fs.writeFileSync(path.join(job.out_dir, `${job.id}.json`), JSON.stringify(report, null, 1));
    console.log(`${job.id}: ${Object.entries(report.runtimes).map(([r, v]) => `${r} ${v.ms} ms`).join(', ')}`);
  }
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});

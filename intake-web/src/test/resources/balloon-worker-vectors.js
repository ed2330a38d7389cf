// Runs the browser's proof-of-work worker, unchanged, under node: prints one hex digest a line for each known-answer
// vector (the worker's balloon function), then the digest its 'check' message answers for the last vector's password.
'use strict';
const fs = require('fs');
const vm = require('vm');

const [workerFile, vectorsFile] = process.argv.slice(2);
const answers = [];
const context = vm.createContext({ self: { postMessage: (message) => answers.push(message) }, TextEncoder });
vm.runInContext(fs.readFileSync(workerFile, 'utf8'), context, { filename: workerFile });

const encoder = new TextEncoder();
const hex = (bytes) => Buffer.from(bytes).toString('hex');
const vectors = JSON.parse(fs.readFileSync(vectorsFile, 'utf8')).vectors;
for (const v of vectors) {
  console.log(hex(context.balloon(encoder.encode(v.password), encoder.encode(v.salt), v.space, v.time, v.delta)));
}
context.self.onmessage({ data: { check: vectors[vectors.length - 1].password } });
console.log(answers[0].digest);

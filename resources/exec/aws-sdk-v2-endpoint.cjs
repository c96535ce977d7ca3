// Loaded by `nimbus exec` (NODE_OPTIONS=--require) into the learner's Node.js programs: aws-sdk v2
// ignores AWS_ENDPOINT_URL, so when the program loads it, its global configuration is pointed at the
// lab's endpoint (path-style S3 addressing, which works for every bucket name). Nothing else changes.
'use strict';
const Module = require('node:module');

const endpoint = process.env.AWS_ENDPOINT_URL;
const load = Module._load;
Module._load = function nimbusLoad(request, parent, isMain) {
  const loaded = load.call(this, request, parent, isMain);
  if (endpoint && request === 'aws-sdk' && loaded && loaded.config && !loaded.__nimbusLab) {
    loaded.config.update({ endpoint, s3ForcePathStyle: true, ...(process.env.AWS_REGION ? { region: process.env.AWS_REGION } : {}) });
    Object.defineProperty(loaded, '__nimbusLab', { value: true });
  }
  return loaded;
};

// Solves the tip's proof of work off the page's thread: BalloonHash (SHA-256) exactly as BalloonHash.java computes it.
'use strict';

var K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);
var W = new Int32Array(64);

function sha256(parts) {
  var length = 0;
  for (var p = 0; p < parts.length; p++) { length += parts[p].length; }
  var padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
  var offset = 0;
  for (var q = 0; q < parts.length; q++) { padded.set(parts[q], offset); offset += parts[q].length; }
  padded[length] = 0x80;
  var bits = length * 8;
  padded[padded.length - 4] = (bits >>> 24) & 0xff;
  padded[padded.length - 3] = (bits >>> 16) & 0xff;
  padded[padded.length - 2] = (bits >>> 8) & 0xff;
  padded[padded.length - 1] = bits & 0xff;
  var h0 = 0x6a09e667, h1 = 0xbb67ae85 | 0, h2 = 0x3c6ef372, h3 = 0xa54ff53a | 0,
      h4 = 0x510e527f, h5 = 0x9b05688c | 0, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
  for (var block = 0; block < padded.length; block += 64) {
    for (var i = 0; i < 16; i++) {
      var j = block + i * 4;
      W[i] = (padded[j] << 24) | (padded[j + 1] << 16) | (padded[j + 2] << 8) | padded[j + 3];
    }
    for (i = 16; i < 64; i++) {
      var w15 = W[i - 15], w2 = W[i - 2];
      var s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      var s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (i = 0; i < 64; i++) {
      var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      var ch = (e & f) ^ (~e & g);
      var t1 = (h + S1 + ch + K[i] + W[i]) | 0;
      var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      var maj = (a & b) ^ (a & c) ^ (b & c);
      var t2 = (S0 + maj) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  var out = new Uint8Array(32);
  var hs = [h0, h1, h2, h3, h4, h5, h6, h7];
  for (i = 0; i < 8; i++) {
    out[i * 4] = (hs[i] >>> 24) & 0xff;
    out[i * 4 + 1] = (hs[i] >>> 16) & 0xff;
    out[i * 4 + 2] = (hs[i] >>> 8) & 0xff;
    out[i * 4 + 3] = hs[i] & 0xff;
  }
  return out;
}

function le(value) {
  var out = new Uint8Array(8);
  for (var i = 0; i < 8; i++) { out[i] = value % 256; value = Math.floor(value / 256); }
  return out;
}

function balloon(password, salt, space, time, delta) {
  var blocks = new Array(space);
  var counter = 0;
  blocks[0] = sha256([le(counter++), password, salt]);
  for (var m = 1; m < space; m++) { blocks[m] = sha256([le(counter++), blocks[m - 1]]); }
  for (var t = 0; t < time; t++) {
    for (m = 0; m < space; m++) {
      var previous = blocks[(m - 1 + space) % space];
      blocks[m] = sha256([le(counter++), previous, blocks[m]]);
      for (var i = 0; i < delta; i++) {
        var indexBlock = sha256([le(t), le(m), le(i)]);
        var pick = sha256([le(counter++), salt, indexBlock]);
        var other = (((pick[0] << 24) | (pick[1] << 16) | (pick[2] << 8) | pick[3]) >>> 0) & (space - 1);
        blocks[m] = sha256([le(counter++), blocks[m], blocks[other]]);
      }
    }
  }
  return blocks[space - 1];
}

function leadingZeroBits(digest) {
  var bits = 0;
  for (var i = 0; i < digest.length; i++) {
    if (digest[i] === 0) { bits += 8; continue; }
    return bits + Math.clz32(digest[i]) - 24;
  }
  return bits;
}

self.onmessage = function (event) {
  var task = event.data;
  var encoder = new TextEncoder();
  var salt = encoder.encode('tipline/proof-of-work/v1');
  if (task.check !== undefined) {
    // Used by the browser test to compare this code with the server's, byte for byte.
    var digest = balloon(encoder.encode(task.check), salt, 4096, 1, 3);
    self.postMessage({ digest: Array.prototype.map.call(digest, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('') });
    return;
  }
  for (var nonce = 0; ; nonce++) {
    var input = encoder.encode(task.challenge + '|' + task.token + '|' + nonce);
    if (leadingZeroBits(balloon(input, salt, 4096, 1, 3)) >= task.difficulty) {
      self.postMessage({ nonce: String(nonce) });
      return;
    }
  }
};

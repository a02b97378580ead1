// Runs search.js under Node for parity tests and the benchmark.
//   node node-driver.js SEARCH_JS tokenize IN.json OUT.json       IN: ["text", …] → [[[term,pos,start,end], …], …]
//   node node-driver.js SEARCH_JS parse IN.json OUT.json [DATA_DIR]  IN: ["query", …] → [{words, excluded, groups,
//        suggestions}, …] (each word [text, [[[term, offset], …] per phrase]]); the lexicon of DATA_DIR/meta.json
//   node node-driver.js SEARCH_JS search DATA_DIR IN.json OUT.json [LIMIT]
//        IN: [{q, year?, dept?, cat?, min?, max?}, …] → [{total, hits:[[doc, score], …], requests, bytes, files, ms,
//        postings (bytes of the query's postings read whole)}, …]
//        each query on a cold engine (fresh caches), and timed as a later query of one page session (warm).
//   node node-driver.js SEARCH_JS bounds DATA_DIR IN.json OUT.json  window score bounds against exact window scores
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const S = require(path.resolve(process.argv[2]));
const mode = process.argv[3];

if (mode === 'tokenize') {
  const input = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));
  const out = input.map(t => S.tokenize(t).map(x => [x.term, x.position, x.start, x.end]));
  fs.writeFileSync(process.argv[5], JSON.stringify(out));
} else if (mode === 'parse') {
  const input = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));
  const lex = process.argv[6]
    ? new S.Lexicon(JSON.parse(fs.readFileSync(path.join(process.argv[6], 'meta.json'), 'utf8')).lexicon) : undefined;
  const words = ws => ws.map(w => [w.text, w.alts.map(a => a.clauses.map(c => [c.term, c.offset]))]);
  const out = input.map(q => {
    const p = S.parseQuery(q, lex);
    const segments = lex ? Array.from(q).every(c => /\p{Script=Han}/u.test(c)) ? lex.segment(q) : null : null;
    return { words: words(p.words), excluded: words(p.excluded),
      groups: p.groups.map(g => [words([g.phrase])[0], g.members]), segments,
      suggestions: lex ? p.words.map(w => lex.suggest(w.text)) : null };
  });
  fs.writeFileSync(process.argv[5], JSON.stringify(out));
} else if (mode === 'search') {
  const dataDir = process.argv[4];
  const input = JSON.parse(fs.readFileSync(process.argv[5], 'utf8'));
  const limit = parseInt(process.argv[7] || '10', 10);
  // bytes as a static host serves them: JSON gzip-compressed, binary files and ranges as they are.
  // GONGKAI_RANGES=single: a host without multi-range support (one request per range)
  const multi = process.env.GONGKAI_RANGES !== 'single';
  const readRange = (p, range) => { // just the range, as a server would send it
    const fd = fs.openSync(path.join(dataDir, p), 'r');
    try {
      const buf = Buffer.alloc(range[1] - range[0]);
      return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, range[0]));
    } finally { fs.closeSync(fd); }
  };
  const toArrayBuffer = (buf) => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
  // one multi-range request: its bytes are the multipart/byteranges body as nginx writes it
  const loadRanges = (log) => (p, ranges) => {
    const size = fs.statSync(path.join(dataDir, p)).size, boundary = '00000000000000000001';
    const parts = ranges.map(r => readRange(p, r));
    let raw = ('\r\n--' + boundary + '--\r\n').length;
    ranges.forEach(r => {
      raw += ('\r\n--' + boundary + '\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ' + r[0] + '-' +
        (r[1] - 1) + '/' + size + '\r\n\r\n').length + (r[1] - r[0]);
    });
    log.push({ path: p, range: ranges, raw: raw, gz: raw });
    return Promise.resolve(parts.map(toArrayBuffer));
  };
  // GONGKAI_WHOLE_BYTES: fetch a query's postings whole only up to this many bytes (tests force the windowed path)
  const wholeBytes = process.env.GONGKAI_WHOLE_BYTES;
  const makeEngine = (log) => withLimits(new S.Engine((p, kind, range) => {
    let buf;
    if (range) {
      buf = readRange(p, range);
    } else {
      buf = fs.readFileSync(path.join(dataDir, p));
    }
    log.push({ path: p, range: range || null, raw: buf.length,
      gz: kind === 'bin' ? buf.length : zlib.gzipSync(buf, { level: 9 }).length });
    return Promise.resolve(kind === 'bin' ? toArrayBuffer(buf) : JSON.parse(buf.toString('utf8')));
  }, multi ? loadRanges(log) : null));
  const withLimits = (engine) => {
    if (wholeBytes !== undefined) { engine.wholeQueryBytes = +wholeBytes; engine.wholeTermBytes = +wholeBytes; }
    return engine;
  };
  (async () => {
    const out = [];
    let warmLog = [];
    const warmEngine = makeEngine({ push: (x) => warmLog.push(x) });
    // a page session where earlier queries ran: meta loaded, search.js's code paths compiled by the JIT (queries
    // outside the benchmark set, so none of its own postings are cached)
    if (input.length) {
      await warmEngine.run({ q: input[input.length - 1].q });
      await warmEngine.run({ q: '项目 指标' });
      await warmEngine.run({ q: '环境' });
    }
    for (const params of input) {
      const log = [];
      const engine = makeEngine(log);
      const t0 = process.hrtime.bigint();
      const res = await engine.run(params);
      const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const files = log.slice(), requests = engine.requests; // the page's own fetches, not the parity ones below
      // every hit, not just one page, for ranking parity: recompute from the engine's internal search
      const parsed = await engine.parse(params.q), hits = S.top(await engine.search(parsed), limit);
      const postings = await engine.querySize(parsed); // what reading the query whole would read
      // warm: a later query in the same page session (meta and earlier shards cached, this query's new)
      warmLog = [];
      const t1 = process.hrtime.bigint();
      await warmEngine.run(params);
      const warmMs = Number(process.hrtime.bigint() - t1) / 1e6;
      out.push({
        q: params.q, total: res.total, exact: res.exact, page: res.page, pages: res.pages,
        pageHits: res.results.map(r => [r.doc, r.title, r.url, r.score]),
        hits: hits.map(h => [h.doc, h.score]), requests, files, warmFiles: warmLog, postings,
        atLeast: !!res.atLeast, verbatim: !!res.verbatim, facets: res.facets, unbudgeted: res.unbudgeted, suggestion: res.suggestion === undefined ? null : res.suggestion,
        coldMs, warmMs
      });
    }
    fs.writeFileSync(process.argv[6], JSON.stringify(out));
  })().catch(e => { console.error(e); process.exit(1); });
} else if (mode === 'bounds') {
  // node node-driver.js SEARCH_JS bounds DATA_DIR IN.json OUT.json   IN: ["query", …] →
  //   [[[window, bound, best exact score, lowest matching doc, matches], …], …]
  const dataDir = process.argv[4];
  const input = JSON.parse(fs.readFileSync(process.argv[5], 'utf8'));
  const read = (p, r) => {
    if (!r) return fs.readFileSync(path.join(dataDir, p));
    const fd = fs.openSync(path.join(dataDir, p), 'r');
    try {
      const buf = Buffer.alloc(r[1] - r[0]);
      return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, r[0]));
    } finally { fs.closeSync(fd); }
  };
  const ab = (b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
  (async () => {
    const out = [];
    for (const q of input) {
      const engine = new S.Engine((p, kind, range) =>
        Promise.resolve(kind === 'bin' ? ab(read(p, range)) : JSON.parse(read(p).toString('utf8'))));
      await engine.meta();
      const query = await engine.parse(q), qt = await engine.resolve(query);
      if (!qt) { out.push([]); continue; }
      const es = qt.terms.map(t => qt.entries.get(t));
      const tabOf = S.tableMap(qt, await engine.tables(qt.terms, es, 0, t => qt.pos.get(t)));
      const ids = S.candidateWindows(query, tabOf), rows = [];
      for (const c of engine.windowBounds(query, qt, tabOf, ids)) {
        const r = await engine.evalWindows(query, qt, [c.id], tabOf);
        let best = -Infinity, low = -1;
        for (let i = 0; i < r.docs.length; i++) {
          best = Math.max(best, r.scores[i]);
          if (low < 0 || r.docs[i] < low) low = r.docs[i];
        }
        rows.push([c.id, c.bound, r.docs.length ? best : null, low, r.docs.length]);
      }
      out.push(rows);
    }
    fs.writeFileSync(process.argv[6], JSON.stringify(out));
  })().catch(e => { console.error(e); process.exit(1); });
} else {
  console.error('unknown mode ' + mode);
  process.exit(2);
}

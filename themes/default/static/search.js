/*
 * Gongkai static search: runs in the browser (and under Node for the parity tests), no framework, no CDN.
 * The tokenizer, query parser and scorer mirror gongkai.search.SearchTokens / SearchQuery / QueryEngine
 * exactly — change them together. Data files: search/data/ (see StaticSearchExporter).
 */
(function (root) {
  'use strict';

  // ---------------------------------------------------------------- tokenizer (SearchTokens.java)
  var SEP = 0, HAN = 1, DIGIT = 2, LETTER = 3, SYMBOL = 4;

  function normalize(cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    else if (cp === 0x3000) cp = 0x20;
    else if (cp === 0xFFE5) cp = 0xA5;
    else if (cp === 0xFFE1) cp = 0xA3;
    else if (cp >= 0x2170 && cp <= 0x217F) cp -= 0x10;
    else if (cp === 0x2266 || cp === 0x2267) cp -= 2;
    if ((cp >= 0x41 && cp <= 0x5A) || (cp >= 0xC0 && cp <= 0xDE && cp !== 0xD7) ||
        (cp >= 0x391 && cp <= 0x3A9 && cp !== 0x3A2) || (cp >= 0x410 && cp <= 0x42F)) cp += 0x20;
    return cp;
  }

  function classify(cp) {
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0x20000 && cp <= 0x3134F) || cp === 0x3007) return HAN;
    if (cp >= 0x30 && cp <= 0x39) return DIGIT;
    if ((cp >= 0x61 && cp <= 0x7A) || (cp >= 0xDF && cp <= 0xFF && cp !== 0xF7) || (cp >= 0x100 && cp <= 0x24F) ||
        (cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x430 && cp <= 0x45F)) return LETTER;
    if (SYMBOLS.indexOf(cp) >= 0 || (cp >= 0x2160 && cp <= 0x2188) || (cp >= 0x2460 && cp <= 0x24FF) ||
        (cp >= 0x3371 && cp <= 0x33DF)) return SYMBOL;
    return SEP;
  }
  var SYMBOLS = [0x25, 0x3C, 0x3D, 0x3E, 0x2B, 0x24, 0xA3, 0xA5, 0xB0, 0xB1, 0xB2, 0xB3, 0xB9, 0xD7, 0xF7, 0x2030,
    0x2031, 0x20AC, 0x2103, 0x2109, 0x2248, 0x2260, 0x2264, 0x2265];

  /** Tokens of text: [{term, position, start, end}] with UTF-16 offsets, as Lucene indexes them. */
  function tokenize(text) {
    var out = [], n = text.length, pos = -1, sepSeen = false, i = 0;
    while (i < n) {
      var raw = text.codePointAt(i), cp = normalize(raw), cls = classify(cp);
      if (cls === SEP) { i += raw > 0xFFFF ? 2 : 1; sepSeen = true; continue; }
      if (pos >= 0 && sepSeen) pos++;
      sepSeen = false;
      if (cls === HAN) {
        var run = [];
        while (i < n) {
          var r = text.codePointAt(i), c = normalize(r);
          if (classify(c) !== HAN) break;
          var len = r > 0xFFFF ? 2 : 1;
          run.push([c, i, i + len]);
          i += len;
        }
        for (var k = 0; k < run.length; k++) {
          pos++;
          var a = run[k];
          out.push({ term: String.fromCodePoint(a[0]), position: pos, start: a[1], end: a[2] });
          if (k + 1 < run.length) {
            var b = run[k + 1];
            out.push({ term: String.fromCodePoint(a[0], b[0]), position: pos, start: a[1], end: b[2] });
            if (k + 2 < run.length) {
              var c = run[k + 2];
              out.push({ term: String.fromCodePoint(a[0], b[0], c[0]), position: pos, start: a[1], end: c[2] });
            }
          }
        }
      } else if (cls === SYMBOL) {
        pos++;
        out.push({ term: String.fromCodePoint(cp), position: pos, start: i, end: i + (raw > 0xFFFF ? 2 : 1) });
        i += raw > 0xFFFF ? 2 : 1;
      } else {
        var s = '', start = i;
        while (i < n) {
          var r2 = text.codePointAt(i), c2 = normalize(r2);
          if (classify(c2) !== cls) break;
          s += String.fromCodePoint(c2);
          i += r2 > 0xFFFF ? 2 : 1;
        }
        pos++;
        out.push({ term: s, position: pos, start: start, end: i });
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- query parser (SearchQuery.java)
  function isSpace(c) {
    return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\u000B' ||
      c === '\u3000' || c === '\u00A0';
  }
  function isQuote(c) { return c === '"' || c === '\uFF02' || c === '\u201C' || c === '\u201D'; }
  function isHanToken(t) { return classify(t.term.codePointAt(0)) === HAN; }
  function cpLength(t) {
    var n = 0;
    for (var i = 0; i < t.term.length; i++) { var c = t.term.charCodeAt(i); if (c < 0xDC00 || c > 0xDFFF) n++; }
    return n;
  }
  function isGram(t, len) { return isHanToken(t) && cpLength(t) === len; }

  /** A word's terms (SearchQuery.cover): per Han run one unigram, one bigram, or trigrams at 0, 3, 6 … + last. */
  function cover(tokens) {
    var terms = [], positions = [], i = 0, n = tokens.length;
    function add(t) { terms.push(t.term); positions.push(t.position); }
    while (i < n) {
      var t = tokens[i];
      if (!isHanToken(t)) { add(t); i++; continue; }
      // per position the tokenizer emits unigram, bigram, trigram; the run goes on while bigrams do
      var uni = [], bi = [], tri = [];
      while (i < n && isGram(tokens[i], 1)) {
        uni.push(tokens[i++]);
        var more = i < n && isGram(tokens[i], 2);
        if (more) bi.push(tokens[i++]);
        if (i < n && isGram(tokens[i], 3)) tri.push(tokens[i++]);
        if (!more) break;
      }
      if (uni.length === 1) add(uni[0]);
      else if (uni.length === 2) add(bi[0]);
      else {
        var m = tri.length, last = -1;
        for (var j = 0; j < m; j += 3) { add(tri[j]); last = j; }
        if (last !== m - 1) add(tri[m - 1]);
      }
    }
    var clauses = [];
    for (var k = 0; k < terms.length; k++) clauses.push({ term: terms[k], offset: positions[k] - positions[0] });
    return clauses;
  }

  // ---------------------------------------------------------------- lexicon (SearchLexicon.java)
  var PREFIX_MAX = 8, MAX_WORD = 8, MAX_WORDS = 12;

  /** meta.json's lexicon: word costs, synonym groups, traditional → simplified map, the index's letter words. */
  function Lexicon(j) {
    j = j || {};
    var words = [], i;
    // the words of one first character come as a group: 一个,体,刀切 → 一个 一体 一刀切 (SearchLexicon.groupedWords)
    (j.words ? j.words.split(' ') : []).forEach(function (g) {
      var parts = g.split(','), first = String.fromCodePoint(parts[0].codePointAt(0));
      words.push(parts[0]);
      for (var k = 1; k < parts.length; k++) words.push(first + parts[k]);
    });
    this.words = words;
    this.cost = new Map();
    for (i = 0; i < words.length; i++) this.cost.set(words[i], j.costs[i]);
    this.single = j.single !== undefined ? j.single : 10;
    this.syn = new Map();
    var self = this;
    (j.syn || []).forEach(function (g) {
      g.forEach(function (w) { var k = norm(w); if (!self.syn.has(k)) self.syn.set(k, g); });
    });
    this.ts = new Map(); // traditional → simplified: a string of pairs of characters
    var cps = Array.from(j.ts || '');
    for (i = 0; i + 1 < cps.length; i += 2) this.ts.set(cps[i].codePointAt(0), cps[i + 1].codePointAt(0));
    this.latin = j.latin ? j.latin.split(' ') : [];
  }
  var EMPTY_LEXICON = new Lexicon(null);

  /** A word as synonyms are compared: code points normalised as the tokenizer does. */
  function norm(word) {
    var out = '';
    for (var i = 0; i < word.length;) {
      var cp = word.codePointAt(i);
      out += String.fromCodePoint(normalize(cp));
      i += cp > 0xFFFF ? 2 : 1;
    }
    return out;
  }

  Lexicon.prototype.fold = function (q) {
    if (!this.ts.size) return q;
    var out = '';
    for (var i = 0; i < q.length;) {
      var cp = q.codePointAt(i), s = this.ts.get(cp);
      out += String.fromCodePoint(s !== undefined ? s : cp);
      i += cp > 0xFFFF ? 2 : 1;
    }
    return out;
  };

  /** Least cost sum cut of a Han run; among equal sums the longer first word (SearchLexicon.segment). */
  Lexicon.prototype.segment = function (run) {
    if (!this.cost.size) return [run];
    var cps = Array.from(run), n = cps.length, best = new Array(n + 1), choice = new Array(n + 1), i;
    best[n] = 0;
    for (i = n - 1; i >= 0; i--) {
      best[i] = Infinity;
      for (var len = Math.min(MAX_WORD, n - i); len >= 1; len--) {
        var c = this.cost.get(cps.slice(i, i + len).join(''));
        if (c === undefined) { if (len > 1) continue; c = this.single; }
        var total = c + best[i + len];
        if (total < best[i]) { best[i] = total; choice[i] = len; }
      }
    }
    var out = [];
    for (i = 0; i < n; i += choice[i]) out.push(cps.slice(i, i + choice[i]).join(''));
    return out;
  };

  Lexicon.prototype.synonyms = function (word) { return this.syn.get(norm(word)) || null; };

  Lexicon.prototype.prefixed = function (prefix) {
    var out = [];
    for (var i = 0; i < this.latin.length && out.length < PREFIX_MAX; i++) {
      if (this.latin[i].lastIndexOf(prefix, 0) === 0) out.push(this.latin[i]);
    }
    return out;
  };

  /** Levenshtein distance exactly 1, over code point arrays. */
  function distanceOne(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    function same(x, xi, y, yi) {
      if (x.length - xi !== y.length - yi) return false;
      for (; xi < x.length; xi++, yi++) if (x[xi] !== y[yi]) return false;
      return true;
    }
    if (a.length === b.length) return i === a.length ? false : same(a, i + 1, b, i + 1);
    if (a.length > b.length) return same(a, i + 1, b, i);
    return same(a, i, b, i + 1);
  }

  /** The nearest known word (SearchLexicon.suggest): Han by least cost, letters by the index's order; or null. */
  Lexicon.prototype.suggest = function (word, replaceOnly) {
    var w = Array.from(word), i;
    if (w.length < 2) return null;
    if (classify(w[0].codePointAt(0)) === HAN) {
      var best = null, bestCost = Infinity;
      if (!this.wordCps) this.wordCps = this.words.map(function (x) { return Array.from(x); }); // split once
      for (i = 0; i < this.words.length; i++) {
        var v = this.words[i], c = this.cost.get(v), cv = this.wordCps[i];
        if (c < bestCost && v !== word && (!replaceOnly || cv.length === w.length) && distanceOne(w, cv)) {
          best = v; bestCost = c;
        }
      }
      return best;
    }
    if (w.length < 3) return null;
    for (i = 0; i < this.latin.length; i++) {
      if (this.latin[i] !== word && distanceOne(w, Array.from(this.latin[i]))) return this.latin[i];
    }
    return null;
  };

  // ---------------------------------------------------------------- query parser (SearchQuery.java)
  function isMinus(c) { return c === '-' || c === '\uFF0D' || c === '\u2212'; }
  function sameClauses(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i].term !== b[i].term || a[i].offset !== b[i].offset) return false;
    return true;
  }

  /** The word, then its synonyms, then (ending in letters) the index's words completing its last term. */
  function withVariants(text, clauses, lex, prefix) {
    var alts = [{ clauses: clauses }];
    function add(c) {
      if (c.length && !alts.some(function (a) { return sameClauses(a.clauses, c); })) alts.push({ clauses: c });
    }
    var group = lex.synonyms(text);
    if (group) group.forEach(function (v) { add(cover(tokenize(v))); });
    if (prefix) {
      var last = clauses[clauses.length - 1];
      lex.prefixed(last.term).forEach(function (completion) {
        add(clauses.slice(0, clauses.length - 1).concat([{ term: completion, offset: last.offset }]));
      });
    }
    return { text: text, alts: alts };
  }

  /**
   * A query: {words (all must match), excluded, boosts (phrases that add to the score)}; each word {text,
   * alts: [{clauses: [{term, offset}]}]} matches when any of its phrases does. See SearchQuery.java.
   */
  function parseQuery(q, lex) {
    lex = lex || EMPTY_LEXICON;
    var words = new Map(), excluded = new Map(), groupWords = new Map(), phrases = new Map(), cur = '',
      quoted = false, negated = false;
    function put(m, w) { if (!m.has(w.text)) m.set(w.text, w); }
    function phrase() {
      var t = cur, clauses = cover(tokenize(t));
      cur = '';
      if (!clauses.length) return;
      if (negated) put(excluded, withVariants(t, clauses, lex, false));
      else put(words, { text: t, alts: [{ clauses: clauses }] });
    }
    function text() {
      var t = cur;
      cur = '';
      if (t.length > 1 && isMinus(t.charAt(0))) {
        var rest = t.substring(1), c = cover(tokenize(rest));
        if (c.length) put(excluded, withVariants(rest, c, lex, false));
        return;
      }
      var tokens = tokenize(t), n = tokens.length, i = 0, cut = [];
      if (!n) return;
      while (i < n) {
        var first = tokens[i], j = i;
        if (isHanToken(first)) {
          var lastPos = first.position, end = first.end;
          while (j < n && isHanToken(tokens[j]) && tokens[j].position - lastPos <= 1) {
            lastPos = tokens[j].position; end = Math.max(end, tokens[j].end); j++;
          }
          var run = t.substring(first.start, end);
          (Array.from(run).length >= 3 ? lex.segment(run) : [run]).forEach(function (part) {
            cut.push(withVariants(part, cover(tokenize(part)), lex, false));
          });
        } else {
          while (j < n && !isHanToken(tokens[j])) j++;
          var group = t.substring(first.start, tokens[j - 1].end);
          var endsInLetters = j === n && classify(tokens[j - 1].term.codePointAt(0)) === LETTER;
          cut.push(withVariants(group, cover(tokens.slice(i, j)), lex, endsInLetters));
        }
        i = j;
      }
      cut.forEach(function (w) { put(words, w); });
      if (cut.length > 1 && !groupWords.has(t)) {
        groupWords.set(t, cut.map(function (w) { return w.text; }));
        phrases.set(t, { text: t, alts: [{ clauses: cover(tokens) }] });
      }
    }
    q = lex.fold(q || '');
    for (var i = 0; i < q.length; i++) {
      var c = q.charAt(i);
      if (isQuote(c)) {
        if (!quoted) {
          var minus = cur.length === 1 && isMinus(cur);
          if (minus) cur = ''; else text();
          negated = minus;
          quoted = true;
        } else { phrase(); quoted = false; negated = false; }
      } else if (!quoted && isSpace(c)) text();
      else cur += c;
    }
    if (quoted) phrase(); else text();
    function list(m) { return Array.from(m.values()).slice(0, MAX_WORDS); }
    var required = list(words), texts = required.map(function (w) { return w.text; }), groups = [];
    groupWords.forEach(function (members, t) {
      var idx = [];
      members.forEach(function (x) { var k = texts.indexOf(x); if (k >= 0 && idx.indexOf(k) < 0) idx.push(k); });
      if (idx.length) groups.push({ phrase: phrases.get(t), members: idx });
    });
    return { words: required, excluded: list(excluded), groups: groups };
  }

  /** Every phrase of a query: required words', exclusions', groups'. */
  function phrasesOf(q) {
    var out = [];
    (q.verbatim ? [q.required, q.excluded] : [q.words, q.excluded, q.groups.map(function (g) { return g.phrase; })]).forEach(function (ws) {
      ws.forEach(function (w) { w.alts.forEach(function (a) { out.push(a); }); });
    });
    return out;
  }

  /**
   * The verbatim stage of a query with groups: each group's phrase required instead of its words (the words
   * in no group stay). Its matches are the documents of the top tier, scored exactly as in the whole query (a
   * document holding a group's text verbatim holds each of its words: they are pieces of that text).
   */
  function verbatimQuery(q) {
    var grouped = new Set();
    q.groups.forEach(function (g) { g.members.forEach(function (i) { grouped.add(i); }); });
    return { words: q.words, excluded: q.excluded, groups: q.groups, verbatim: true,
      required: q.groups.map(function (g) { return g.phrase; })
        .concat(q.words.filter(function (w, i) { return !grouped.has(i); })) };
  }

  /** The terms `suggestion` may ask `has` about: each letter run, each Han run's pieces' cover terms. */
  Lexicon.prototype.suggestionTerms = function (raw) {
    var self = this, terms = [];
    this.suggestion(raw, function (t) { terms.push(t); return true; });
    return terms;
  };

  /** "您是不是要找": the folded query with likely misspellings replaced, or null (SearchLexicon.suggestion). */
  Lexicon.prototype.suggestion = function (raw, has) {
    var self = this, folded = this.fold(raw || ''), out = '', changed = false, i = 0;
    function fixLetters(run) {
      var term = norm(run);
      if (has(term)) return run;
      var s = self.suggest(term);
      return s === null ? run : s;
    }
    function fixHan(run) {
      var pieces = Array.from(run).length >= 3 ? self.segment(run) : [run], res = [];
      for (var k = 0; k < pieces.length; k++) {
        var p = pieces[k];
        if (Array.from(p).length === 1 && !self.cost.has(p)) {
          var before = res.length ? self.suggest(res[res.length - 1] + p, true) : null;
          if (before !== null) { res[res.length - 1] = before; continue; }
          var after = k + 1 < pieces.length ? self.suggest(p + pieces[k + 1], true) : null;
          if (after !== null) { res.push(after); k++; continue; }
          res.push(p);
          continue;
        }
        var dead = cover(tokenize(p)).some(function (c) { return !has(c.term); });
        var s = dead ? self.suggest(p) : null;
        res.push(s === null ? p : s);
      }
      return res.join('');
    }
    while (i < folded.length) {
      var cp = folded.codePointAt(i), cls = classify(normalize(cp));
      if (cls !== HAN && cls !== LETTER) { out += String.fromCodePoint(cp); i += cp > 0xFFFF ? 2 : 1; continue; }
      var j = i;
      while (j < folded.length) {
        var c2 = folded.codePointAt(j);
        if (classify(normalize(c2)) !== cls) break;
        j += c2 > 0xFFFF ? 2 : 1;
      }
      var run = folded.substring(i, j), fixed = cls === HAN ? fixHan(run) : fixLetters(run);
      if (fixed !== run) changed = true;
      out += fixed;
      i = j;
    }
    return changed ? out : null;
  };

  /** FNV-1a 32-bit over UTF-16 code units (StaticSearchExporter.bucket). */
  function bucketOf(term, buckets) {
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) { h ^= term.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    return (h >>> 0) % buckets;
  }

  /** The bucket of a dictionary key: a term's own, a head's its first term's (StaticSearchExporter.keyBucket). */
  function keyBucket(key, buckets) {
    var c = key.charAt(0);
    return bucketOf(c === WORD_HEAD || c === VERBATIM_HEAD ? key.substring(1, key.indexOf('\u0002')) : key, buckets);
  }
  var WORD_HEAD = '\u0001', VERBATIM_HEAD = '\u0004';

  // ---------------------------------------------------------------- shard decoding
  var utf8 = new TextDecoder('utf-8');

  function Reader(bytes, off) { this.b = bytes; this.o = off || 0; }
  Reader.prototype.varint = function () {
    var b = this.b, v = 0, shift = 0, x;
    do { x = b[this.o++]; v += (x & 0x7F) * Math.pow(2, shift); shift += 7; } while (x & 0x80);
    return v;
  };

  /**
   * A dictionary shard: term → [postFile, offset, tableLen, docLen, posLen, flags, headLen, inline table bytes,
   * first page]. flags: 1 table raw deflate, 2 table inline (in the entry; the term's region then starts with its
   * doc parts), 4 the first result page of the term alone (doc ids, best first) follows.
   */
  function parseDict(bytes) {
    var r = new Reader(bytes), count = r.varint(), terms = new Map();
    for (var i = 0; i < count; i++) {
      var len = r.varint(), term = utf8.decode(bytes.subarray(r.o, r.o + len));
      r.o += len;
      var e = [r.varint(), r.varint(), r.varint(), r.varint(), r.varint(), r.varint(), r.varint(), null, null];
      if (e[5] & 2) { e[7] = bytes.slice(r.o, r.o + e[2]); r.o += e[2]; }
      if (e[5] & 4) {
        var k = r.varint(), page = new Int32Array(k);
        for (var j = 0; j < k; j++) page[j] = r.varint();
        e[8] = page;
      }
      terms.set(term, e);
    }
    return terms;
  }

  /** Where a term's doc parts start in its postings file. */
  function docStart(e) { return e[1] + (e[5] & 2 ? 0 : e[2]); }

  /** Postings of one field of one window (columns: count, doc deltas, norm bytes, tfs); df = the term's df. */
  function readField(bytes, r) {
    var n = r.varint(), docs = new Int32Array(n), freqs = new Int32Array(n), norms = new Uint8Array(n), doc = 0, i;
    for (i = 0; i < n; i++) { doc += r.varint(); docs[i] = doc; }
    for (i = 0; i < n; i++) norms[i] = bytes[r.o++];
    for (i = 0; i < n; i++) freqs[i] = r.varint();
    return { docs: docs, freqs: freqs, norms: norms, df: n, posOff: null, posBytes: null };
  }

  function inflate(bytes, compressed) {
    if (!compressed) return Promise.resolve(bytes);
    // written straight into the stream: a Blob's stream goes through the browser's blob store, 10–20 times slower
    // for the small parts a query inflates (measured in Chromium: 2.5 ms against 0.2 ms per call)
    var ds = new DecompressionStream('deflate-raw'), w = ds.writable.getWriter();
    w.write(bytes).catch(function () { /* reported by the readable side */ });
    w.close().catch(function () { /* reported by the readable side */ });
    return new Response(ds.readable).arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
  }

  /**
   * A term's window table (StaticSearchExporter.windowed): {dfAll, dfName, wins: [{id, off, docLen, posLen,
   * nAll, tfA, normA, nName, tfN, normN}], byId}; off / posOff = file offsets of the window's doc part and
   * position part (doc parts are packed back to back from `start`, then position parts from `posStart`).
   */
  function parseTable(bytes, start, posStart) {
    var r = new Reader(bytes), dfAll = r.varint(), dfName = r.varint(), n = r.varint(), wins = new Array(n), i, id = 0;
    for (i = 0; i < n; i++) { id += r.varint(); wins[i] = { id: id }; }
    ['docLen', 'posLen', 'nAll', 'tfA', 'normA', 'nName'].forEach(function (k) {
      for (var j = 0; j < n; j++) wins[j][k] = r.varint();
    });
    for (i = 0; i < n; i++) if (wins[i].nName) { wins[i].tfN = r.varint(); wins[i].normN = r.varint(); }
    var byId = new Map(), off = start, pos = posStart;
    for (i = 0; i < n; i++) {
      wins[i].off = off; off += wins[i].docLen;
      wins[i].posOff = pos; pos += wins[i].posLen;
      byId.set(wins[i].id, wins[i]);
    }
    return { dfAll: dfAll, dfName: dfName, wins: wins, byId: byId };
  }

  /** Byte arrays end to end, then an empty final deflate block (03 00): sync-flushed parts inflate as one. */
  function deflateRun(arrays) {
    var n = 2, at = 0;
    arrays.forEach(function (a) { n += a.length; });
    var out = new Uint8Array(n);
    arrays.forEach(function (a) { out.set(a, at); at += a.length; });
    out[at] = 3;
    return out;
  }

  /**
   * Decodes windows [{docBytes, posBytes or null, tab}] → [{all, name}] (each field: docs, freqs, norms, df = the
   * term's df, and positions when posBytes): all doc parts in one inflate, all position parts in another.
   */
  function decodeWindows(items) {
    if (!items.length) return Promise.resolve([]);
    var withPos = items.filter(function (x) { return x.posBytes; });
    return Promise.all([inflate(deflateRun(items.map(function (x) { return x.docBytes; })), true),
      withPos.length ? inflate(deflateRun(withPos.map(function (x) { return x.posBytes; })), true) : null])
      .then(function (parts) {
        var db = parts[0], r = new Reader(db), pos = parts[1], q = pos ? new Reader(pos) : null;
        return items.map(function (x) {
          var p = { all: readField(db, r), name: readField(db, r) };
          p.all.df = x.tab.dfAll;
          p.name.df = x.tab.dfName;
          if (x.posBytes) {
            [p.all, p.name].forEach(function (f) {
              f.posBytes = pos;
              f.posOff = new Int32Array(f.docs.length);
              for (var i = 0; i < f.docs.length; i++) {
                f.posOff[i] = q.o;
                for (var k = 0; k < f.freqs[i]; k++) { while (pos[q.o++] & 0x80) { /* skip varint */ } }
              }
            });
          }
          return p;
        });
      });
  }

  function positionsOf(p, i) {
    var r = new Reader(p.posBytes, p.posOff[i]), tf = p.freqs[i], out = new Array(tf), pos = 0;
    for (var k = 0; k < tf; k++) { pos += r.varint(); out[k] = pos; }
    return out;
  }

  function contains(sorted, v) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >>> 1, x = sorted[mid];
      if (x < v) lo = mid + 1; else if (x > v) hi = mid - 1; else return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- engine (QueryEngine.java)
  /**
   * load(path, 'json'|'bin', range) → Promise of parsed JSON / ArrayBuffer; path relative to search/data/,
   * range [start, end) of a binary file or undefined. loadRanges(path, ranges) (optional) → Promise of one
   * ArrayBuffer per range, fetched together (one HTTP multi-range request); without it every range is a request.
   * In the browser: fetch; under Node: fs.
   */
  function Engine(load, loadRanges) {
    this.load = load;
    this.loadRanges = loadRanges || null;
    this.metaPromise = null;
    this.dicts = new Map();
    this.tableOf = new Map();
    this.windows = new Map();
    this.windowPos = new Set();
    this.heads = new Map();
    this.wholeQueryBytes = WHOLE_QUERY_BYTES; // tests lower these to force the windowed path on small corpora
    this.wholeTermBytes = WHOLE_TERM_BYTES;
    this.rows = new Map();
    this.budgetPromise = null;
    this.requests = 0;
  }

  Engine.prototype.get = function (path, kind, range) { this.requests++; return this.load(path, kind, range); };

  /**
   * Byte ranges of one binary file → Promise of a Uint8Array per range. Ranges closer than the gap are merged
   * (with multi-range a part costs ≈ 100 bytes of headers; without, a request); the rest go in one multi-range
   * request when the loader can, else one request each.
   */
  Engine.prototype.getRanges = function (path, ranges) {
    var self = this, gap = this.loadRanges ? 128 : 4096, merged = [], owner = new Array(ranges.length);
    ranges.map(function (r, i) { return i; }).sort(function (a, b) { return ranges[a][0] - ranges[b][0]; })
      .forEach(function (i) {
        var r = ranges[i], last = merged[merged.length - 1];
        if (last && r[0] <= last[1] + gap) last[1] = Math.max(last[1], r[1]);
        else merged.push([r[0], r[1]]);
        owner[i] = merged.length - 1;
      });
    var got;
    if (merged.length > 1 && this.loadRanges) { this.requests++; got = this.loadRanges(path, merged); }
    else got = Promise.all(merged.map(function (r) { return self.get(path, 'bin', r); }));
    return got.then(function (bufs) {
      return ranges.map(function (r, i) {
        var m = merged[owner[i]];
        return new Uint8Array(bufs[owner[i]], r[0] - m[0], r[1] - r[0]);
      });
    });
  };

  Engine.prototype.meta = function () {
    var self = this;
    if (!this.metaPromise) {
      this.metaPromise = this.get('meta.json', 'json').then(function (m) {
        var n = m.docs;
        if (m.catMasks !== undefined) decodeCats(m, m.catMasks);
        // runs of equal (year, department) in columns, departments as differences; a run's first document is its
        // department-year unless kindFlips says otherwise (StaticSearchExporter)
        m.kind = expand(m.kindFlips, n);
        m.year = new Int32Array(n);
        m.dept = new Int32Array(n);
        for (var g = 0, d = 0, dept = 0; g < m.groupSizes.length; g++) {
          dept += m.groupDepts[g];
          m.kind[d] ^= 1;
          for (var end = d + m.groupSizes[g]; d < end; d++) { m.year[d] = m.years[m.groupYears[g]]; m.dept[d] = dept; }
        }
        // dictionary shard i: [file, offset, length] at dictShards[3i…] (shards fill whole slots, in order)
        m.dictStarts = [];
        for (var ds = 0, b0 = 0; ds < m.dictStartDeltas.length; ds++) { b0 += m.dictStartDeltas[ds]; m.dictStarts.push(b0); }
        var slots = expand(m.dictSlots, m.dictStarts.length);
        m.dictShards = new Array(3 * slots.length);
        for (var s = 0, f = -1, off = 0; s < slots.length; s++) {
          if (f + 1 < m.dictFiles.length && m.dictFiles[f + 1] === s) { f++; off = 0; }
          m.dictShards[3 * s] = f; m.dictShards[3 * s + 1] = off; m.dictShards[3 * s + 2] = slots[s] * m.dictSlot;
          off += slots[s] * m.dictSlot;
        }
        self.m = m;
        self.lex = new Lexicon(m.lexicon);
        m.unbudgetedDoc = expand(m.unbudgeted || [0, n], n);
        return m;
      });
    }
    return this.metaPromise;
  };

  /** Category bit masks per doc: one character U+0030 + mask per doc, or run-length [mask, count]…. */
  function decodeCats(m, masks) {
    var n = m.docs;
    if (typeof masks === 'string') {
      m.catMask = new Int32Array(n);
      for (var c = 0; c < n; c++) m.catMask[c] = masks.charCodeAt(c) - 48;
    } else {
      m.catMask = expand(masks, n);
    }
  }

  /** Loads the category masks when meta.json leaves them to cats.json (large sites; only facets and filters need them). */
  Engine.prototype.cats = function () {
    var self = this, m = this.m;
    if (m.catMask) return Promise.resolve(m.catMask);
    if (!this.catsPromise) {
      this.catsPromise = this.get(m.catMasksFile, 'json').then(function (masks) { decodeCats(m, masks); return m.catMask; });
    }
    return this.catsPromise;
  };

  function expand(rle, n) {
    var out = new Int32Array(n), d = 0;
    for (var i = 0; i < rle.length; i += 2) for (var k = 0; k < rle[i + 1]; k++) out[d++] = rle[i];
    return out;
  }

  function shardOf(starts, bucket) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >>> 1; if (starts[mid] <= bucket) lo = mid; else hi = mid - 1; }
    return lo;
  }

  /** Groups keys by file: Map file → [key…], for one getRanges per file. */
  function byFile(keys, fileOf) {
    var out = new Map();
    keys.forEach(function (k) { var f = fileOf(k); if (!out.has(f)) out.set(f, []); out.get(f).push(k); });
    return out;
  }

  /**
   * Dictionary entries ([postFile, offset, tableLen, docLen, posLen, flags, headLen] or null) of terms. Shards not yet cached are
   * fetched together (shard i: bytes [dictShards[3i+1], +dictShards[3i+2]) of dict/<dictShards[3i]>.bin).
   */
  Engine.prototype.entries = function (terms) {
    var self = this, m = this.m, ds = m.dictShards;
    var shards = terms.map(function (t) { return shardOf(m.dictStarts, keyBucket(t, m.buckets)); });
    var todo = shards.filter(function (i, k) { return !self.dicts.has(i) && shards.indexOf(i) === k; });
    byFile(todo, function (i) { return ds[3 * i]; }).forEach(function (list, file) {
      var got = self.getRanges('dict/' + file + '.bin',
        list.map(function (i) { return [ds[3 * i + 1], ds[3 * i + 1] + ds[3 * i + 2]]; }));
      list.forEach(function (i, k) {
        self.dicts.set(i, got.then(function (parts) { // a slot: the deflate's length, the deflate, zeros
          var r = new Reader(parts[k]), len = r.varint();
          return inflate(parts[k].subarray(r.o, r.o + len), true);
        }).then(parseDict));
      });
    });
    return Promise.all(terms.map(function (t, k) {
      return self.dicts.get(shards[k]).then(function (d) { return d.get(t) || null; });
    }));
  };

  /**
   * Window tables of terms (entries from {@link entries}), cached per term. A term whose region (table, doc parts,
   * position parts when pos(term)) is at most `whole` bytes comes whole, every window decoded, in the same request.
   */
  Engine.prototype.tables = function (terms, entries, whole, pos) {
    var self = this, todo = [];
    terms.forEach(function (t, k) {
      if (self.tableOf.has(t) || todo.some(function (x) { return x.t === t; })) return;
      var e = entries[k], withPos = pos(t), end = docStart(e) + e[3] + (withPos ? e[4] : 0);
      todo.push({ t: t, e: e, pos: withPos, all: end - e[1] <= whole, end: end });
    });
    todo.filter(function (x) { return x.e[7] && !x.all; }).forEach(function (x) {
      self.tableOf.set(x.t, inflate(x.e[7], x.e[5] & 1).then(function (tb) {
        return parseTable(tb, docStart(x.e), docStart(x.e) + x.e[3]);
      }));
    });
    todo = todo.filter(function (x) { return !x.e[7] || x.all; });
    byFile(todo, function (x) { return x.e[0]; }).forEach(function (list, file) {
      var got = self.getRanges('post/' + file + '.bin', list.map(function (x) {
        return [x.e[1], x.all ? x.end : x.e[1] + x.e[2]];
      }));
      list.forEach(function (x, k) {
        var e = x.e, ds = docStart(e);
        self.tableOf.set(x.t, got.then(function (parts) {
          var bytes = parts[k];
          return inflate(e[7] || bytes.subarray(0, e[2]), e[5] & 1).then(function (tb) {
            var tab = parseTable(tb, ds, ds + e[3]);
            if (x.all) {
              var many = decodeWindows(tab.wins.map(function (w) {
                return { docBytes: bytes.subarray(w.off - e[1], w.off - e[1] + w.docLen), tab: tab,
                  posBytes: x.pos ? bytes.subarray(w.posOff - e[1], w.posOff - e[1] + w.posLen) : null };
              }));
              tab.wins.forEach(function (w, i) {
                var key = x.t + '\u0000' + w.id;
                self.windows.set(key, many.then(function (ws) { return ws[i]; }));
                if (x.pos) self.windowPos.add(key);
              });
            }
            return tab;
          });
        }));
      });
    });
    return Promise.all(terms.map(function (t) { return self.tableOf.get(t); }));
  };

  /** Decoded windows [{t, w (table row), pos}] (cached per term and window; a copy with positions serves both). */
  Engine.prototype.fetchWindows = function (list, entries) {
    var self = this, todo = [];
    list.forEach(function (x) {
      var key = x.t + '\u0000' + x.w.id, have = self.windows.get(key);
      if ((have && (!x.pos || self.windowPos.has(key))) || todo.some(function (y) { return y.key === key; })) return;
      todo.push({ key: key, t: x.t, w: x.w, pos: x.pos, e: entries.get(x.t) });
    });
    byFile(todo, function (x) { return x.e[0]; }).forEach(function (group, file) {
      var ranges = [];
      group.forEach(function (x) {
        ranges.push([x.w.off, x.w.off + x.w.docLen]);
        if (x.pos) ranges.push([x.w.posOff, x.w.posOff + x.w.posLen]);
      });
      var got = self.getRanges('post/' + file + '.bin', ranges);
      var many = Promise.all([got, Promise.all(group.map(function (x) { return self.tableOf.get(x.t); }))])
        .then(function (r) {
          var at = 0;
          return decodeWindows(group.map(function (x, i) {
            var item = { docBytes: r[0][at++], posBytes: null, tab: r[1][i] };
            if (x.pos) item.posBytes = r[0][at++];
            return item;
          }));
        });
      group.forEach(function (x, i) {
        self.windows.set(x.key, many.then(function (ws) { return ws[i]; }));
        if (x.pos) self.windowPos.add(x.key);
      });
    });
    return Promise.all(list.map(function (x) { return self.windows.get(x.t + '\u0000' + x.w.id); }));
  };

  /** The query's distinct terms, and per term whether it needs positions (a term of a phrase of several). */
  function queryTerms(q) {
    var terms = [], pos = new Map();
    phrasesOf(q).forEach(function (a) {
      a.clauses.forEach(function (c) {
        if (!pos.has(c.term)) { terms.push(c.term); pos.set(c.term, false); }
        if (a.clauses.length > 1) pos.set(c.term, true);
      });
    });
    return { terms: terms, pos: pos };
  }

  /**
   * The query's terms the index has, their dictionary entries and (after `tables`) window tables:
   * {terms, pos, entries: Map term → entry}; null when some required word cannot match at all.
   */
  Engine.prototype.resolve = function (q) {
    var self = this, qt = queryTerms(q);
    return this.meta().then(function () { return self.entries(qt.terms); }).then(function (es) {
      var entries = new Map(), terms = [];
      qt.terms.forEach(function (t, k) { if (es[k]) { entries.set(t, es[k]); terms.push(t); } });
      var possible = requiredOf(q).every(function (w) {
        return w.alts.some(function (a) { return a.clauses.every(function (c) { return entries.has(c.term); }); });
      });
      return possible ? { terms: terms, pos: qt.pos, entries: entries } : null;
    });
  };

  /**
   * Exact matches {docs, scores, windows (ids of the windows holding any)} (in window order) of the given windows:
   * windows hold the same documents in every term, so each window is matched and scored alone, by the scorer
   * below, with each term's global df. skip(term, id) (optional): terms not to read in a window (known to match
   * nothing there).
   */
  Engine.prototype.evalWindows = function (q, qt, ids, tabOf, skip) {
    var self = this, list = [], owner = [];
    ids.forEach(function (id, i) {
      qt.terms.forEach(function (t) {
        var w = !skip || !skip(t, id) ? tabOf.get(t).byId.get(id) : null;
        if (w) { list.push({ t: t, w: w, pos: qt.pos.get(t) }); owner.push(i); }
      });
    });
    return this.fetchWindows(list, qt.entries).then(function (data) {
      var docs = [], scores = [], at = 0, windows = [];
      for (var i = 0; i < ids.length; i++) {
        var byTerm = new Map();
        for (; at < list.length && owner[at] === i; at++) byTerm.set(list[at].t, data[at]);
        var res = self.evaluate(q, byTerm);
        for (var j = 0; j < res.docs.length; j++) { docs.push(res.docs[j]); scores.push(res.scores[j]); }
        if (res.docs.length) windows.push(ids[i]);
      }
      return { docs: Int32Array.from(docs), scores: Float64Array.from(scores), windows: windows };
    });
  };

  var NONE = { docs: new Int32Array(0), scores: new Float64Array(0) };

  /** The words a match must have: all words, or in the verbatim stage the groups' phrases and ungrouped words. */
  function requiredOf(q) { return q.verbatim ? q.required : q.words; }

  /** Whether every term of the phrase has window id. */
  function altIn(a, tabOf, id) {
    return a.clauses.every(function (c) { var tab = tabOf.get(c.term); return tab && tab.byId.has(id); });
  }

  /** Ids (ascending) of the windows a match can lie in: each required word has a phrase all of whose terms are there. */
  function candidateWindows(q, tabOf) {
    var ids = new Set();
    tabOf.forEach(function (tab) { tab.wins.forEach(function (w) { ids.add(w.id); }); });
    return Array.from(ids).sort(function (a, b) { return a - b; }).filter(function (id) {
      return requiredOf(q).every(function (w) { return w.alts.some(function (a) { return altIn(a, tabOf, id); }); });
    });
  }

  /** Tables by term. */
  function tableMap(qt, tables) {
    var tabOf = new Map();
    qt.terms.forEach(function (t, j) { tabOf.set(t, tables[j]); });
    return tabOf;
  }

  /** Every match {docs, scores} (window order, not sorted): each term's whole region, one range each. */
  Engine.prototype.search = function (q) {
    var self = this;
    return this.resolve(q).then(function (qt) {
      if (!qt) return NONE;
      var es = qt.terms.map(function (t) { return qt.entries.get(t); });
      return self.tables(qt.terms, es, Infinity, function (t) { return qt.pos.get(t); }).then(function (tables) {
        var tabOf = tableMap(qt, tables);
        return self.evalWindows(q, qt, candidateWindows(q, tabOf), tabOf);
      });
    });
  };

  /**
   * Per window (ids: candidate windows) {id, bound, est}: the best score a doc in the window can reach
   * (per required word the best of its phrases' bounds, then each boost's, summed as the scorer sums), an
   * estimate of its matches (per word the largest of its phrases' least `all` doc count, the least over words),
   * and the lowest doc id a match can have. verbatimIn (optional): the windows holding the query's one group's
   * text verbatim, when its verbatim stage read them all; elsewhere the group scores as its words.
   */
  Engine.prototype.windowBounds = function (q, qt, tabOf, ids, verbatimIn) {
    var m = this.m, A = m.fields.all, N = m.fields.name, avgA = A[1] / A[0], avgN = N[1] / N[0], lt = LENGTHS;
    function idfs(a) {
      var sa = 0, sn = 0;
      for (var i = 0; i < a.clauses.length; i++) {
        var tab = tabOf.get(a.clauses[i].term);
        if (!tab) return null;
        sa += idf(A[0], tab.dfAll);
        sn += idf(N[0], tab.dfName);
      }
      return [sa, sn];
    }
    function prepare(ws) {
      return ws.map(function (w) { return w.alts.map(function (a) { return { a: a, idf: idfs(a) }; }); });
    }
    var words = prepare(q.words), groups = prepare(q.groups.map(function (g) { return g.phrase; }));
    var grouped = new Set(), required = new Set(requiredOf(q));
    q.groups.forEach(function (g) { g.members.forEach(function (i) { grouped.add(i); }); });
    /** {bound, est} of a word in window id, or null when no phrase of it can be there. */
    function wordBound(alts, id) {
      var best = null;
      alts.forEach(function (x) {
        if (!x.idf || !altIn(x.a, tabOf, id)) return;
        var a = Infinity, n = Infinity, est = Infinity;
        x.a.clauses.forEach(function (c) {
          var w = tabOf.get(c.term).byId.get(id);
          a = Math.min(a, x.idf[0] * satOf(w.tfA, lt[w.normA], m.k1, m.b, avgA));
          n = w.nName ? Math.min(n, x.idf[1] * satOf(w.tfN, lt[w.normN], m.k1, m.b, avgN)) : -1;
          est = Math.min(est, w.nAll);
        });
        var b = n > 0 ? a + m.nameBoost * n : a;
        if (x.variant) b = m.variantWeight * b;
        if (!best) best = { bound: b, est: est };
        else { best.bound = Math.max(best.bound, b); best.est = Math.max(best.est, est); }
      });
      return best;
    }
    return ids.map(function (id) {
      var bound = 0, first = true, est = Infinity;
      var wb = words.map(function (alts) { return wordBound(alts, id); });
      var gb = groups.map(function (alts) { return wordBound(alts, id); });
      // matches: every required word (or, verbatim, phrase) is in the window
      q.words.forEach(function (w, i) {
        if (!q.verbatim || required.has(w)) est = Math.min(est, wb[i].est);
      });
      q.groups.forEach(function (g, j) {
        if (q.verbatim) est = Math.min(est, gb[j].est);
      });
      // the score: units as QueryEngine.unitScores sums them, each at its best
      q.groups.forEach(function (g, j) {
        var u = gb[j] && (!verbatimIn || verbatimIn.has(id)) ? m.verbatim + m.phraseBoost * gb[j].bound : -Infinity;
        if (!q.verbatim) {
          var sum = wb[g.members[0]].bound;
          for (var k = 1; k < g.members.length; k++) sum = sum + wb[g.members[k]].bound;
          u = Math.max(u, sum);
        }
        bound = first ? u : bound + u;
        first = false;
      });
      q.words.forEach(function (w, i) {
        if (grouped.has(i)) return;
        bound = first ? wb[i].bound : bound + wb[i].bound;
        first = false;
      });
      return { id: id, bound: bound, est: est };
    });
  };

  /** Regions of at most this many bytes in all (a query's terms together) are fetched whole: exact totals, facets. */
  // (a first query's 100 KB: search.js ≈ 18 KB, meta.json ≈ 18, dictionary ≈ 3, display rows ≈ 5, headers ≈ 2,
  // leave about 54 for postings read whole)
  var WHOLE_QUERY_BYTES = 54 * 1024;
  /** A term's region this small comes whole with the window tables. */
  var WHOLE_TERM_BYTES = 3 * 1024;

  function satOf(tf, dl, k1, b, avgdl) { return tf / (tf + k1 * (1 - b + b * dl / avgdl)); }

  /**
   * The query parsed with the lexicon (meta.json's). Its terms' dictionary shards are requested at once: the
   * search that follows finds them on their way.
   */
  Engine.prototype.parse = function (raw) {
    var q = parseQuery(raw, this.lex), terms = queryTerms(q).terms, key = headKey(q);
    // the query's own head, if it has one, is in its first term's shard
    if (key !== null && terms.indexOf(key) < 0) terms = terms.concat([key]);
    this.entries(terms).catch(function () { /* the search reports it */ });
    return Promise.resolve(q);
  };

  /**
   * The dictionary key of the ranked head a query may have (StaticSearchExporter.headKey), or null: a query of one
   * word, nothing excluded: its term when it is one phrase of one term, else U+0001 and its phrases (each its
   * clauses as term U+0002 offset, separated by U+0003; phrases separated by U+0001); a query of one group and
   * nothing else: U+0004 and the group's text as a phrase (its verbatim tier). The exporter writes the heads of
   * words with synonyms and of phrases the content repeats when their postings are large.
   */
  function headKey(q) {
    var w = q.words, alts, prefix;
    if (q.excluded.length) return null;
    if (w.length === 1 && !q.groups.length) {
      alts = w[0].alts;
      if (alts.length === 1 && alts[0].clauses.length === 1) return alts[0].clauses[0].term;
      prefix = WORD_HEAD;
    } else if (q.groups.length === 1 && q.groups[0].members.length === w.length) {
      alts = q.groups[0].phrase.alts;
      prefix = VERBATIM_HEAD;
    } else return null;
    return prefix + alts.map(function (a) {
      return a.clauses.map(function (c) { return c.term + '\u0002' + c.offset; }).join('\u0003');
    }).join(WORD_HEAD);
  }

  /** Bytes of a query's postings read whole (tables, doc parts, positions where needed); 0 when nothing matches. */
  Engine.prototype.querySize = function (q) {
    return this.resolve(q).then(function (qt) {
      if (!qt) return 0;
      var size = 0;
      qt.terms.forEach(function (t) {
        var e = qt.entries.get(t);
        size += (e[7] ? 0 : e[2]) + e[3] + (qt.pos.get(t) ? e[4] : 0);
      });
      return size;
    });
  };

  /**
   * The best k passing matches without fetching every window (block-max): each window's bound is the best score a
   * doc in it can reach (per word idfSum × the least, over the word's terms, of the term's best saturation in the
   * window — a phrase occurs at most as often as each of its terms —, for `all` and `name`, summed as the scorer
   * sums). Windows are fetched best bound first: a first batch expected to hold well over k matches, then rounds
   * of windows whose bound reaches the k-th score found so far (a tie reaches it unless all the window's docs come
   * after the k-th doc), until no unread window's does: the top k and their order are then exact.
   * verbatimIn: see windowBounds.
   * → {docs, scores, exact (every candidate window read), estimate (passing matches, when not exact), windows
   * (the ids of the windows holding matches, when exact)}.
   */
  Engine.prototype.bounded = function (q, k, pass, verbatimIn) {
    var self = this;
    return this.resolve(q).then(function (qt) {
      if (!qt) return { docs: NONE.docs, scores: NONE.scores, exact: true };
      var size = 0, es = qt.terms.map(function (t) { return qt.entries.get(t); });
      es.forEach(function (e, j) { size += (e[7] ? 0 : e[2]) + e[3] + (qt.pos.get(qt.terms[j]) ? e[4] : 0); });
      var small = size <= self.wholeQueryBytes;
      return self.tables(qt.terms, es, small ? Infinity : self.wholeTermBytes, function (t) { return qt.pos.get(t); })
        .then(function (tables) {
          var tabOf = tableMap(qt, tables), ids = candidateWindows(q, tabOf);
          if (small) return self.evalWindows(q, qt, ids, tabOf).then(function (r) { r.exact = true; return r; });
          var skip;
          if (verbatimIn) {
            // terms of the group's text alone are not read where it is known not to stand
            var wordTerms = new Set();
            q.words.concat(q.excluded).forEach(function (w) {
              w.alts.forEach(function (a) { a.clauses.forEach(function (c) { wordTerms.add(c.term); }); });
            });
            skip = function (t, id) { return !wordTerms.has(t) && !verbatimIn.has(id); };
          }
          // the windows a match can lie in may be few though the terms are large (a rare phrase of common
          // trigrams): when they and the tables fit what a query reads whole, they come in one round, exactly
          var read = 0;
          es.forEach(function (e, j) { // as tables() read them: a small term whole, else its table unless inline
            var region = docStart(e) + e[3] + (qt.pos.get(qt.terms[j]) ? e[4] : 0) - e[1];
            read += region <= self.wholeTermBytes ? region : e[7] ? 0 : e[2];
          });
          ids.forEach(function (id) {
            qt.terms.forEach(function (t) {
              var w = tabOf.get(t).byId.get(id);
              if (w && !(skip && skip(t, id)) && !self.windows.has(t + '\u0000' + id)) {
                read += w.docLen + (qt.pos.get(t) ? w.posLen : 0);
              }
            });
          });
          if (read <= self.wholeQueryBytes) {
            return self.evalWindows(q, qt, ids, tabOf, skip).then(function (r) { r.exact = true; return r; });
          }
          var cands = self.windowBounds(q, qt, tabOf, ids, verbatimIn);
          cands.sort(function (x, y) { return y.bound - x.bound || x.id - y.id; });
          var first = [], expected = 0, i = 0;
          while (i < cands.length && (expected < 4 * k || first.length < 2)) { expected += cands[i].est; first.push(cands[i++]); }
          var fetched = new Set(), found = { docs: [], scores: [] }, windows = [];
          function round(batch) {
            batch.forEach(function (c) { fetched.add(c.id); });
            return self.evalWindows(q, qt, batch.map(function (c) { return c.id; }), tabOf, skip).then(function (r) {
              for (var j = 0; j < r.docs.length; j++) { found.docs.push(r.docs[j]); found.scores.push(r.scores[j]); }
              windows = windows.concat(r.windows);
              var best = top(found, k, passing(found, pass)), kth = best.length === k ? best[k - 1] : null;
              // (a bound equal to the k-th score may hide a tie with a lower doc id: such windows are read)
              var rest = cands.filter(function (c) { return !fetched.has(c.id) && (!kth || c.bound >= kth.score); });
              if (!rest.length) return finish();
              // the k-th score rises as windows come in: read the best bounds first, doubling what has been read
              // (the last round takes all that is left when that is at most as much again)
              var n = rest.length <= 2 * fetched.size ? rest.length : Math.max(2, fetched.size);
              if (!kth) {
                // fewer than k so far: at least the windows expected to bring twice the missing ones at the rate
                // the read windows matched (all when none did: a rare verbatim text is read in two rounds, not
                // seven that each found nothing)
                var got = best.length, estRead = 0, want = 0;
                cands.forEach(function (c) { if (fetched.has(c.id)) estRead += c.est; });
                var m = 0;
                while (m < rest.length && want * got < 2 * (k - got) * estRead) want += rest[m++].est;
                n = Math.max(n, m);
              }
              return round(rest.slice(0, n));
            });
          }
          function finish() {
            var res = { docs: Int32Array.from(found.docs), scores: Float64Array.from(found.scores) };
            res.exact = fetched.size === cands.length;
            if (res.exact) res.windows = windows;
            if (!res.exact) {
              // matches in the unread windows, at the rate at which the read windows' shortest lists matched
              var got = passing(res, pass).length, estFetched = 0, estRest = 0;
              cands.forEach(function (c) { if (fetched.has(c.id)) estFetched += c.est; else estRest += c.est; });
              res.estimate = Math.round(got + estRest * (estFetched ? got / estFetched : 0));
            }
            return res;
          }
          return round(first);
        });
    });
  };

  /** Indexes of the matches that pass the filters. */
  function passing(matches, pass) {
    var out = [];
    for (var i = 0; i < matches.docs.length; i++) if (pass(matches.docs[i], null)) out.push(i);
    return out;
  }

  /**
   * The matches of a query with a ranked head (StaticSearchExporter.rankedHead; one word of one term, or a word
   * with synonyms, see headKey): {docs, head} — every matching doc (ascending) and the best HEAD docs in rank
   * order, no scores; else null, and the caller runs the full search.
   */
  Engine.prototype.headMatches = function (q) {
    var self = this;
    return this.meta().then(function () {
      var t = headKey(q);
      return t === null || t.charAt(0) === VERBATIM_HEAD ? null : self.readHead(t);
    });
  };

  /** The ranked head under dictionary key t: {docs, head} (see headMatches), or null when t has none. */
  Engine.prototype.readHead = function (t) {
    var self = this;
    return this.entries([t]).then(function (es) {
      var e = es[0];
      if (!e || !e[6]) return null;
      if (!self.heads.has(t)) {
        var at = docStart(e) + e[3] + e[4];
        self.heads.set(t, self.getRanges('post/' + e[0] + '.bin', [[at, at + e[6]]]).then(function (parts) {
          return inflate(parts[0], true);
        }).then(function (bytes) {
          var r = new Reader(bytes), k = r.varint(), head = new Int32Array(k), i;
          for (i = 0; i < k; i++) head[i] = r.varint();
          var df = r.varint(), docs = new Int32Array(df), doc = 0;
          for (i = 0; i < df; i++) { doc += r.varint(); docs[i] = doc; }
          return { docs: docs, head: head };
        }));
      }
      return self.heads.get(t);
    });
  };

  /**
   * Lucene's norm byte → document length (SmallFloat.byte4ToInt): 0–23 exact, then 4 significant bits and a shift.
   * The parity tests check every score against Lucene's.
   */
  var LENGTHS = new Float64Array(256);
  for (var nb = 0; nb < 256; nb++) {
    var v4 = nb - 24, shift4 = (v4 >>> 3) - 1;
    LENGTHS[nb] = nb < 24 ? nb : Math.min(24 + (shift4 < 0 ? v4 & 7 : ((v4 & 7) | 8) * Math.pow(2, shift4)), 2147483647);
  }

  function idf(docCount, df) { return Math.log(1 + (docCount - df + 0.5) / (df + 0.5)); }

  /** Matches {docs, score} of one phrase (alt) in one field, given the phrase's terms' postings (lists). */
  Engine.prototype.matchPhrase = function (alt, lists, field) {
    var m = this.m, st = m.fields[field], n = lists.length, i, j;
    for (i = 0; i < n; i++) {
      if (!lists[i] || lists[i][field].docs.length === 0) return { docs: new Int32Array(0), score: new Float64Array(0) };
    }
    var P = lists.map(function (l) { return l[field]; });
    var idfSum = 0;
    for (i = 0; i < n; i++) idfSum += idf(st[0], P[i].df);
    var avgdl = st[1] / st[0], k1 = m.k1, b = m.b, table = LENGTHS;
    var ptr = new Int32Array(n), first = P[0], outD = new Int32Array(first.docs.length),
      outS = new Float64Array(first.docs.length), k = 0;
    outer:
    for (var i0 = 0; i0 < first.docs.length; i0++) {
      var d = first.docs[i0];
      for (j = 1; j < n; j++) {
        var dj = P[j].docs;
        while (ptr[j] < dj.length && dj[ptr[j]] < d) ptr[j]++;
        if (ptr[j] >= dj.length) break outer;
        if (dj[ptr[j]] !== d) continue outer;
      }
      var freq;
      if (n === 1) freq = first.freqs[i0];
      else {
        freq = 0;
        var fp = positionsOf(first, i0), others = [];
        for (j = 1; j < n; j++) others.push(positionsOf(P[j], ptr[j]));
        for (var q = 0; q < fp.length; q++) {
          var start = fp[q] - alt.clauses[0].offset, ok = true;
          for (j = 1; j < n && ok; j++) ok = contains(others[j - 1], start + alt.clauses[j].offset);
          if (ok) freq++;
        }
      }
      if (freq > 0) {
        var dl = table[first.norms[i0]];
        outD[k] = d;
        outS[k] = idfSum * (freq / (freq + k1 * (1 - b + b * dl / avgdl)));
        k++;
      }
    }
    return { docs: outD.subarray(0, k), score: outS.subarray(0, k) };
  };

  var NO_MATCH = { docs: new Int32Array(0), score: new Float64Array(0) };

  /** Docs of either (ascending); a doc in both keeps the greater score (QueryEngine.union). */
  function union(x, y) {
    var d = new Int32Array(x.docs.length + y.docs.length), s = new Float64Array(d.length), a = 0, b = 0, k = 0;
    while (a < x.docs.length || b < y.docs.length) {
      if (b >= y.docs.length || (a < x.docs.length && x.docs[a] < y.docs[b])) { d[k] = x.docs[a]; s[k++] = x.score[a++]; }
      else if (a >= x.docs.length || y.docs[b] < x.docs[a]) { d[k] = y.docs[b]; s[k++] = y.score[b++]; }
      else { d[k] = x.docs[a]; s[k++] = Math.max(x.score[a++], y.score[b++]); }
    }
    return { docs: d.subarray(0, k), score: s.subarray(0, k) };
  }

  /** A word's matches, each doc scored by its best phrase: all + nameBoost × name (QueryEngine.matchWord). */
  Engine.prototype.matchWord = function (w, byTerm, withName) {
    var self = this, best = NO_MATCH, boost = this.m.nameBoost, vw = this.m.variantWeight;
    w.alts.forEach(function (alt, ai) {
      var lists = alt.clauses.map(function (c) { return byTerm.get(c.term); });
      var all = self.matchPhrase(alt, lists, 'all');
      if (!all.docs.length) return;
      var sc = Float64Array.from(all.score);
      if (withName) {
        var name = self.matchPhrase(alt, lists, 'name'), ni = 0;
        for (var k = 0; k < all.docs.length; k++) {
          while (ni < name.docs.length && name.docs[ni] < all.docs[k]) ni++;
          if (ni < name.docs.length && name.docs[ni] === all.docs[k]) sc[k] = sc[k] + boost * name.score[ni];
        }
      }
      if (ai > 0) for (var v = 0; v < sc.length; v++) sc[v] = vw * sc[v];
      var mine = { docs: all.docs, score: sc };
      best = best === NO_MATCH ? mine : union(best, mine);
    });
    return best;
  };

  function intersect(a, b) {
    var out = new Int32Array(Math.min(a.length, b.length)), i = 0, j = 0, k = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++; else if (a[i] > b[j]) j++; else { out[k++] = a[i]; i++; j++; }
    }
    return out.subarray(0, k);
  }

  function minus(a, b) {
    var out = new Int32Array(a.length), j = 0, k = 0;
    for (var i = 0; i < a.length; i++) {
      while (j < b.length && b[j] < a[i]) j++;
      if (j >= b.length || b[j] !== a[i]) out[k++] = a[i];
    }
    return out.subarray(0, k);
  }

  /** Advances ptr[j] over ascending docs to d; the index of d, or -1. */
  function seek(list, ptr, j, d) {
    while (ptr[j] < list.length && list[ptr[j]] < d) ptr[j]++;
    return ptr[j] < list.length && list[ptr[j]] === d ? ptr[j] : -1;
  }

  /**
   * Matches {docs, scores} of a query over postings by term (QueryEngine.score, step for step); in the verbatim
   * stage only the documents holding every group's phrase (scored as the whole query scores them).
   */
  Engine.prototype.evaluate = function (q, byTerm) {
    var self = this, empty = { docs: new Int32Array(0), scores: new Float64Array(0) }, docs = null, i;
    var wm = new Array(q.words.length), gm = q.groups.map(function (g) { return self.matchWord(g.phrase, byTerm, true); });
    var required = q.verbatim ? new Set(q.required) : null;
    for (i = 0; i < q.words.length; i++) {
      if (required && !required.has(q.words[i])) continue; // a grouped word: the verbatim stage scores its phrase
      wm[i] = this.matchWord(q.words[i], byTerm, true);
      docs = docs === null ? wm[i].docs : intersect(docs, wm[i].docs);
      if (!docs.length) return empty;
    }
    if (q.verbatim) {
      for (i = 0; i < gm.length; i++) {
        docs = docs === null ? gm[i].docs : intersect(docs, gm[i].docs);
        if (!docs.length) return empty;
      }
    }
    if (docs === null) return empty;
    for (i = 0; i < q.excluded.length; i++) docs = minus(docs, this.matchWord(q.excluded[i], byTerm, false).docs);
    return { docs: docs, scores: this.unitScores(q, docs, wm, gm) };
  };

  /** Units summed in order: groups (verbatim or their words), then words in no group (QueryEngine.unitScores). */
  Engine.prototype.unitScores = function (q, docs, wm, gm) {
    var grouped = new Array(wm.length).fill(false), m = this.m;
    q.groups.forEach(function (g) { g.members.forEach(function (i) { grouped[i] = true; }); });
    var wp = new Int32Array(wm.length), gp = new Int32Array(gm.length), scores = new Float64Array(docs.length);
    for (var k = 0; k < docs.length; k++) {
      var d = docs[k], s = 0, first = true, u, i;
      for (var g = 0; g < gm.length; g++) {
        var at = seek(gm[g].docs, gp, g, d);
        if (at >= 0) u = m.verbatim + m.phraseBoost * gm[g].score[at];
        else {
          var members = q.groups[g].members;
          u = wm[members[0]].score[seek(wm[members[0]].docs, wp, members[0], d)];
          for (var x = 1; x < members.length; x++) {
            i = members[x];
            u = u + wm[i].score[seek(wm[i].docs, wp, i, d)];
          }
        }
        s = first ? u : s + u;
        first = false;
      }
      for (i = 0; i < wm.length; i++) {
        if (grouped[i]) continue;
        u = wm[i].score[seek(wm[i].docs, wp, i, d)];
        s = first ? u : s + u;
        first = false;
      }
      scores[k] = s;
    }
    return scores;
  };

  /**
   * The best k matches [{doc, score}]: score descending, ties by doc ascending (as QueryEngine sorts), from
   * matches = {docs, scores} in any order; only the indexes in `which` when given. A bounded insertion buffer:
   * a result page needs the top 10·page, never a sort of every match.
   */
  function top(matches, k, which) {
    var best = [], n = which ? which.length : matches.docs.length;
    for (var i = 0; i < n; i++) {
      var x = which ? which[i] : i, sc = matches.scores[x], d = matches.docs[x];
      if (best.length === k) {
        var last = best[k - 1];
        if (!(sc > last.score || (sc === last.score && d < last.doc))) continue;
      }
      var lo = 0, hi = best.length;
      while (lo < hi) {
        var mid = (lo + hi) >>> 1, b = best[mid];
        if (b.score > sc || (b.score === sc && b.doc < d)) lo = mid + 1; else hi = mid;
      }
      best.splice(lo, 0, { doc: d, score: sc });
      if (best.length > k) best.pop();
    }
    return best;
  }

  Engine.prototype.budgets = function () {
    if (!this.budgetPromise) this.budgetPromise = this.get('budget.json', 'json');
    return this.budgetPromise;
  };

  /**
   * Display rows [title, url, snippet, budget] of docs: fixed-size slots fetched by Range, the slots of one file
   * in one (multi-range) request. A slot holds the length of its row, then the row: sync-flushed raw deflate of a
   * JSON line, so the rows of a request inflate in one go.
   */
  Engine.prototype.rowsOf = function (docs) {
    var self = this, m = this.m, todo = docs.filter(function (d, k) { return !self.rows.has(d) && docs.indexOf(d) === k; });
    byFile(todo, function (d) { return Math.floor(d / m.slotsPerFile); }).forEach(function (list, file) {
      var base = file * m.slotsPerFile;
      var got = self.getRanges('show/' + file + '.bin', list.map(function (d) {
        return [(d - base) * m.slot, (d - base + 1) * m.slot];
      }));
      var lines = got.then(function (parts) {
        return inflate(deflateRun(parts.map(function (p) { var r = new Reader(p), n = r.varint(); return p.subarray(r.o, r.o + n); })), true);
      }).then(function (bytes) { return utf8.decode(bytes).split('\n'); });
      list.forEach(function (d, k) {
        self.rows.set(d, lines.then(function (ls) { return JSON.parse(ls[k]); }));
      });
    });
    return Promise.all(docs.map(function (d) { return self.rows.get(d); }));
  };

  var PAGE_SIZE = 10;
  /** The page's labels (search.js init reads them from data-strings) and the unit after an amount in 万元. */
  var STR = {};
  var WAN_UNIT = '\u00a0\u4e07\u2060\u5143';

  /**
   * An amount in 万元 as every page prints it (MoneyFormat.printed): two decimals rounded half up on the decimal
   * digits themselves (no binary rounding), thousands grouped, and the unit held to the figure and to itself
   * (no-break space, word joiner) so a phone never breaks "460.20 万元" into "460.20 万 / 元".
   */
  function wanText(v) {
    var m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(String(v));
    if (!m) return String(v) + WAN_UNIT;
    var digits = (m[2] + ((m[3] || '') + '000').slice(0, 3)).split('').map(Number);
    var up = digits.pop() >= 5;
    for (var i = digits.length - 1; up && i >= 0; i--) { digits[i]++; up = digits[i] === 10; if (up) digits[i] = 0; }
    if (up) digits.unshift(1);
    var whole = digits.slice(0, -2).join('').replace(/^0+(?=\d)/, '') || '0';
    var text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + digits.slice(-2).join('');
    return m[1] + text + WAN_UNIT;
  }

  /** A budget bound from the URL (万元): a plain non-negative decimal, else null (the page says why). */
  function budgetBound(v) {
    if (v === undefined || v === null || v === '') return null;
    return /^\d+(\.\d+)?$/.test(String(v).trim()) ? Number(String(v).trim()) : null;
  }

  /**
   * A whole search as the page runs it: params {q, year, dept, cat, min, max, page, full} →
   * {words, total, exact, page, pages, facets: {year, dept, cat} or null, results: [{doc, score, title, url, ...}]}.
   * The top results are always exact. Total and facets are exact when every match was read (small queries, a
   * one-term word's ranked head, `full`); otherwise total is an estimate (exact: false) and facets null.
   */
  Engine.prototype.run = function (params) {
    var self = this, q, m, pass;
    var year = params.year ? parseInt(params.year, 10) : null;
    var min = budgetBound(params.min), max = budgetBound(params.max), withUnbudgeted = !!params.nobudget;
    var wanted = Math.max(1, parseInt(params.page, 10) || 1);
    // with meta.json loaded the dictionary request goes out before run returns (the page then does its own work
    // while it is under way)
    var parsed = this.m ? this.parse(params.q) : this.meta().then(function () { return self.parse(params.q); });
    return parsed.then(function (parsed) {
      q = parsed;
      if (!q.words.length) return { query: q, words: [], total: 0, exact: true, page: 1, pages: 0, results: [], facets: null };
      if (wanted === 1 && year === null && !params.dept && !params.cat && min === null && max === null) prefetchFirstPage();
      return Promise.all([min !== null || max !== null ? self.budgets() : null, params.cat ? self.cats() : null])
        .then(function (loaded) {
          var budgets = loaded[0];
          m = self.m;
          var catIdx = params.cat ? m.cats.indexOf(params.cat) : -1, deptIdx = -1;
          if (params.dept) for (var i = 0; i < m.depts.length; i++) if (m.depts[i][0] === params.dept) deptIdx = i;
          pass = function (d, skip) {
            if (skip !== 'year' && year !== null && m.year[d] !== year) return false;
            if (skip !== 'dept' && params.dept && m.dept[d] !== deptIdx) return false;
            if (skip !== 'cat' && params.cat && (catIdx < 0 || !(m.catMask[d] & (1 << catIdx)))) return false;
            if (skip !== 'budget' && budgets) {
              var v = budgets[d];
              if (v === null) return withUnbudgeted && m.unbudgetedDoc[d] === 1;
              if (min !== null && v < min) return false;
              if (max !== null && v > max) return false;
            }
            return true;
          };
          if (params.full) return self.search(q).then(exact);
          // a one-term word with a ranked head needs no scores while the page lies within the head
          return self.headMatches(q).then(function (h) { return h ? exact(h) : q.groups.length ? verbatimFirst() : bounded(); });
        }).then(function (res) {
          if (res.total) return res;
          // nothing found: likely misspellings and their nearest known words (SearchLexicon.suggestion); the
          // terms it asks about are mostly the query's own, whose dictionary shards are cached
          var terms = self.lex.suggestionTerms(params.q);
          return self.entries(terms).then(function (es) {
            var has = new Map();
            terms.forEach(function (t, k) { has.set(t, !!es[k]); });
            res.suggestion = self.lex.suggestion(params.q, function (t) { return has.get(t) === true; });
            return res;
          });
        });
    });

    /**
     * A query of one one-term word is ranked as its term alone: the dictionary entry of a common term carries that
     * ranking's first page (StaticSearchExporter.firstPage), so its display rows are requested beside its postings
     * rather than after them (rowsOf caches them; the page then finds them there).
     */
    function prefetchFirstPage() {
      var key = headKey(q);
      if (key === null) return;
      self.entries([key]).then(function (es) {
        if (es[0] && es[0][8]) return self.rowsOf(Array.from(es[0][8]));
      }).catch(function () { /* the page's own request of these rows reports the error */ });
    }

    /**
     * Text cut into words: documents holding it verbatim rank above all others (QueryEngine.VERBATIM), so when
     * there are enough of them for the page, they are the page, and only the phrase's postings are read (the
     * common words' are not). The total is then a lower bound: "至少".
     */
    function verbatimFirst() {
      var k = wanted * PAGE_SIZE;
      return self.querySize(q).then(function (size) {
        if (size <= self.wholeQueryBytes) return bounded(); // small enough to read whole: exact total and facets
        var key = headKey(q);
        return (key !== null ? self.readHead(key) : Promise.resolve(null)).then(function (h) {
          return h ? verbatimHead(h) : verbatimStage();
        });
      });

      /**
       * The verbatim tier from its ranked head (a phrase the content repeats): the page when its passing
       * documents fill it; the total is their count, exact.
       */
      function verbatimHead(h) {
        var total = 0, found = [];
        for (var x = 0; x < h.docs.length; x++) if (pass(h.docs[x], null)) total++;
        for (var y = 0; y < h.head.length && found.length < k; y++) {
          if (pass(h.head[y], null)) found.push({ doc: h.head[y], score: null });
        }
        if (found.length < k) return verbatimStage();
        return rows(found.slice((wanted - 1) * PAGE_SIZE), total, false, wanted,
          Math.max(wanted, Math.ceil(total / PAGE_SIZE)), null).then(function (x) {
          x.verbatim = true;
          x.atLeast = true;
          return x;
        });
      }

      function verbatimStage() {
        return self.bounded(verbatimQuery(q), k, pass).then(function (r) {
          var which = passing(r, pass);
          // too few verbatim matches for the page (then all were read): they are the top of the whole query,
          // and no other window holds the group's text — there it scores as its words (one group: a match of the
          // whole query holding the text verbatim is a match of the verbatim stage)
          if (which.length < k) return bounded(r.exact && q.groups.length === 1 ? new Set(r.windows) : undefined);
          // all verbatim matches read: their count is a lower bound of the total; else an estimate of it
          var total = r.exact ? which.length : Math.max(r.estimate, which.length);
          return rows(top(r, k, which).slice((wanted - 1) * PAGE_SIZE), total, false, wanted,
            Math.max(wanted, Math.ceil(total / PAGE_SIZE)), null).then(function (x) {
            x.verbatim = true; // the total counts (or estimates) the verbatim matches: more hold the words apart
            x.atLeast = r.exact;
            return x;
          });
        });
      }
    }

    function bounded(verbatimIn) {
      return self.bounded(q, wanted * PAGE_SIZE, pass, verbatimIn).then(function (r) {
        if (r.exact) return exact(r);
        var which = passing(r, pass), total = Math.max(r.estimate, which.length);
        var pages = Math.max(wanted, Math.ceil(total / PAGE_SIZE));
        return rows(top(r, wanted * PAGE_SIZE, which).slice((wanted - 1) * PAGE_SIZE), total, false, wanted, pages, null);
      });
    }

    function exact(hits) {
      return self.cats().then(function () { return counted(hits); });
    }

    function counted(hits) {
      var kept = [], x, d;
      for (x = 0; x < hits.docs.length; x++) if (pass(hits.docs[x], null)) kept.push(x);
      var nk = kept.length, pages = Math.max(1, Math.ceil(nk / PAGE_SIZE)), page = Math.min(wanted, pages), slice;
      if (hits.head) {
        // the head is a prefix of the ranking: its passing docs are the first passing docs of the ranking
        var want = Math.min(page * PAGE_SIZE, nk), found = [];
        for (var hi = 0; hi < hits.head.length && found.length < want; hi++) {
          if (pass(hits.head[hi], null)) found.push({ doc: hits.head[hi], score: null });
        }
        if (found.length < want) return bounded();
        slice = found.slice((page - 1) * PAGE_SIZE);
      } else {
        slice = top(hits, page * PAGE_SIZE, kept).slice((page - 1) * PAGE_SIZE);
      }
      // the page's display rows are requested first: the facets are counted while they come
      self.rowsOf(slice.map(function (h) { return h.doc; })).catch(function () { /* rows() below reports it */ });
      var fy = new Map(), fd = new Map(), fc = new Map(), unbudgeted = 0;
      for (x = 0; x < hits.docs.length; x++) {
        d = hits.docs[x];
        if (pass(d, 'year')) fy.set(m.year[d], (fy.get(m.year[d]) || 0) + 1);
        if (pass(d, 'dept')) fd.set(m.dept[d], (fd.get(m.dept[d]) || 0) + 1);
        if (pass(d, 'cat')) for (var c = 0; c < m.cats.length; c++) if (m.catMask[d] & (1 << c)) fc.set(c, (fc.get(c) || 0) + 1);
        if (m.unbudgetedDoc[d] === 1 && pass(d, 'budget')) unbudgeted++;
      }
      var facets = {
        year: Array.from(fy.entries()).sort(function (a, b) { return b[0] - a[0]; })
          .map(function (e) { return { value: String(e[0]), label: String(e[0]), count: e[1] }; }),
        dept: Array.from(fd.entries()).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
          .map(function (e) { return { value: m.depts[e[0]][0], label: m.depts[e[0]][1], count: e[1] }; }),
        cat: Array.from(fc.entries()).sort(function (a, b) { return a[0] - b[0]; })
          .map(function (e) { return { value: m.cats[e[0]], label: m.cats[e[0]], count: e[1] }; })
      };
      return rows(slice, nk, true, page, pages, facets, unbudgeted);
    }

    function rows(slice, total, isExact, page, pages, facets, unbudgeted) {
      return self.rowsOf(slice.map(function (h) { return h.doc; })).then(function (rs) {
        var results = slice.map(function (h, i) {
          var r = rs[i];
          return {
            doc: h.doc, score: h.score, title: r[0], url: r[1], snippet: r[2], budget: r[3],
            year: m.year[h.doc], dept: m.depts[m.dept[h.doc]][1], kind: m.kind[h.doc]
          };
        });
        return { query: q, words: q.words.concat(q.groups.map(function (g) { return g.phrase; })), total: total,
          exact: isExact, page: page, pages: pages,
          facets: facets, unbudgeted: unbudgeted === undefined ? null : unbudgeted, results: results };
      });
    }
  };

  // ---------------------------------------------------------------- snippets
  /** Character ranges [start, end) of every match of the query's words in text. */
  function matchRanges(text, words) {
    var tokens = tokenize(text), byPos = new Map(), ranges = [];
    tokens.forEach(function (t) { byPos.set(t.position + '\u0000' + t.term, t); });
    words.forEach(function (word) {
      word.alts.forEach(function (w) {
        tokens.forEach(function (t) {
          if (t.term !== w.clauses[0].term) return;
          var start = t.start, end = t.end, ok = true;
          for (var j = 1; j < w.clauses.length && ok; j++) {
            var u = byPos.get((t.position + w.clauses[j].offset) + '\u0000' + w.clauses[j].term);
            if (!u) ok = false; else { start = Math.min(start, u.start); end = Math.max(end, u.end); }
          }
          if (ok) ranges.push([start, end]);
        });
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /** A window of about `width` characters around the first match: [{text, mark}] pieces. */
  function snippet(text, words, width) {
    text = text || '';
    width = width || 140;
    var ranges = matchRanges(text, words);
    var from = 0;
    if (ranges.length) from = Math.max(0, ranges[0][0] - Math.floor(width / 3));
    var lineStart = text.lastIndexOf('\n', ranges.length ? ranges[0][0] : 0);
    if (lineStart >= from) from = lineStart + 1;
    var to = Math.min(text.length, from + width), pieces = [], at = from;
    if (from > 0) pieces.push({ text: '…', mark: false });
    ranges.forEach(function (r) {
      if (r[1] <= from || r[0] >= to) return;
      var s = Math.max(r[0], from), e = Math.min(r[1], to);
      if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
      pieces.push({ text: text.slice(s, e), mark: true });
      at = e;
    });
    if (at < to) pieces.push({ text: text.slice(at, to), mark: false });
    if (to < text.length) pieces.push({ text: '…', mark: false });
    return pieces;
  }

  var api = {
    tokenize: tokenize, parseQuery: parseQuery, bucketOf: bucketOf, Engine: Engine, snippet: snippet, top: top,
    matchRanges: matchRanges, PAGE_SIZE: PAGE_SIZE, queryTerms: queryTerms, candidateWindows: candidateWindows,
    tableMap: tableMap, Lexicon: Lexicon, budgetBound: budgetBound
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  root.GongkaiSearch = api;

  // ---------------------------------------------------------------- page UI
  if (typeof document === 'undefined') return;

  /** A label of the page's edition ({0}, {1}… filled in); the key itself when the page gives none. */
  function T(key) {
    var text = STR[key] !== undefined ? STR[key] : key, args = arguments;
    return text.replace(/\{(\d)\}/g, function (all, i) { return +i + 1 < args.length ? String(args[+i + 1]) : all; });
  }

  var PARAMS = ['q', 'year', 'dept', 'cat', 'min', 'max', 'nobudget', 'page'];

  function readParams() { return paramsOf(window.location.search); }

  function paramsOf(search) {
    var u = new URLSearchParams(search), p = {};
    PARAMS.forEach(function (k) { var v = u.get(k); if (v !== null && v !== '') p[k] = v; });
    return p;
  }

  var PATH = typeof window !== 'undefined' ? window.location.pathname : ''; // the page's own; history keeps it

  function hrefFor(p) {
    var s = '';
    PARAMS.forEach(function (k) {
      if (p[k] !== undefined && p[k] !== null && p[k] !== '') s += (s ? '&' : '?') + k + '=' + encodeURIComponent(p[k]);
    });
    return PATH + s;
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  // ---------------------------------------------------------------- HTTP ranges
  /** Binary loaders of files under dataUrl: {one(path, range), many(path, ranges)} → ArrayBuffer(s). */
  function rangeFetchers(dataUrl) {
    var whole = new Map(); // files whose server ignored Range (answered 200): sliced locally
    var multiRange = true; // until the host shows it does not serve multipart/byteranges

    function fetchRange(path, range) {
      if (whole.has(path)) return whole.get(path).then(function (buf) { return buf.slice(range[0], range[1]); });
      return fetch(dataUrl + path, { headers: { Range: 'bytes=' + range[0] + '-' + (range[1] - 1) } })
        .then(function (r) {
          if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
          if (r.status === 206) return r.arrayBuffer();
          var all = r.arrayBuffer();
          whole.set(path, all);
          return all.then(function (buf) { return buf.slice(range[0], range[1]); });
        });
    }

    /** Range by range; the first alone, so a host that ignores Range sends the whole file once. */
    function fetchEach(path, ranges) {
      return fetchRange(path, ranges[0]).then(function (first) {
        return Promise.all(ranges.slice(1).map(function (r) { return fetchRange(path, r); }))
          .then(function (rest) { return [first].concat(rest); });
      });
    }

    /**
     * Several ranges of one file in one request (Range: bytes=a-b,c-d → 206 multipart/byteranges: nginx, Apache,
     * Caddy, Go, the dev server). A host that answers 200 (e.g. S3, which serves single ranges only) is cut off
     * after the headers and asked range by range from then on; a 206 with one range that covers them all is sliced;
     * ranges missing from a multipart answer are fetched alone.
     */
    function fetchRanges(path, ranges) {
      if (whole.has(path) || !multiRange) return fetchEach(path, ranges);
      var ctrl = typeof AbortController !== 'undefined' ? new AbortController() : null;
      var spec = ranges.map(function (r) { return r[0] + '-' + (r[1] - 1); }).join(',');
      return fetch(dataUrl + path, { headers: { Range: 'bytes=' + spec }, signal: ctrl ? ctrl.signal : undefined })
        .then(function (r) {
          if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
          if (r.status === 206) {
            var type = r.headers.get('Content-Type') || '', b = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
            if (/^multipart\/byteranges/i.test(type) && b) {
              return r.arrayBuffer().then(function (buf) {
                var parts = multipartParts(new Uint8Array(buf), b[1] || b[2]);
                return Promise.all(ranges.map(function (x) {
                  for (var i = 0; i < parts.length; i++) {
                    var p = parts[i];
                    if (p.start <= x[0] && p.end >= x[1]) return buf.slice(p.at + x[0] - p.start, p.at + x[1] - p.start);
                  }
                  return fetchRange(path, x);
                }));
              });
            }
            var cr = /bytes\s+(\d+)-(\d+)\//.exec(r.headers.get('Content-Range') || '');
            if (cr && +cr[1] <= ranges[0][0] && +cr[2] + 1 >= ranges[ranges.length - 1][1]) {
              var from = +cr[1];
              return r.arrayBuffer().then(function (buf) {
                return ranges.map(function (x) { return buf.slice(x[0] - from, x[1] - from); });
              });
            }
          }
          if (ctrl) ctrl.abort();
          multiRange = false;
          return fetchEach(path, ranges);
        });
    }
    return { one: fetchRange, many: fetchRanges };
  }

  function indexOfAscii(bytes, text, from) {
    outer:
    for (var i = from; i + text.length <= bytes.length; i++) {
      for (var k = 0; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
      return i;
    }
    return -1;
  }

  /** Parts of a multipart/byteranges body: [{start, end (exclusive), at (offset of the data in body)}]. */
  function multipartParts(bytes, boundary) {
    var parts = [], marker = '--' + boundary, i = 0;
    while (true) {
      var at = indexOfAscii(bytes, marker, i);
      if (at < 0) break;
      var h = at + marker.length;
      if (bytes[h] === 45 && bytes[h + 1] === 45) break; // closing delimiter
      var hEnd = indexOfAscii(bytes, '\r\n\r\n', h);
      if (hEnd < 0) break;
      var headers = String.fromCharCode.apply(null, bytes.subarray(h, hEnd));
      var cr = /content-range:\s*bytes\s+(\d+)-(\d+)/i.exec(headers);
      if (!cr) break;
      var start = +cr[1], end = +cr[2] + 1;
      parts.push({ start: start, end: end, at: hEnd + 4 });
      i = hEnd + 4 + (end - start);
    }
    return parts;
  }

  function init() {
    var app = document.getElementById('search-app');
    if (!app) return;
    // The page's labels (data-strings, from the theme's i18n messages: one script for every edition). {0}, {1}…
    // are filled in; the data shown (titles, departments, snippets) is Chinese and marked so on other editions.
    try { STR = JSON.parse(app.getAttribute('data-strings') || '{}'); } catch (e) { STR = {}; }
    if (STR.unit_wan) WAN_UNIT = '\u00a0' + STR.unit_wan;
    var dataLang = document.documentElement.lang === 'zh-CN' ? null : 'zh-CN';
    function zh(node) { if (dataLang) node.setAttribute('lang', dataLang); return node; }
    var FILTER_NAMES = { year: T('filter_year'), dept: T('filter_dept'), cat: T('filter_cat') };
    var form = document.getElementById('search-form'), input = document.getElementById('search-q');
    var base = app.getAttribute('data-base') || '/';
    if (base.charAt(base.length - 1) !== '/') base += '/';
    var dataUrl = base + 'search/data/';
    var pages = app.getAttribute('data-pages') || base; // the edition's pages (/en/…); the index is shared
    var ranges = rangeFetchers(dataUrl);
    var early = window.gongkaiSearchMeta || null; // started by the page's head while this file downloaded
    var engine = new Engine(function (path, kind, range) {
      if (range) return ranges.one(path, range);
      var got = path === 'meta.json' && early ? early : fetch(dataUrl + path);
      if (path === 'meta.json') early = null;
      return got.then(function (r) {
        if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
        return kind === 'bin' ? r.arrayBuffer() : r.json();
      });
    }, ranges.many);
    // test hook: data-whole-bytes="0" sends every query through the windows (tests on small sites)
    var wholeBytes = app.getAttribute('data-whole-bytes');
    if (wholeBytes !== null) { engine.wholeQueryBytes = +wholeBytes; engine.wholeTermBytes = +wholeBytes; }
    var seq = 0;
    var full = false; // once the reader asks for facet counts of a broad query, every later query reads all matches
    var baseTitle = document.title;
    var browse = document.getElementById('search-browse');
    var narrow = window.matchMedia ? window.matchMedia('(max-width: 59.99rem)') : { matches: false };
    var filtersOpen = false;

    // The frame is built once: a persistent status line (role=status: a screen reader hears "找到 12 条结果", not
    // the list), the results section with its heading (focus goes there after each update), and the filter
    // column, which stays whatever the results.
    var statusLine = el('p', { class: 'search-status', role: 'status' });
    var heading = el('h2', { id: 'search-results-h', class: 'search-results-h', tabindex: '-1', text: T('results') });
    var notes = el('div', { class: 'search-notes' });
    var listBox = el('div', { class: 'search-list' });
    var main = el('section', { class: 'search-main', 'aria-labelledby': 'search-results-h' }, [heading, statusLine, notes, listBox]);
    var toggle = el('button', { type: 'button', class: 'search-filters-toggle', 'aria-expanded': 'false',
      'aria-controls': 'search-filters-body' });
    var filterBody = el('div', { id: 'search-filters-body', class: 'search-filters-body' });
    var filters = el('section', { class: 'search-filters', 'aria-labelledby': 'search-filters-h' },
      [el('h2', { id: 'search-filters-h', text: T('filters') }), toggle, filterBody]);
    var body = el('div', { class: 'search-body' }, [main, filters]);
    app.removeAttribute('aria-live');
    app.textContent = '';
    app.appendChild(body);
    toggle.addEventListener('click', function () { filtersOpen = !filtersOpen; showFilters(); });
    app.addEventListener('click', function (ev) {
      var a = ev.target.closest ? ev.target.closest('a[data-nav]') : null;
      if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      navigate(paramsOf(a.search), false);
    });

    function showFilters(activeCount) {
      if (activeCount !== undefined) toggle.setAttribute('data-active', String(activeCount));
      var n = +(toggle.getAttribute('data-active') || 0);
      toggle.setAttribute('aria-expanded', String(filtersOpen));
      toggle.textContent = T(filtersOpen ? 'filters_hide' : 'filters_show') + (n ? T('filters_count', n) : '');
      filters.classList.toggle('collapsed', !filtersOpen);
    }

    function navigate(p, replace) {
      var href = hrefFor(p);
      render(p, true);
      // the history entry (a few ms of the main thread) in a task of its own: while the query's requests are
      // under way, or after results searched ahead are drawn — never between Enter and the results
      setTimeout(function () {
        if (replace) history.replaceState(null, '', href); else history.pushState(null, '', href);
      }, 0);
    }

    // Searching ahead: what is typed in the box is searched while the reader is still typing or reaching for Enter
    // (one run at a time, the newest text next; an IME commit is one input event), so its three dependent requests
    // (dictionary → postings → rows) are done or under way when the form is submitted, and submit draws the
    // page. Nothing is shown until then. The engine caches what the run read, so a later submit of other text
    // reads less as well.
    var ahead = null, aheadWanted = false, aheadTimer = 0, AHEAD_PAUSE_MS = 100, SEARCHING_AFTER_MS = 150;
    function aheadParams(text) { return full ? { full: true, q: text } : { q: text }; }
    function searchAhead() {
      aheadTimer = 0;
      var text = input.value.trim();
      // a lone letter would read every word it begins; the submit reads it if the reader wants it
      if (!text || (/^[\x00-\x7f]$/.test(text)) || (ahead && !ahead.failed && ahead.q === text && ahead.full === full)) return;
      if (ahead && ahead.busy) { aheadWanted = true; return; }
      var mine = { q: text, full: full, busy: true };
      try { mine.run = engine.run(aheadParams(text)); } catch (e) { mine.run = Promise.reject(e); }
      ahead = mine;
      // a failed run is not taken: the submit searches again and reports its own outcome (a passing network
      // failure does not stick to the text); handling it here leaves no unhandled rejection behind
      mine.run.then(next, function () { mine.failed = true; next(); });
      function next() {
        mine.busy = false;
        if (aheadWanted) { aheadWanted = false; searchAhead(); }
      }
    }
    function scheduleAhead(ev) {
      if (ev.isComposing) return; // mid-IME: the candidate text is not what will be searched
      clearTimeout(aheadTimer);
      // an IME commit (Chinese text arrives a word or phrase at a time) starts the run at once; keys start it after
      // a pause in typing, so keys typed in one burst (or a test's sendKeys) start none, and Enter within the
      // pause cancels it (the submit searches itself)
      aheadTimer = setTimeout(searchAhead, ev.type === 'compositionend' ? 0 : AHEAD_PAUSE_MS);
    }
    /** The run searched ahead for exactly these parameters, if any (then submit needs no request). */
    function takeAhead(p) {
      if (!ahead || ahead.failed || ahead.full !== full || p.q !== ahead.q ||
        Object.keys(p).some(function (k) { return k !== 'q'; })) return null;
      return ahead.run;
    }
    if (input && form) {
      input.addEventListener('input', scheduleAhead);
      input.addEventListener('compositionend', scheduleAhead);
    }

    /** A link within the page (one listener on the app handles every such link: facets list a hundred). */
    function link(p, text, current, label) {
      var a = el('a', { href: hrefFor(p), 'data-nav': '' }, [text]);
      if (current) a.setAttribute('aria-current', 'true');
      if (label) a.setAttribute('aria-label', label);
      return a;
    }

    function without(p, keys) {
      var q = Object.assign({}, p);
      keys.forEach(function (k) { delete q[k]; });
      delete q.page;
      return q;
    }

    /** The filters in the URL, each with a link that removes it (and the labels the facets know). */
    function activeFilters(p, res) {
      var out = [];
      ['year', 'dept', 'cat'].forEach(function (k) {
        if (!p[k]) return;
        var label = p[k];
        if (k === 'dept' && engine.m) engine.m.depts.forEach(function (d) { if (d[0] === p[k]) label = d[1]; });
        out.push({ text: T('filter_active', FILTER_NAMES[k], label), remove: without(p, [k]) });
      });
      if (p.min || p.max) {
        out.push({ text: T('budget_active', p.min || T('budget_any'), p.max || T('budget_any')) +
          (p.nobudget ? T('budget_active_nobudget') : ''), remove: without(p, ['min', 'max', 'nobudget']) });
      }
      return out;
    }

    function facetBlock(title, key, items, p) {
      if (!items || !items.length) return null;
      var list = el('ul');
      items.forEach(function (it) {
        var active = p[key] === it.value, q = without(p, []);
        if (active) delete q[key]; else q[key] = it.value;
        var a = link(q, T('facet_item', it.label, it.count) + (active ? ' ✕' : ''), active,
          active ? T('facet_remove', title, it.label) : null);
        if (/[\u2E80-\u9FFF]/.test(it.label)) zh(a);
        list.appendChild(el('li', null, [a]));
      });
      return el('section', { class: 'search-facet' }, [el('h3', { text: title }), list]);
    }

    function budgetForm(p, res) {
      var box = el('section', { class: 'search-budget', 'aria-labelledby': 'search-budget-h' },
        [el('h3', { id: 'search-budget-h', text: T('budget_heading') })]);
      var min = el('input', { type: 'text', inputmode: 'decimal', name: 'min', id: 'search-min', value: p.min || '',
        autocomplete: 'off', 'aria-describedby': 'search-budget-hint search-budget-error' });
      var max = el('input', { type: 'text', inputmode: 'decimal', name: 'max', id: 'search-max', value: p.max || '',
        autocomplete: 'off', 'aria-describedby': 'search-budget-hint search-budget-error' });
      var error = el('p', { id: 'search-budget-error', class: 'search-error' });
      var f = el('form', { class: 'search-budget-form', novalidate: '' });
      var include = el('input', { type: 'checkbox', id: 'search-nobudget', name: 'nobudget' });
      if (p.nobudget) include.checked = true;
      var unb = res && res.unbudgeted !== null && res.unbudgeted !== undefined ? res.unbudgeted : null;
      f.appendChild(el('div', { class: 'search-budget-row' }, [el('label', { for: 'search-min', text: T('budget_min') }), min,
        el('label', { for: 'search-max', text: T('budget_max') }), max]));
      f.appendChild(el('p', { id: 'search-budget-hint', class: 'hint', text: T('budget_hint') }));
      f.appendChild(error);
      f.appendChild(el('div', { class: 'search-check' }, [include, el('label', { for: 'search-nobudget',
        text: T('budget_include') + (unb !== null ? T('budget_include_count', unb) : '') })]));
      f.appendChild(el('button', { type: 'submit', text: T('budget_apply') }));
      // a bound from the URL that is no number is ignored by the search: say so, do not guess
      var bad = [];
      if (p.min && budgetBound(p.min) === null) { bad.push(T('budget_bad_min', p.min)); min.setAttribute('aria-invalid', 'true'); }
      if (p.max && budgetBound(p.max) === null) { bad.push(T('budget_bad_max', p.max)); max.setAttribute('aria-invalid', 'true'); }
      if (bad.length) error.textContent = T('budget_bad_url', bad.join(T('list_sep')));
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var a = min.value.trim(), b = max.value.trim(), msg = [];
        min.removeAttribute('aria-invalid');
        max.removeAttribute('aria-invalid');
        if (a && budgetBound(a) === null) { msg.push(T('budget_min_not_number')); min.setAttribute('aria-invalid', 'true'); }
        if (b && budgetBound(b) === null) { msg.push(T('budget_max_not_number')); max.setAttribute('aria-invalid', 'true'); }
        if (!msg.length && a && b && Number(a) > Number(b)) { msg.push(T('budget_min_above_max')); min.setAttribute('aria-invalid', 'true'); }
        if (msg.length) {
          error.textContent = msg.join(T('errors_sep')) + T('sentence_end');
          (min.getAttribute('aria-invalid') ? min : max).focus();
          return;
        }
        var q = without(p, ['min', 'max', 'nobudget']);
        if (a) q.min = a;
        if (b) q.max = b;
        if (include.checked && (a || b)) q.nobudget = '1';
        navigate(q, false);
      });
      if (p.min || p.max) {
        box.appendChild(el('p', { class: 'search-budget-active' }, [T('budget_current', p.min || T('budget_any'), p.max || T('budget_any')) +
          (p.nobudget ? T('budget_current_nobudget') : '') + ' ', link(without(p, ['min', 'max', 'nobudget']), T('budget_clear'))]));
      }
      box.appendChild(f);
      if (unb && !(p.min || p.max)) {
        box.appendChild(el('p', { class: 'hint', text: T('budget_unbudgeted', unb) }));
      }
      return box;
    }

    /** The filter column: active filters (each removable), facet counts or the button that computes them, budget. */
    function renderFilters(p, res) {
      filterBody.textContent = '';
      var active = activeFilters(p, res);
      if (active.length) {
        var ul = el('ul', { class: 'search-active' });
        active.forEach(function (f) { ul.appendChild(el('li', null, [link(f.remove, f.text + ' ✕', false, T('filter_remove', f.text))])); });
        if (active.length > 1) ul.appendChild(el('li', null, [link({ q: p.q }, T('filters_clear'))]));
        filterBody.appendChild(el('section', { class: 'search-facet' }, [el('h3', { text: T('filters_current') }), ul]));
      }
      if (res && res.facets) {
        [facetBlock(FILTER_NAMES.year, 'year', res.facets.year, p), facetBlock(FILTER_NAMES.dept, 'dept', res.facets.dept, p),
          facetBlock(FILTER_NAMES.cat, 'cat', res.facets.cat, p)].forEach(function (b) { if (b) filterBody.appendChild(b); });
      } else if (res && res.total) {
        // facet counts need every match: read them only when asked (the rest of the postings of the query)
        var more = el('button', { type: 'button', class: 'search-full', text: T('facets_compute') });
        more.addEventListener('click', function () { full = true; render(p, true); });
        filterBody.appendChild(el('section', { class: 'search-facet' }, [el('h3', { text: T('facets_heading') }),
          el('p', { text: T('facets_hint') }), more]));
      }
      filterBody.appendChild(budgetForm(p, res));
      showFilters(active.length);
    }

    function markInto(parent, text, words, width) {
      snippet(text, words, width).forEach(function (piece) {
        parent.appendChild(piece.mark ? el('mark', { text: piece.text }) : document.createTextNode(piece.text));
      });
    }

    /** Nothing found: why, and every way on (spelling, each filter, each word, no quotes, browsing). */
    function renderNone(p, res) {
      var box = el('div', { class: 'search-none' }), ways = el('ul');
      if (res.suggestion) {
        box.appendChild(el('p', { class: 'search-suggestion' }, [T('did_you_mean'), zh(link(without({ q: res.suggestion }, []), res.suggestion))]));
      }
      activeFilters(p, res).forEach(function (f) {
        ways.appendChild(el('li', null, [T('none_without_filter', f.text), link(f.remove, T('none_remove_filter'))]));
      });
      var q = res.query;
      if (q && q.words.length > 1) {
        var li = el('li', null, [T('none_one_word')]);
        q.words.forEach(function (w, i) {
          if (i) li.appendChild(document.createTextNode(T('list_sep')));
          li.appendChild(link(without(Object.assign({}, p, { q: w.text }), []), w.text));
        });
        ways.appendChild(li);
      }
      if (q && q.excluded.length) {
        ways.appendChild(el('li', null, [T('none_no_exclusions'), link(without(Object.assign({}, p, {
          q: q.words.map(function (w) { return w.text; }).join(' ') }), []), T('none_remove_excluded'))]));
      }
      if (p.q && /["＂“”]/.test(p.q)) {
        var bare = p.q.replace(/["＂“”]/g, ' ').replace(/\s+/g, ' ').trim();
        if (bare) ways.appendChild(el('li', null, [T('none_no_quotes'), link(without(Object.assign({}, p, { q: bare }), []), bare)]));
      }
      ways.appendChild(el('li', { text: T('none_spelling') }));
      if (browse) {
        var li2 = el('li', null, [T('none_browse')]), links = browse.querySelectorAll('a');
        Array.prototype.forEach.call(links, function (a, i) {
          if (i) li2.appendChild(document.createTextNode(T('list_sep')));
          var copy = el('a', { href: a.getAttribute('href'), text: a.textContent });
          if (a.getAttribute('lang')) copy.setAttribute('lang', a.getAttribute('lang'));
          li2.appendChild(copy);
        });
        ways.appendChild(li2);
      }
      box.appendChild(el('p', { text: T('none_try') }));
      box.appendChild(ways);
      notes.appendChild(box);
    }

    function render(p, moveFocus) {
      var my = ++seq, running = null;
      filters.removeAttribute('aria-busy'); // an earlier query's filter column, if still pending, is not coming
      if (p.q) {
        running = takeAhead(p);
        if (!running) {
          try { running = engine.run(full ? Object.assign({ full: true }, p) : p); } catch (e) { running = Promise.reject(e); }
        }
      }
      if (input && input.value !== (p.q || '')) input.value = p.q || '';
      body.classList.toggle('has-query', !!p.q); // the results' space is reserved at once (no shift when they come)
      function frame() {
        document.title = p.q ? T('results_for', p.q) + ' · ' + baseTitle : baseTitle;
        heading.textContent = p.q ? T('results_for', p.q) : T('results');
        notes.textContent = '';
      }
      if (!p.q) {
        frame();
        statusLine.textContent = T('status_empty');
        listBox.textContent = '';
        renderFilters(p, null);
        return;
      }
      // "searching…" only when the answer takes a while: a quick one is drawn with no frame of its own before it
      // (a style, layout and paint of the page that the query's responses would wait behind), and a screen reader
      // hears the outcome, not the wait
      var framed = false;
      setTimeout(function () {
        if (my !== seq || framed) return;
        framed = true;
        frame();
        statusLine.textContent = T('status_searching');
        listBox.setAttribute('aria-busy', 'true');
      }, SEARCHING_AFTER_MS);
      running.then(function (res) {
        if (my !== seq) return;
        if (!framed) { framed = true; frame(); }
        listBox.textContent = '';
        listBox.removeAttribute('aria-busy');
        // an estimated total (broad queries read only the windows that can hold the top results) says so
        var pageOf = res.pages > 1 ? T(res.exact || res.atLeast ? 'status_page' : 'status_page_about', res.page, res.pages) : '';
        if (!res.total) statusLine.textContent = T('status_none', p.q);
        else if (res.verbatim) {
          statusLine.textContent = T(res.atLeast ? 'status_verbatim' : 'status_verbatim_about', p.q, res.total) + pageOf;
        } else statusLine.textContent = T(res.exact ? 'status_found' : 'status_found_about', res.total) + pageOf;
        // the filter column (facet counts: up to a few hundred links) in a task of its own: the results are shown
        // first, and no single task of the page holds both (aria-busy until then)
        filters.setAttribute('aria-busy', 'true');
        setTimeout(function () {
          if (my !== seq) return;
          renderFilters(p, res);
          filters.removeAttribute('aria-busy');
        }, 0);
        if (!res.total) renderNone(p, res);
        else if (res.suggestion) notes.appendChild(el('p', { class: 'search-suggestion' }, [T('did_you_mean'), zh(link({ q: res.suggestion }, res.suggestion))]));
        var list = el('ol', { class: 'search-results', start: String((res.page - 1) * PAGE_SIZE + 1) });
        res.results.forEach(function (r) {
          var sn = zh(el('p', { class: 'search-snippet' }));
          markInto(sn, r.snippet, res.words);
          if (!sn.querySelector('mark')) {
            // the match lies outside the stored excerpt (a budget line, a procurement line, 指标值确定依据 …):
            // name the words found rather than show an excerpt without them
            var found = el('p', { class: 'search-found' }, [T('found_words')]);
            res.query.words.forEach(function (w, i) {
              if (i) found.appendChild(document.createTextNode(T('list_sep')));
              found.appendChild(zh(el('mark', { text: w.text })));
            });
            sn = el('div', null, [found, sn]);
          }
          var meta = el('p', { class: 'search-meta' }, [String(r.year), ' · ', zh(el('span', { text: r.dept })),
            (r.budget !== null && r.budget !== undefined ? T('meta_budget', wanText(r.budget)) : '') +
            (r.kind === 1 ? T('meta_department_year') : '')]);
          var h = el('h3', { class: 'search-title' }), titleLink = zh(el('a', { href: pages + r.url }));
          markInto(titleLink, r.title, res.words, 1000);
          h.appendChild(titleLink);
          list.appendChild(el('li', null, [h, meta, sn]));
        });
        if (res.results.length) listBox.appendChild(list);
        if (res.pages > 1) {
          var pager = el('nav', { class: 'search-pages', 'aria-label': T('pages_label') }), ul = el('ul');
          function pageLink(n, text, label) {
            var q = Object.assign({}, p, { page: String(n) });
            return el('li', null, [link(q, text, n === res.page, label)]);
          }
          if (res.page > 1) ul.appendChild(pageLink(res.page - 1, T('page_previous')));
          for (var n = Math.max(1, res.page - 4); n <= Math.min(res.pages, res.page + 4); n++) ul.appendChild(pageLink(n, String(n), T('page_n', n)));
          if (res.page < res.pages) ul.appendChild(pageLink(res.page + 1, T('page_next')));
          pager.appendChild(ul);
          listBox.appendChild(pager);
        }
        if (moveFocus) heading.focus();
      }).catch(function (err) {
        if (my !== seq) return;
        if (!framed) { framed = true; frame(); }
        listBox.removeAttribute('aria-busy');
        listBox.textContent = '';
        statusLine.textContent = T('status_error', err.message);
      });
    }

    if (form) form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearTimeout(aheadTimer);
      navigate({ q: input ? input.value.trim() : '' }, false);
    });
    window.addEventListener('popstate', function () { render(readParams(), true); });
    filtersOpen = !narrow.matches;
    showFilters(0);
    render(readParams(), false);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})(typeof globalThis !== 'undefined' ? globalThis : this);

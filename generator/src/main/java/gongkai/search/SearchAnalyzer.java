package gongkai.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene analyzer over {@link SearchTokens}: Han unigrams, bigrams and trigrams, Latin/digit runs, lower-cased and
 * width-folded. Values of a multi-valued field are {@link #VALUE_GAP} positions apart so no phrase spans two.
 */
public final class SearchAnalyzer extends Analyzer {
    public static final int VALUE_GAP = 100;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new GongkaiTokenizer());
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
    }

    /**
     * {@link SearchTokens#tokenize}'s rules, streamed: terms are written straight into the term attribute, no token
     * objects or strings per n-gram (building those was a fifth of a whole build's CPU). Equality with
     * {@code SearchTokens.tokenize} on every seed line is tested ({@code TokenizerParityTest}).
     */
    static final class GongkaiTokenizer extends Tokenizer {
        private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
        /** The whole value (field values are short), reused across values. */
        private char[] text = new char[4096];
        private int length;
        private boolean loaded;
        private int cursor;
        private int pos;
        private int lastPos;
        private boolean sepSeen;
        /** The current Han run: normalised code points and their UTF-16 start offsets (starts[count] = end). */
        private int[] runCps = new int[64];
        private int[] runStarts = new int[65];
        private int runCount;
        private int runIndex;
        private int runGram;

        @Override
        public boolean incrementToken() throws IOException {
            clearAttributes();
            if (!loaded) {
                load();
            }
            if (runIndex < runCount) {
                return emitGram();
            }
            while (cursor < length) {
                int raw = Character.codePointAt(text, cursor, length);
                int cp = SearchTokens.normalize(raw);
                int cls = SearchTokens.classify(cp);
                if (cls == SearchTokens.SEP) {
                    cursor += Character.charCount(raw);
                    sepSeen = true;
                    continue;
                }
                if (pos >= 0 && sepSeen) {
                    pos++;
                }
                sepSeen = false;
                if (cls == SearchTokens.HAN) {
                    readHanRun();
                    return emitGram();
                }
                int start = cursor;
                termAtt.setEmpty();
                if (cls == SearchTokens.SYMBOL) { // one token per sign
                    appendCodePoint(cp);
                    cursor += Character.charCount(raw);
                    pos++;
                    setPosition(start, cursor);
                    return true;
                }
                while (cursor < length) {
                    int r = Character.codePointAt(text, cursor, length);
                    int c = SearchTokens.normalize(r);
                    if (SearchTokens.classify(c) != cls) {
                        break;
                    }
                    appendCodePoint(c);
                    cursor += Character.charCount(r);
                }
                pos++;
                setPosition(start, cursor);
                return true;
            }
            return false;
        }

        private void load() throws IOException {
            length = 0;
            int r;
            while ((r = input.read(text, length, text.length - length)) > 0) {
                length += r;
                if (length == text.length) {
                    text = java.util.Arrays.copyOf(text, text.length * 2);
                }
            }
            loaded = true;
            cursor = 0;
            pos = -1;
            lastPos = -1;
            sepSeen = false;
            runCount = 0;
            runIndex = 0;
        }

        private void readHanRun() {
            int count = 0;
            while (cursor < length) {
                int raw = Character.codePointAt(text, cursor, length);
                int c = SearchTokens.normalize(raw);
                if (SearchTokens.classify(c) != SearchTokens.HAN) {
                    break;
                }
                if (count == runCps.length) {
                    runCps = java.util.Arrays.copyOf(runCps, count * 2);
                    runStarts = java.util.Arrays.copyOf(runStarts, count * 2 + 1);
                }
                runCps[count] = c;
                runStarts[count] = cursor;
                count++;
                cursor += Character.charCount(raw);
            }
            runStarts[count] = cursor;
            runCount = count;
            runIndex = 0;
            runGram = 1;
        }

        /** Emits the unigram, bigram or trigram at runIndex (all at the unigram's position), then moves on. */
        private boolean emitGram() {
            int k = runIndex;
            int gram = runGram;
            if (gram == 1) {
                pos++;
            }
            termAtt.setEmpty();
            for (int j = 0; j < gram; j++) {
                appendCodePoint(runCps[k + j]);
            }
            setPosition(runStarts[k], runStarts[k + gram]);
            if (gram < 3 && k + gram < runCount) {
                runGram = gram + 1;
            } else {
                runIndex = k + 1;
                runGram = 1;
            }
            return true;
        }

        private void appendCodePoint(int cp) {
            if (Character.isBmpCodePoint(cp)) {
                termAtt.append((char) cp);
            } else {
                termAtt.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
            }
        }

        private void setPosition(int start, int end) {
            posIncAtt.setPositionIncrement(pos - lastPos);
            lastPos = pos;
            offsetAtt.setOffset(correctOffset(start), correctOffset(end));
        }

        @Override
        public void end() throws IOException {
            super.end();
            int finalOffset = correctOffset(length);
            offsetAtt.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            loaded = false;
            runCount = 0;
            runIndex = 0;
        }
    }
}

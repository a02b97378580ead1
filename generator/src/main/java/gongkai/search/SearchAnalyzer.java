package gongkai.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene analyzer over {@link SearchTokens}: Han unigrams + bigrams, Latin/digit runs, lower-cased and
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

    /** Reads the whole value (field values are short) and replays {@link SearchTokens#tokenize}. */
    static final class GongkaiTokenizer extends Tokenizer {
        private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
        private List<SearchTokens.Token> tokens;
        private int next;
        private int lastPos;
        private int length;
        /** Reused across values: a fresh 8 KB buffer per field value was a visible share of indexing time. */
        private final char[] buf = new char[4096];
        private final StringBuilder text = new StringBuilder();

        @Override
        public boolean incrementToken() throws IOException {
            clearAttributes();
            if (tokens == null) {
                text.setLength(0);
                int r;
                while ((r = input.read(buf)) > 0) {
                    text.append(buf, 0, r);
                }
                length = text.length();
                tokens = SearchTokens.tokenize(text.toString());
                next = 0;
                lastPos = -1;
            }
            if (next >= tokens.size()) {
                return false;
            }
            SearchTokens.Token t = tokens.get(next++);
            termAtt.setEmpty().append(t.term());
            posIncAtt.setPositionIncrement(t.position() - lastPos);
            lastPos = t.position();
            offsetAtt.setOffset(correctOffset(t.start()), correctOffset(t.end()));
            return true;
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
            tokens = null;
        }
    }
}

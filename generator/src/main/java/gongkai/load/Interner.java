package gongkai.load;

import gongkai.content.ParsedTarget;
import gongkai.content.TargetParser;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared by the loaders of one load: equal short indicator texts (一级/二级/三级指标, targets, descriptions
 * repeat across thousands of projects) become one String, and each distinct target is parsed once — a
 * tenth of load CPU and a good share of the heap at 100,000 projects. Records are immutable, so sharing is safe.
 */
final class Interner {
    private static final int MAX_LENGTH = 64;
    private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ParsedTarget> targets = new ConcurrentHashMap<>();

    String text(String s) {
        if (s == null || s.length() > MAX_LENGTH) {
            return s;
        }
        String earlier = texts.putIfAbsent(s, s);
        return earlier == null ? s : earlier;
    }

    ParsedTarget target(String printed) {
        return printed.length() > MAX_LENGTH ? TargetParser.parse(printed)
                : targets.computeIfAbsent(printed, TargetParser::parse);
    }
}

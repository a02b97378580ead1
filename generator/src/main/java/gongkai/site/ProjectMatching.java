package gongkai.site;

import java.util.regex.Pattern;

/**
 * Finds "the same project in another year". Rule: two projects of the SAME department match when their
 * normalised names are equal, where normalising a name
 * <ol>
 *   <li>strips, repeatedly, leading punctuation/symbols/spaces and a leading year expression
 *       ({@code 2024年度}, {@code 2024年}, {@code 2023-2025年}, {@code 2024}), so 2023年物业费项目 and
 *       2024年物业费项目 match, and so do **2025年… and 2024年…;</li>
 *   <li>then removes every punctuation mark, symbol and space anywhere (full- and half-width alike), so
 *       "（环境执法支队）" and "(环境执法支队)" match.</li>
 * </ol>
 * Years inside the name (天津市2024年度…) are kept: they are part of what the project is called.
 */
public final class ProjectMatching {
    private static final Pattern LEADING_NOISE = Pattern.compile("^[\\p{P}\\p{S}\\s]+");
    private static final Pattern LEADING_YEAR = Pattern.compile(
            "^\\d{4}\\s*(?:年度|年)?(?:\\s*[-—–~～至到]\\s*\\d{4}\\s*(?:年度|年)?)?");
    private static final Pattern NOISE = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private ProjectMatching() {
    }

    public static String normalisedName(String name) {
        String rest = name == null ? "" : name.strip();
        String before;
        do {
            before = rest;
            rest = LEADING_NOISE.matcher(rest).replaceFirst("");
            rest = LEADING_YEAR.matcher(rest).replaceFirst("");
        } while (!rest.equals(before));
        return NOISE.matcher(rest).replaceAll("");
    }
}

package gongkai.cli;

import gongkai.content.Lang;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --lang zh|en} on every command, and the rule when it is not given: Chinese, unless the environment asks
 * for English explicitly — {@code GONGKAI_LANG=en}, or the locale (the first of LC_ALL, LC_MESSAGES, LANG that is
 * set) is an English one such as {@code en_US.UTF-8}. C, C.UTF-8, POSIX and no locale at all stay Chinese: CI
 * machines and containers have those, and the agencies read Chinese.
 */
final class LanguageOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--lang", paramLabel = "zh|en", converter = Converter.class,
            description = "消息的语言：zh（中文，默认）或 en（English）；不写时，环境变量 GONGKAI_LANG=en，或 LC_ALL、LC_MESSAGES、"
                    + "LANG 中第一个有值的以 en 开头（如 en_US.UTF-8），则为英文。"
                    + " Language of messages: zh (default) or en; without it, English when GONGKAI_LANG=en or the locale "
                    + "(LC_ALL, LC_MESSAGES, LANG) starts with en.")
    Lang option;

    /** The language of this run: the option, else the environment's choice. */
    Lang lang() {
        if (option != null) {
            return option;
        }
        Object root = mixee.root().userObject();
        return fromEnvironment(root instanceof Main main ? main.environment() : System.getenv());
    }

    /** The rule without {@code --lang}: GONGKAI_LANG first (en or zh), then the locale variables. */
    static Lang fromEnvironment(Map<String, String> env) {
        Lang chosen = parse(env.get("GONGKAI_LANG"));
        if (chosen != null) {
            return chosen;
        }
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                // the first one set decides, as for every program (LC_ALL=C wins over LANG=en_US.UTF-8)
                return isEnglish(value) ? Lang.EN : Lang.ZH;
            }
        }
        return Lang.ZH;
    }

    /** "en", "EN", "en_GB.UTF-8" → EN; "zh", "zh_CN" → ZH; anything else → null. */
    private static Lang parse(String value) {
        if (value == null) {
            return null;
        }
        if (isEnglish(value)) {
            return Lang.EN;
        }
        return language(value).equals("zh") ? Lang.ZH : null;
    }

    private static boolean isEnglish(String locale) {
        return language(locale).equals("en");
    }

    /** The language part of a locale name: "en" of "en_US.UTF-8@euro", "c" of "C.UTF-8". */
    private static String language(String locale) {
        String s = locale.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end);
    }

    /** zh or en, in any case; anything else is a usage error that names both. */
    static final class Converter implements CommandLine.ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "zh" -> Lang.ZH;
                case "en" -> Lang.EN;
                default -> throw new CommandLine.TypeConversionException(
                        "--lang 只能是 zh 或 en (--lang must be zh or en): '" + value + "'");
            };
        }
    }
}

package gongkai.content;

/**
 * The language a run speaks to its user: Chinese, the agencies' language, unless the user asked for English
 * ({@code --lang en} or an English locale; the CLI decides). Chosen once per run and passed along, never global.
 */
public enum Lang {
    ZH, EN
}

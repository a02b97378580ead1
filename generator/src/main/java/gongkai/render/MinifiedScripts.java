package gongkai.render;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The default theme's search.js as the build minified it (Closure Compiler, see generator/pom.xml): served instead
 * of the theme's file when that file is byte for byte the source it was made from. A theme that changed its
 * search.js gets its own file, as written.
 */
public final class MinifiedScripts {
    private static final byte[] SOURCE = resource("search.src.js");
    private static final byte[] MINIFIED = resource("search.min.js");

    private MinifiedScripts() {
    }

    /** The bytes to publish for the theme's static file {@code relative} whose content is {@code bytes}. */
    public static byte[] served(String relative, byte[] bytes) {
        if (relative.equals("search.js") && SOURCE != null && MINIFIED != null && Arrays.equals(bytes, SOURCE)) {
            return MINIFIED.clone();
        }
        return bytes;
    }

    private static byte[] resource(String name) {
        try (InputStream in = MinifiedScripts.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes(); // absent when built without the minify step (IDE)
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the jar's " + name, e);
        }
    }
}

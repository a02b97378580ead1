package gongkai.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The theme's FreeMarker templates behind ONE shared {@link Configuration} (thread-safe once set up, so
 * pages render in parallel). A build creates a fresh instance, so a dev-server rebuild always sees edited
 * templates while each build itself never re-checks template files.
 */
public final class Templates {
    private final Configuration configuration;

    public Templates(Path templateDir) throws IOException {
        if (!Files.isDirectory(templateDir)) {
            throw new IOException("theme template folder not found: " + templateDir);
        }
        // 2.3.35: records' accessors are exposed as properties (${project.name}), .ftlh auto-escapes HTML.
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setDirectoryForTemplateLoading(templateDir.toFile());
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setLocalizedLookup(false);
        // Within one build templates never change; a new build makes a new Configuration.
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Numbers reach templates pre-formatted; "computer" keeps any stray number locale-independent.
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        // View records are read through method handles, not the generic (reflective) bean model.
        cfg.setObjectWrapper(new ViewWrapper());
        this.configuration = cfg;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** Renders one template with the given data model; errors name the template, line and column. */
    public String render(String templateName, Map<String, Object> model) throws IOException, TemplateException {
        StringWriter out = new StringWriter(16 * 1024);
        render(templateName, model, out);
        return out.toString();
    }

    /** Renders one template into {@code out} (e.g. a reused, unsynchronized buffer). */
    public void render(String templateName, Map<String, Object> model, Writer out) throws IOException, TemplateException {
        Template template = configuration.getTemplate(templateName);
        template.process(model, out);
    }
}

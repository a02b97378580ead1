package gongkai.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import gongkai.site.Messages;
import java.util.List;

/**
 * An edition's {@link Messages} as templates see them, the read-only {@code t}: {@code ${t.key}} is the text
 * (auto-escaped like any string), a key ending in {@code _html} is theme markup placed as is (theme authors are
 * the site's maintainers; content never reaches these files), and {@code t("key", a, b)} fills {0}, {1}… with the
 * arguments — strings and numbers escaped, markup (a captured {@code <#assign x>…</#assign>}, {@code @l.wan} …)
 * placed as markup — and returns markup. A key the edition lacks is an error naming the file, never a blank.
 */
final class MessagesModel implements TemplateHashModel, TemplateMethodModelEx {
    private static final HTMLOutputFormat HTML = HTMLOutputFormat.INSTANCE;
    private final Messages messages;

    MessagesModel(Messages messages) {
        this.messages = messages;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        String text = text(key);
        if (key.endsWith("_html")) {
            return HTML.fromMarkup(text);
        }
        return new SimpleScalar(text);
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public Object exec(List arguments) throws TemplateModelException {
        if (arguments.isEmpty() || !(arguments.get(0) instanceof TemplateScalarModel keyModel)) {
            throw new TemplateModelException("t(\"key\", …): the first argument is the message key");
        }
        String key = keyModel.getAsString();
        String pattern = key.endsWith("_html") ? text(key) : HTML.escapePlainText(text(key));
        Object[] args = new Object[arguments.size() - 1];
        for (int i = 1; i < arguments.size(); i++) {
            args[i - 1] = markup(arguments.get(i), key, i);
        }
        return HTML.fromMarkup(fill(pattern, args));
    }

    private String text(String key) throws TemplateModelException {
        try {
            return messages.get(key);
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException(e.getMessage());
        }
    }

    /** {0}, {1}… replaced (as Messages does; no number formatting). */
    private static String fill(String pattern, Object[] args) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 2 < pattern.length() && Character.isDigit(pattern.charAt(i + 1))
                    && pattern.charAt(i + 2) == '}' && pattern.charAt(i + 1) - '0' < args.length) {
                out.append(args[pattern.charAt(i + 1) - '0']);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static String markup(Object arg, String key, int position) throws TemplateModelException {
        if (arg instanceof TemplateMarkupOutputModel<?> m) {
            if (!(m instanceof TemplateHTMLOutputModel html)) {
                throw new TemplateModelException("t(\"" + key + "\"): argument " + position + " is not HTML markup");
            }
            return HTML.getMarkupString(html);
        }
        if (arg instanceof TemplateNumberModel n) {
            Number number = n.getAsNumber();
            // as ?c prints it: never grouped (years, counts)
            return number instanceof java.math.BigDecimal d ? d.toPlainString() : number.toString();
        }
        if (arg instanceof TemplateScalarModel s) {
            return HTML.escapePlainText(s.getAsString());
        }
        throw new TemplateModelException("t(\"" + key + "\"): argument " + position + " is neither text, a number nor markup");
    }
}

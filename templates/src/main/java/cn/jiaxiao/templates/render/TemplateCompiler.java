package cn.jiaxiao.templates.render;

import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.core.TemplateClassResolver;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and runs template source text in a sandbox. School admins write overrides, so a template
 * may only print the model it is given: it can't instantiate classes ({@code ?new}), reach Java methods
 * ({@code ?api}, bean wrapping) or load other files.
 *
 * <p>Thread-safe. Compiled templates are cached by their source text, so an edited override is simply
 * a new entry and never needs invalidating.
 */
public final class TemplateCompiler {

    private static final TemplateCompiler SHARED = new TemplateCompiler();
    // Overrides are few; the cap only guards against a long-running process collecting every past edit.
    private static final int CACHE_LIMIT = 1024;

    private final Configuration freemarker;
    private final Map<CacheKey, Template> cache = new ConcurrentHashMap<>();

    public TemplateCompiler() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.SIMPLIFIED_CHINESE);
        // Numbers are ids and counts: "12345", never the locale's "12,345".
        freemarker.setNumberFormat("computer");
        // An undefined variable is a bug in a template, never something to paper over with an empty
        // string in a message to parents.
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
        // Only strings, numbers, booleans, lists and maps reach a template: no Java object to call into.
        freemarker.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        freemarker.setTemplateLoader(null);
        // ".ftlh" names get HTML output format with auto-escaping; the others stay plain text.
        freemarker.setRecognizeStandardFileExtensions(true);
    }

    public static TemplateCompiler shared() {
        return SHARED;
    }

    /**
     * Parses a template. The name only labels errors, except its extension: an HTML part is compiled
     * with auto-escaping.
     *
     * @throws ParseException with the line and column of the first syntax error
     */
    public Template compile(String name, TemplatePart part, String source) throws ParseException {
        CacheKey key = new CacheKey(name, part.html(), source);
        Template cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Template template;
        try {
            String baseName = name.replaceFirst("\\.ftlh?$", "");
            template = new Template(baseName + (part.html() ? ".ftlh" : ".ftl"), new StringReader(source), freemarker);
        } catch (ParseException e) {
            throw e;
        } catch (IOException e) {
            // A StringReader never fails; any other IOException would be a Freemarker bug.
            throw new UncheckedIOException(e);
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, template);
        return template;
    }

    /** Runs a template on a model of plain values; the output is stripped of surrounding blank space. */
    public static String run(Template template, Map<String, ?> model) throws TemplateException {
        StringWriter out = new StringWriter(512);
        try {
            template.process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().strip();
    }

    private record CacheKey(String name, boolean html, String source) {
    }
}

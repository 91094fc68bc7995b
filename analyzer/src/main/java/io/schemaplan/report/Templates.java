package io.schemaplan.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.schemaplan.text.Printable;

/**
 * The report templates of {@code report-templates/}, compiled to Java classes at build time by the
 * jte-maven-plugin: no template compiler at run time, and a template that does not type-check fails the
 * build. HTML templates escape every {@code ${…}} for its context; the Markdown templates are plain text
 * and escape with {@link Markdown}.
 */
final class Templates {
    private static final TemplateEngine HTML = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "io.schemaplan.report.templates.html");
    private static final TemplateEngine MARKDOWN = TemplateEngine.createPrecompiled(null, ContentType.Plain,
            Templates.class.getClassLoader(), "io.schemaplan.report.templates.markdown");

    private Templates() {
    }

    /**
     * HTML escaping keeps markup out, but not the characters that reorder or hide text (U+202E, ESC, the
     * zero-width ones): schema names may hold them, the templates never do, so they are shown as escapes.
     */
    static String html(String template, Object param) {
        return Printable.escapeKeepingLayout(render(HTML, template, param));
    }

    /** An HTML template with several parameters, by name. */
    static String html(String template, java.util.Map<String, Object> params) {
        StringOutput out = new StringOutput();
        HTML.render(template, params, out);
        return Printable.escapeKeepingLayout(out.toString());
    }

    static String markdown(String template, Object param) {
        return render(MARKDOWN, template, param);
    }

    /** A template with several parameters, by name. */
    static String markdown(String template, java.util.Map<String, Object> params) {
        StringOutput out = new StringOutput();
        MARKDOWN.render(template, params, out);
        return out.toString();
    }

    private static String render(TemplateEngine engine, String template, Object param) {
        StringOutput out = new StringOutput();
        engine.render(template, param, out);
        return out.toString();
    }
}

package io.schemaplan.report;

import io.schemaplan.gate.Verdict;
import io.schemaplan.gate.Verdict.Case;
import io.schemaplan.text.Printable;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The verdict as JUnit XML for CI test reports: one test suite per policy check, one test case per check and
 * change (or blocking window), a {@code <failure>} for each violation; warnings and allowed findings pass
 * and say so in {@code <system-out>}. Written with StAX, which escapes every text and attribute.
 */
public final class GateJunitRenderer {
    private GateJunitRenderer() {
    }

    public static String render(Verdict v) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "schemaplan gate " + v.plan().from() + " -> " + v.plan().to());
            x.writeAttribute("tests", String.valueOf(v.cases().size()));
            x.writeAttribute("failures", String.valueOf(v.violations().size()));
            java.util.Map<String, java.util.List<Case>> byCheck = new java.util.LinkedHashMap<>();
            for (Case c : v.cases()) byCheck.computeIfAbsent(c.check().name(), k -> new java.util.ArrayList<>()).add(c);
            for (var e : byCheck.entrySet()) {
                long failures = e.getValue().stream().filter(GateJunitRenderer::failed).count();
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", e.getKey());
                x.writeAttribute("tests", String.valueOf(e.getValue().size()));
                x.writeAttribute("failures", String.valueOf(failures));
                x.writeAttribute("errors", "0");
                for (Case c : e.getValue()) testcase(x, c);
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out + "\n";
    }

    private static boolean failed(Case c) {
        return c.finding() != null && c.finding().level() == Verdict.Level.VIOLATION;
    }

    private static void testcase(XMLStreamWriter x, Case c) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        // XML 1.0 cannot hold most control characters at all: names are escaped as in every text output.
        x.writeAttribute("classname", Printable.escape(c.check().name()));
        x.writeAttribute("name", Printable.escape(GateText.subject(c)));
        if (failed(c)) {
            x.writeStartElement("failure");
            x.writeAttribute("type", c.finding().ruleId());
            x.writeAttribute("message", Printable.escape(GateText.message(c.finding())));
            if (c.finding().item() != null) x.writeCharacters(Printable.escape(c.finding().item().recipe()));
            x.writeEndElement();
        } else if (c.finding() != null) {
            x.writeStartElement("system-out");
            x.writeCharacters(Printable.escape((c.finding().level() == Verdict.Level.WARNING ? "warning: "
                    : "allowed (" + c.finding().allowedBecause() + "): ") + GateText.message(c.finding())));
            x.writeEndElement();
        }
        x.writeEndElement();
    }
}

package io.schemaplan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, run as a separate process on a local file: the DOM after the page's scripts
 * ran, and screenshots. Every run gets a fresh profile directory and no network features, so that
 * nothing but the file is loaded. Missing Chromium is a failure, not a skip: {@code scripts/test}
 * installs it.
 */
public final class Chromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 60;

    private Chromium() {
    }

    /** The serialized DOM of the page after its scripts ran (DOMContentLoaded handlers included). */
    public static String dumpDom(Path html, int width, int height) {
        return run(List.of("--dump-dom", "--window-size=" + width + "," + height), html);
    }

    /** A screenshot of {@code width × height} pixels of the page's top. */
    public static void screenshot(Path html, Path png, int width, int height) {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height), html);
        if (!Files.isRegularFile(png)) throw new AssertionError("chromium wrote no screenshot " + png);
    }

    /**
     * A page narrower than headless Chromium's smallest window (500 px): a wrapper page beside it shows it in
     * an iframe {@code width} px wide (its own viewport, so its media queries apply), and copies the page's
     * root attributes, its scroll width and its viewport width onto its own root for {@link #dumpDom}. Needs
     * {@code --allow-file-access-from-files}, which {@link #dumpDomNarrow} and {@link #screenshotNarrow} pass.
     */
    public static Path narrowWrapper(Path html, int width, int height) {
        return wrapper(html, width + ".wrapper.html", width, height, "var d=this.contentDocument.documentElement,"
                + "r=document.documentElement;"
                + "for(var i=0;i<d.attributes.length;i++){r.setAttribute('data-inner-'+d.attributes[i].name,d.attributes[i].value);}"
                + "r.setAttribute('data-inner-scroll-width',String(d.scrollWidth));"
                + "r.setAttribute('data-inner-client-width',String(d.clientWidth));"
                + "r.setAttribute('data-inner-dom',this.contentDocument.body?'1':'0');");
    }

    /** A page beside {@code html} that shows it in an iframe {@code width} px wide and runs {@code onLoad} after it loaded. */
    private static Path wrapper(Path html, String suffix, int width, int height, String onLoad) {
        Path wrapper = html.resolveSibling(html.getFileName() + "." + suffix);
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0;background:#888}"
                + "iframe{display:block;border:0;background:#fff;width:" + width + "px;height:" + height + "px}</style>"
                + "</head><body><iframe id=\"f\" src=\"" + html.getFileName()
                + "\"></iframe><script>document.getElementById('f').addEventListener('load',function(){" + onLoad
                + "});</script></body></html>";
        try {
            Files.writeString(wrapper, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wrapper;
    }

    /**
     * Runs {@code script}, the body of a JavaScript function of the page's {@code document} that returns a string,
     * on the page shown in an iframe {@code width} px wide (as {@link #narrowWrapper}: its own viewport, after
     * its scripts ran), and returns that string: layout facts (where a box is drawn, which texts overlap) that
     * the DOM alone does not hold.
     */
    public static String probe(Path html, int width, int height, String script) {
        Path wrapper = wrapper(html, width + ".probe.html", width, height, "var r;try{r=String((function(document){"
                + script + "})(this.contentDocument));}catch(e){r='error: '+e;}"
                + "document.documentElement.setAttribute('data-probe',r);");
        String dom = run(List.of("--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
                "--window-size=" + Math.max(500, width) + "," + height), wrapper);
        String result = rootAttribute(dom, "data-probe");
        if (result == null) throw new AssertionError("the probe did not run on " + html);
        return result.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** {@link #dumpDom} of the wrapper page of {@link #narrowWrapper}: the page's facts as {@code data-inner-…}. */
    public static String dumpDomNarrow(Path html, int width, int height) {
        return run(List.of("--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
                "--window-size=500," + height), narrowWrapper(html, width, height));
    }

    /** A screenshot of the page shown {@code width} px wide (the wrapper's grey fills the rest of 500 px). */
    public static void screenshotNarrow(Path html, Path png, int width, int height) {
        run(List.of("--allow-file-access-from-files", "--virtual-time-budget=5000", "--screenshot=" + png.toAbsolutePath(),
                "--window-size=500," + height), narrowWrapper(html, width, height));
        if (!Files.isRegularFile(png)) throw new AssertionError("chromium wrote no screenshot " + png);
    }

    /** The value of an attribute of the root element in a dumped DOM, or null. */
    public static String rootAttribute(String dom, String name) {
        Matcher m = Pattern.compile("<html[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : null;
    }

    /** Width and height of a PNG, from its IHDR chunk. */
    public static int[] pngSize(Path png) {
        try {
            byte[] head = new byte[24];
            try (var in = Files.newInputStream(png)) {
                if (in.readNBytes(head, 0, 24) != 24) throw new AssertionError("not a PNG: " + png);
            }
            if (head[1] != 'P' || head[2] != 'N' || head[3] != 'G') throw new AssertionError("not a PNG: " + png);
            ByteBuffer b = ByteBuffer.wrap(head);
            return new int[] {b.getInt(16), b.getInt(20)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(List<String> extra, Path html) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run scripts/test, which installs Debian's chromium package");
        }
        Path profile = null;
        try {
            profile = Files.createTempDirectory("sp-chromium-");
            List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
            cmd.addAll(extra);
            cmd.add(html.toAbsolutePath().toUri().toString());
            Path err = profile.resolve("stderr.txt");
            Path out = profile.resolve("stdout.txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s on " + html);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("chromium exited with " + p.exitValue() + ": " + Files.readString(err));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile is harmless.
        }
    }
}

package org.ilium.shared.document;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Documents for people outside the app (prior-authorisation packets, outcome reports): one XHTML
 * template under {@code documents/}, rendered as HTML for the screen and as PDF for sending, so both
 * say the same. Works without a Spring context, so commands can use it too.
 */
public final class DocumentRenderer {
    /** The family name templates use in CSS; backed by DejaVu Sans, which covers every Latin letter and >= etc. */
    public static final String FONT_FAMILY = "DejaVu Sans";
    private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    static {
        XRLog.setLoggerImpl(new Slf4jXrLogger());
    }

    /** openhtmltopdf logs through java.util.logging at INFO for routine steps; here they go to SLF4J at debug. */
    private static final class Slf4jXrLogger implements XRLogger {
        private static final Logger log = LoggerFactory.getLogger("com.openhtmltopdf");

        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                log.error("{}: {}", where, msg, th);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                log.warn("{}: {}", where, msg, th);
            } else {
                log.debug("{}: {}", where, msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // levels are set in the application's logging configuration
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || log.isDebugEnabled();
        }
    }

    /**
     * openhtmltopdf's default line breaker also breaks after '.', ',' and '-' so long URLs can wrap; that split
     * "-5.3" into "-5." and "3" across lines. This one keeps such breaks except between two digits.
     */
    static final class NumberKeepingBreaker implements FSTextBreaker {
        private final FSTextBreaker delegate = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.ENGLISH));
        private String text = "";

        @Override
        public void setText(String newText) {
            text = newText;
            delegate.setText(newText);
        }

        @Override
        public int next() {
            int at = delegate.next();
            while (at >= 2 && at < text.length() && insideNumber(at)) {
                at = delegate.next();
            }
            return at;
        }

        private boolean insideNumber(int at) {
            char before = text.charAt(at - 1);
            return (before == '.' || before == ',' || before == '-') && Character.isDigit(text.charAt(at))
                    && Character.isDigit(text.charAt(at - 2));
        }
    }

    public DocumentRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DocumentRenderer.class.getClassLoader());
        resolver.setPrefix("documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    public String html(String template, Map<String, Object> model) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(model);
        return engine.process(template, context);
    }

    public byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            // inline <svg> charts stay vector graphics in the PDF
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useUnicodeLineBreaker(new NumberKeepingBreaker());
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DejaVu TrueType file from the class path (e.g. {@code DejaVuSans.ttf}), for charts drawn in the same font. */
    public static InputStream font(String file) {
        InputStream in = DocumentRenderer.class.getResourceAsStream(FONT_DIR + file);
        if (in == null) {
            throw new IllegalStateException("font " + file + " missing from the classpath");
        }
        return in;
    }
}

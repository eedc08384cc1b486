package dev.awsconnectors.testhost.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.testhost.webresource.HostPageBuilderService;
import dev.awsconnectors.testhost.webresource.UnknownWebResourceException;
import dev.awsconnectors.testhost.webresource.WebResourceFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Jira's SiteMesh does for plugin pages: a whole HTML page written by a plugin servlet is put into the host's
 * {@link PageFrame} — its title and head kept, its body placed under the header, and the web resources it required
 * through the page builder linked in its head. Anything else (fragments, redirects, JSON, downloads) passes through
 * unchanged. A page that required an unknown web resource is answered 500, naming it, rather than shown without it.
 */
final class Decorator extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HEAD = Pattern.compile("<head[^>]*>(.*?)</head>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<body[^>]*>(.*)</body>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Logger LOG = Logger.getLogger(Decorator.class.getName());

    private final transient PageFrame frame;
    private final transient Optional<PageBuilderService> pageBuilder;

    /**
     * @param pageBuilder the page builder as the plugin sees it (the host's, behind the plugin's import), if the
     *                    plugin imports one
     */
    Decorator(PageFrame frame, Optional<PageBuilderService> pageBuilder) {
        this.frame = frame;
        this.pageBuilder = pageBuilder;
    }

    /** The host's page behind the plugin's import; anything else would silently drop the page's resources. */
    private static HostPageBuilderService.Page hostPage(Object assembler) {
        if (assembler instanceof HostPageBuilderService.Page page) {
            return page;
        }
        throw new IllegalStateException("The plugin's page builder answered " + assembler.getClass().getName()
                + ", not the host's page: its web resources would be lost");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Capture capture = new Capture(response);
        Optional<HostPageBuilderService.Page> built = pageBuilder.map(PageBuilderService::assembler)
                .map(Decorator::hostPage).map(HostPageBuilderService.Page::restart);
        try {
            chain.doFilter(request, capture);
        } finally {
            built.ifPresent(HostPageBuilderService.Page::close);
        }
        capture.flushWriter();
        byte[] bytes = capture.buffer.toByteArray();
        String type = capture.getContentType();
        if (type != null && type.startsWith("text/html") && !response.isCommitted()) {
            Charset charset = Charset.forName(capture.getCharacterEncoding());
            String html = new String(bytes, charset);
            Matcher body = BODY.matcher(html);
            if (body.find()) {
                Matcher title = TITLE.matcher(html);
                Matcher head = HEAD.matcher(html);
                String headHtml = head.find() ? TITLE.matcher(head.group(1)).replaceAll("") : "";
                List<WebResourceFile> resources;
                try {
                    resources = built.map(HostPageBuilderService.Page::files).orElse(List.of());
                } catch (UnknownWebResourceException e) {
                    LOG.severe(request.getRequestURI() + ": " + e.getMessage());
                    response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.getMessage());
                    return;
                }
                String page = frame.decorated(title.find() ? title.group(1).strip() : "Jira", resources, headHtml,
                        body.group(1));
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                bytes = page.getBytes(StandardCharsets.UTF_8);
            }
        }
        if (bytes.length > 0) {
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** Keeps what the servlet writes; headers, status and redirects go straight to the real response. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private PrintWriter writer;
        private ServletOutputStream stream;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("The decorator buffers pages; no async output");
                    }

                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            // The length changes when the page is framed; set at the end.
        }

        @Override
        public void setContentLengthLong(long length) {
        }

        @Override
        public void flushBuffer() {
            flushWriter();
        }

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }
    }
}

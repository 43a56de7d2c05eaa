package io.mcpconfig.console;

import io.mcpconfig.console.internal.AuthFilter;
import io.mcpconfig.console.internal.auth.Authenticator;
import io.mcpconfig.console.internal.auth.OidcClient;
import io.mcpconfig.console.internal.auth.Sessions;
import io.mcpconfig.console.internal.auth.TokenVerifier;
import io.mcpconfig.console.internal.web.Html;
import io.mcpconfig.console.internal.web.LoginServlet;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running console: pages, the REST API under {@code /api}, login, and the pushed save
 * confirmations, all on one HTTP port, over the control-plane library. Usage:
 *
 * <pre>{@code
 * try (AdminConsole console = AdminConsole.start(ConsoleConfig.fromSettings(Settings.fromEnvironment()))) {
 *     System.out.println("console: " + console.url());
 * }
 * }</pre>
 *
 * Thread-safe. Closing stops HTTP and the console's own Kafka and database clients.
 */
public final class AdminConsole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminConsole.class);

    private final Deque<AutoCloseable> toClose;
    private final URI url;

    private AdminConsole(Deque<AutoCloseable> toClose, URI url) {
        this.toClose = toClose;
        this.url = url;
    }

    /**
     * Connects to the database and Kafka, then listens; returns once the port is bound.
     *
     * @throws IllegalStateException if the port can't be bound
     */
    public static AdminConsole start(ConsoleConfig config) {
        Deque<AutoCloseable> toClose = new ArrayDeque<>();
        try {
            QueuedThreadPool threads = new QueuedThreadPool();
            threads.setName("console-http");
            Server jetty = new Server(threads);
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost(config.bindHost());
            connector.setPort(config.httpPort());
            jetty.addConnector(connector);
            connector.open(); // bound now, so a port of 0 is known before the login's redirect URI is made
            toClose.push(connector::close);
            URI publicUrl = config.publicUrl().getPort() == 0
                    ? URI.create(config.publicUrl().getScheme() + "://" + config.publicUrl().getHost() + ":" + connector.getLocalPort())
                    : config.publicUrl();
            Clock clock = Clock.systemUTC();
            Sessions sessions = new Sessions(clock, "https".equals(publicUrl.getScheme()));
            OidcClient oidc = config.oidcIssuer() == null ? null : new OidcClient(config.oidcIssuer(), config.oidcClientId(),
                    config.oidcClientSecret(), publicUrl.resolve("/login/callback"), config.roleClaim(), config.orgsClaim(), clock);
            TokenVerifier secretVerifier = config.jwtSecret() == null ? null
                    : TokenVerifier.withSecret(config.jwtSecret(), config.roleClaim(), config.orgsClaim());
            Authenticator authenticator = new Authenticator(() -> {
                if (secretVerifier != null) {
                    return secretVerifier;
                }
                if (oidc == null) {
                    throw new IOException("no bearer tokens are accepted: set MCPCONFIG_JWT_SECRET or MCPCONFIG_OIDC_ISSUER");
                }
                return oidc.accessTokens();
            }, sessions);
            Html html = new Html();
            ConsoleServices services = ConsoleServices.connect(config);
            toClose.push(services);
            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            // webjars (htmx, swagger-ui) and the console's own css, straight from the jars on the classpath
            context.setBaseResource(webResources(context));
            ServletHolder assets = new ServletHolder("assets", ResourceServlet.class);
            assets.setInitParameter("pathInfoOnly", "false"); // /webjars/x is META-INF/resources/webjars/x
            assets.setInitParameter("dirAllowed", "false");
            assets.setInitParameter("etags", "true");
            context.addServlet(assets, "/webjars/*");
            context.addServlet(assets, "/console/*");
            context.addFilter(new FilterHolder(new AuthFilter(authenticator)), "/*", EnumSet.of(DispatcherType.REQUEST));
            ServletHolder login = new ServletHolder(new LoginServlet(oidc, config.demoLogin(), sessions, html));
            context.addServlet(login, "/login");
            context.addServlet(login, "/login/*");
            context.addServlet(login, "/logout");
            services.mount(context, html);
            jetty.setHandler(context);
            jetty.start();
            toClose.push(jetty::stop);
            URI url = publicUrl.resolve("/");
            LOG.info("admin console listening on {} ({})", url, config);
            return new AdminConsole(toClose, url);
        } catch (Exception e) {
            closeAll(toClose);
            throw new IllegalStateException("could not start the admin console on " + config.bindHost() + ":"
                    + config.httpPort() + ": " + e.getMessage(), e);
        }
    }

    /** Every jar's META-INF/resources together (each webjar and this module bring their own). */
    private static Resource webResources(ServletContextHandler context) throws IOException {
        ResourceFactory factory = ResourceFactory.of(context);
        List<Resource> roots = new ArrayList<>();
        Enumeration<URL> urls = AdminConsole.class.getClassLoader().getResources("META-INF/resources");
        while (urls.hasMoreElements()) {
            roots.add(factory.newResource(urls.nextElement()));
        }
        return ResourceFactory.combine(roots);
    }

    /** The console's address as browsers use it, e.g. {@code http://localhost:8090/}. */
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        closeAll(toClose);
    }

    private static void closeAll(Deque<AutoCloseable> toClose) {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                LOG.warn("while stopping the console: {}", e.toString());
            }
        }
    }
}

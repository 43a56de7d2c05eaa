package io.mcpconfig.cache.internal;

import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.topics.TopicSetup;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the views topic may be read: it must exist (the cache creates nothing: it waits,
 * and says so once) and have settings that keep views ({@code TopicSetup.inspect}, the same check
 * the services make). A wrong setting or refused credentials are reported through the cache's
 * status in one line and re-checked until fixed. Used by the consumer thread only.
 */
final class ViewsTopicWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewsTopicWatch.class);

    /** What the watch reports to the cache's status. */
    interface Report {
        void waitingForTopic();

        void misconfigured(String line);

        void usable();
    }

    private final CacheConfig config;
    private final KafkaSettings kafka;
    private final Report report;
    private final Duration timeout;
    private Admin admin;
    private boolean saidMissing;
    private String lastProblem;
    private long lastCheckNanos;
    /** A problem needs a person to fix it: re-check at this pace, not at the consumer loop's. */
    private static final Duration RECHECK_PROBLEM = Duration.ofSeconds(5);

    ViewsTopicWatch(CacheConfig config, Report report, Duration timeout) {
        this.config = config;
        this.kafka = config.kafka();
        this.report = report;
        this.timeout = timeout;
    }

    /** True once the topic exists and is fit to read; the watch's admin client is then closed. */
    boolean usable() throws InterruptedException {
        String topic = config.topics().views().name();
        if (lastProblem != null && System.nanoTime() - lastCheckNanos < RECHECK_PROBLEM.toNanos()) {
            return false;
        }
        lastCheckNanos = System.nanoTime();
        TopicSetup.Inspection inspection;
        try {
            inspection = TopicSetup.inspect(admin(), config.topics().views(), kafka.commandLine("kafka-configs.sh"), timeout);
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            LOG.debug("Kafka did not answer within {} while checking {}", timeout, topic);
            return false;
        } catch (ExecutionException e) {
            return failed(topic, e.getCause());
        } catch (org.apache.kafka.common.KafkaException e) {
            return failed(topic, e);
        }
        if (!inspection.exists()) {
            if (!saidMissing) {
                LOG.warn("topic {} does not exist yet: waiting for the materializer or the publisher to create it"
                        + " (the cache creates no topic); serving what is held", topic);
                saidMissing = true;
            }
            report.waitingForTopic();
            return false;
        }
        if (inspection.problem().isPresent()) {
            problem("topic " + topic + ": " + inspection.problem().get());
            return false;
        }
        if (!inspection.verified()) {
            LOG.warn("can't verify the settings of {} (not allowed to describe its configs); reading it anyway", topic);
        }
        if (lastProblem != null || saidMissing) {
            LOG.info("topic {} is there and as designed: reading it", topic);
        }
        lastProblem = null;
        report.usable();
        close();
        return true;
    }

    /** Refused credentials or rights are a setting to fix (reported); anything else is retried. */
    private boolean failed(String topic, Throwable cause) {
        if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
            problem(TopicSetup.clientProblem(kafka, cause).getMessage());
        } else {
            LOG.warn("checking {} failed ({}); retrying", topic, cause.toString());
        }
        return false;
    }

    private void problem(String line) {
        if (!line.equals(lastProblem)) {
            LOG.error("{}; not reading it, re-checking until fixed", line);
            lastProblem = line;
        }
        report.misconfigured(line);
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> props = kafka.common();
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mcpconfig-cache-check-" + config.topics().prefix());
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            admin = Admin.create(props);
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }
}

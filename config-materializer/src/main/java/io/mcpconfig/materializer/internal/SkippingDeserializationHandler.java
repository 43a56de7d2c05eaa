package io.mcpconfig.materializer.internal;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An undecodable record is skipped with a logged, counted reason; it never stops the app. If it was
 * a row event, its transaction then fails the completeness check at COMMIT and is skipped whole.
 */
public final class SkippingDeserializationHandler implements DeserializationExceptionHandler {
    /** Streams config key under which the instance's {@link MaterializerMetrics} object is passed. */
    public static final String METRICS_CONFIG = "mcpconfig.materializer.metrics";
    private static final Logger LOG = LoggerFactory.getLogger(SkippingDeserializationHandler.class);

    private MaterializerMetrics metrics;

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (metrics != null) {
            metrics.recordsSkipped.increment();
        }
        LOG.warn("skipped undecodable record {}-{}@{}: {}", context.topic(), context.partition(), context.offset(),
                exception.getMessage());
        return Response.resume();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object m = configs.get(METRICS_CONFIG);
        if (m instanceof MaterializerMetrics mm) {
            metrics = mm;
        }
    }
}

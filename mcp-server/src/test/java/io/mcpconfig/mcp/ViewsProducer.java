package io.mcpconfig.mcp;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import io.mcpconfig.schemas.merge.ContentHash;
import io.mcpconfig.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes OrgView records to a real views topic, standing in for the materializer in tests of the
 * MCP layer over the real client-cache.
 */
final class ViewsProducer implements AutoCloseable {
    private final Topics topics;
    private final KafkaProducer<String, OrgView> producer;

    ViewsProducer(String bootstrap, Topics topics) {
        this.topics = topics;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 0, // tests wait on each view; don't batch
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), topics.views().valueSerde().serializer());
    }

    void send(String org, long revision, List<ViewPrompt> prompts, List<ViewResource> resources) throws Exception {
        OrgView view = OrgView.newBuilder().setOrgId(org).setActive(true).setRevision(revision)
                .setUpdatedAt(Instant.now()).setPrompts(prompts).setResources(resources).build();
        producer.send(new ProducerRecord<>(topics.views().name(), org, view)).get(10, TimeUnit.SECONDS);
    }

    static ViewPrompt prompt(String name, String template, String requiredArgument) {
        ViewPrompt p = ViewPrompt.newBuilder().setName(name).setTitle(null).setDescription(name + " prompt")
                .setTemplate(template)
                .setArguments(List.of(PromptArgument.newBuilder().setName(requiredArgument).setDescription(null).setRequired(true).build()))
                .setDefaultVersion(1L).setOverrideVersion(null).setContentHash("").build();
        p.setContentHash(ContentHash.of(p));
        return p;
    }

    static ViewResource resource(String uri, String text) {
        ViewResource r = ViewResource.newBuilder().setUri(uri).setName(uri).setTitle(null).setDescription(null)
                .setMimeType("text/plain").setText(text).setBlob(null).setDefaultVersion(1L).setOverrideVersion(null)
                .setContentHash("").build();
        r.setContentHash(ContentHash.of(r));
        return r;
    }

    @Override
    public void close() {
        producer.close();
    }
}

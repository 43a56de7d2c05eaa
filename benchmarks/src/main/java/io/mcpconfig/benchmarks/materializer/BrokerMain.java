package io.mcpconfig.benchmarks.materializer;

import io.mcpconfig.testkit.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A testkit broker in its own JVM, so a profile of the materializer (or of the pipeline) is not
 * mixed with the broker's own work. Writes its bootstrap address to the file given as the only
 * argument and runs until killed.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.mcpconfig.benchmarks.materializer.BrokerMain /tmp/bootstrap</pre>
 */
public final class BrokerMain {
    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        KafkaBroker broker = KafkaBroker.start();
        Path out = Path.of(args.length > 0 ? args[0] : "bootstrap.txt");
        Files.writeString(out, broker.bootstrapServers());
        System.out.println("broker on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}

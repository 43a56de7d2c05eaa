package io.mcpconfig.materializer;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** A deterministic mix of transactions over many orgs and the defaults, in commit (LSN) order. */
final class Workload {
    private static final List<String> PROMPTS = List.of("greet", "bye", "help", "summarize");
    private static final List<String> RESOURCES = List.of("file:///a", "file:///b", "file:///c");

    private Workload() {}

    static List<Tx> generate(long seed, int orgs, int changes) {
        Random rnd = new Random(seed);
        List<Tx> txs = new ArrayList<>();
        long lsn = 100;
        Tx defaults = Tx.defaults(lsn++);
        PROMPTS.forEach(p -> defaults.prompt(p, "default " + p));
        RESOURCES.forEach(r -> defaults.resource(r, "default " + r));
        txs.add(defaults);
        TreeSet<String> live = new TreeSet<>();
        for (int i = 0; i < orgs; i++) {
            String org = String.format("org-%04d", i);
            Tx t = Tx.of(org, lsn++).org(true);
            if (rnd.nextBoolean()) {
                t.prompt(pick(rnd, PROMPTS), "own " + org);
            }
            txs.add(t);
            live.add(org);
        }
        for (int i = 0; i < changes; i++) {
            int kind = rnd.nextInt(10);
            long l = lsn++;
            if (kind == 0 || live.isEmpty()) {
                Tx t = Tx.defaults(l);
                String p = pick(rnd, PROMPTS);
                txs.add(t.prompt(ChangeOp.UPDATE, t.prompt(p).setTemplate("default " + p + " v" + l).setActive(true).build()));
                continue;
            }
            String org = pick(rnd, new ArrayList<>(live));
            Tx t = Tx.of(org, l);
            switch (kind) {
                case 1, 2, 3 -> t.prompt(pick(rnd, PROMPTS), "own " + org + " v" + l);
                case 4 -> t.resource(pick(rnd, RESOURCES), "own " + org + " v" + l);
                case 5 -> t.deletePrompt(pick(rnd, PROMPTS)); // deleting an absent override: a no-op row event
                case 6 -> t.org(ChangeOp.UPDATE, rnd.nextBoolean());
                case 7 -> t.prompt(ChangeOp.INSERT, t.prompt("orphan-" + rnd.nextInt(3)).setTitle("no template").build());
                case 8 -> t.prompt(ChangeOp.UPDATE, t.prompt(pick(rnd, PROMPTS)).setActive(false).build())
                        .resource(ChangeOp.UPDATE, t.resource(pick(rnd, RESOURCES)).setTitle("t" + l).build());
                default -> {
                    t.deleteOrg();
                    live.remove(org);
                }
            }
            txs.add(t);
        }
        return txs;
    }

    static List<ChangeEvent> events(List<Tx> txs) {
        List<ChangeEvent> all = new ArrayList<>();
        txs.forEach(t -> all.addAll(t.events()));
        return all;
    }

    static Model model(List<Tx> txs) {
        Model m = new Model();
        txs.forEach(t -> m.apply(t.events()));
        return m;
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}

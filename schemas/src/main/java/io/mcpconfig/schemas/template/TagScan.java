package io.mcpconfig.schemas.template;

import com.samskivert.mustache.Mustache;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a compiled template refers to, and where. jmustache's visitor gives names but no lines, so
 * the line of a name is found in the source: the first tag that spells it.
 */
final class TagScan {
    private TagScan() {}

    /** Collects top-level names of variables and sections, and names of partials. */
    static final class Names implements Mustache.Visitor {
        private final Set<String> variables;
        private final Set<String> partials;

        Names(Set<String> variables, Set<String> partials) {
            this.variables = variables;
            this.partials = partials;
        }

        @Override public void visitText(String text) {}

        @Override public void visitVariable(String name) {
            variables.add(topLevel(name));
        }

        @Override public boolean visitInclude(String name) {
            partials.add(name);
            return false;
        }

        @Override public boolean visitSection(String name) {
            variables.add(topLevel(name));
            return true;
        }

        @Override public boolean visitInvertedSection(String name) {
            variables.add(topLevel(name));
            return true;
        }
    }

    static Set<String> partials(CompiledTemplate compiled) {
        Set<String> partials = new LinkedHashSet<>();
        // Re-walking is cheap and keeps CompiledTemplate free of a field only validation needs.
        compiled.visit(new Names(new LinkedHashSet<>(), partials));
        return partials;
    }

    /** The 1-based line of the first tag naming {@code name} (with the given sigil, or any), 0 if none. */
    static int lineOf(String source, String name, String sigil) {
        String sigils = sigil != null ? Pattern.quote(sigil) : "[#^/&{]?";
        Matcher m = Pattern.compile("\\{\\{\\{?\\s*" + sigils + "\\s*" + Pattern.quote(name) + "(?:\\.[^}\\s]*)?\\s*\\}?\\}\\}")
                .matcher(source);
        if (!m.find()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** {@code a} for {@code a.b}: arguments are flat strings, so only the first segment is an argument. */
    private static String topLevel(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

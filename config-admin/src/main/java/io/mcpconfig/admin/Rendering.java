package io.mcpconfig.admin;

import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.template.MissingArgumentException;
import io.mcpconfig.schemas.template.PromptTemplates;
import io.mcpconfig.schemas.template.TemplateSyntaxException;
import java.util.List;
import java.util.Map;

/** render: the merge rule over the org's rows (as the materializer builds its view), then the one renderer. */
final class Rendering {
    private Rendering() {}

    static RenderedPrompt render(Database db, String org, String prompt, Map<String, String> arguments) {
        Scope scope = org == null ? Scope.DEFAULTS : Scope.org(org);
        return db.read(c -> {
            OrgView view = Validation.view(c, scope, Kind.PROMPT, prompt, false);
            ViewPrompt p = view.getPrompts().stream().filter(x -> x.getName().equals(prompt)).findFirst()
                    .orElseThrow(() -> new NotFoundException(scope + " is not served prompt '" + prompt + "': "
                            + whyNot(view, prompt)));
            try {
                Map<String, String> values = PromptTemplates.arguments(Fields.templateArguments(p.getArguments()), arguments);
                String chat = ChatMessages.render(p, values);
                return new RenderedPrompt(org, prompt, p.getDescription(),
                        chat != null ? chat : PromptTemplates.compile(p.getTemplate()).render(values));
            } catch (MissingArgumentException e) {
                throw new ValidationException(List.of(new Problem(scope, Kind.PROMPT, prompt, "arguments", 0,
                        e.getMessage() + " (pass it with --arg " + e.argument() + "=VALUE)")));
            } catch (TemplateSyntaxException e) {
                throw new ValidationException(List.of(new Problem(scope, Kind.PROMPT, prompt, "template", e.line(), e.getMessage())));
            }
        });
    }

    private static String whyNot(OrgView view, String prompt) {
        if (!view.getActive()) {
            return "the organization is inactive";
        }
        return view.getOmitted().stream().filter(o -> o.getKey().equals(prompt)).map(OmittedItem::getReason)
                .findFirst().orElse("it does not exist or is inactive");
    }
}

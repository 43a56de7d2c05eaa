package io.mcpconfig.admin;

/** What the operation names does not exist (an org, an item, a version). */
public final class NotFoundException extends AdminException {
    public NotFoundException(String message) {
        super(message);
    }
}

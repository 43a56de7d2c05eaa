package io.mcpconfig.schemas.serde;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ClientReceipt;
import io.mcpconfig.schemas.avro.OrgView;

/** The serdes of our topic values. Each is thread-safe and may be shared. */
public final class AvroSerdes {
    private static final AvroSerde<ChangeEvent> CHANGE_EVENT =
            new AvroSerde<>(ChangeEvent.getClassSchema(), ReleasedSchemas.of("ChangeEvent"));
    private static final AvroSerde<OrgView> ORG_VIEW =
            new AvroSerde<>(OrgView.getClassSchema(), ReleasedSchemas.of("OrgView"));
    private static final AvroSerde<ClientReceipt> CLIENT_RECEIPT =
            new AvroSerde<>(ClientReceipt.getClassSchema(), ReleasedSchemas.of("ClientReceipt"));

    private AvroSerdes() {}

    public static AvroSerde<ChangeEvent> changeEvent() {
        return CHANGE_EVENT;
    }

    public static AvroSerde<OrgView> orgView() {
        return ORG_VIEW;
    }

    public static AvroSerde<ClientReceipt> clientReceipt() {
        return CLIENT_RECEIPT;
    }
}

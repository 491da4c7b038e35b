package io.skylift.spi;

/** The documents a provider takes, each described by a JSON Schema it publishes. */
public enum SchemaType {
    /** How to reach and authenticate to one cloud account: an endpoint's connection info. */
    CONNECTION("connection"),
    /** Options when the provider is the source of a migration. */
    SOURCE("source"),
    /** Options when the provider is the destination of a migration. */
    DESTINATION("destination");

    private final String id;

    SchemaType(String id) {
        this.id = id;
    }

    /** The lower-case name used on the command line and in the REST API. */
    public String id() {
        return id;
    }

    public static SchemaType fromId(String id) {
        for (SchemaType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new SkyliftException(ErrorCode.INVALID_INPUT,
                "unknown schema type '" + id + "': expected connection, source or destination");
    }
}

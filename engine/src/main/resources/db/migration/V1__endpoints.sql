-- Written for both H2 (the embedded default) and PostgreSQL: only types and syntax both accept.
CREATE TABLE endpoint (
    id          UUID                     NOT NULL,
    name        VARCHAR(64)              NOT NULL,
    provider    VARCHAR(64)              NOT NULL,
    description VARCHAR(1024)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Which secret key sealed the connection, so a replaced key file is told apart from tampering.
    key_id      VARCHAR(16)              NOT NULL,
    -- AES-256-GCM: format version, nonce, ciphertext and tag of the connection values as JSON.
    connection  BYTEA                    NOT NULL,
    CONSTRAINT endpoint_pk PRIMARY KEY (id),
    CONSTRAINT endpoint_name_unique UNIQUE (name)
);

package io.skylift.engine.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skylift.spi.ErrorCode;
import io.skylift.spi.SkyliftException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Inputs, outputs and checkpoints are JSON objects in VARCHAR columns. */
final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private JsonColumns() {
    }

    static String write(Map<String, Object> value) {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new SkyliftException(ErrorCode.INVALID_INPUT, "cannot journal a value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Read-only: a handler cannot change what the journal holds by mutating what it was given. */
    static Map<String, Object> read(String json) {
        try {
            return Collections.unmodifiableMap(MAPPER.readValue(json, MAP));
        }
        catch (JsonProcessingException e) {
            throw new SkyliftException(ErrorCode.INTERNAL, "the journal holds invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}

package io.prism.worker.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.prism.ActorId;
import io.prism.ClusterState;

/**
 * A cluster state as JSON: the api's records as they are, field for field, except that an actor id is its string
 * (scripts compare ids, and {@code {"value": "..."}} would make them dig for it).
 */
final class StatusJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .registerModule(new SimpleModule("prism-ids").addSerializer(ActorId.class, ToStringSerializer.instance))
        .enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {
    }

    static String of(ClusterState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cluster state could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}

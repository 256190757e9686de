package io.ticketflow.local.stepfunctions.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.TypeRef;
import com.jayway.jsonpath.spi.json.AbstractJsonProvider;
import com.jayway.jsonpath.spi.mapper.MappingProvider;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lets Jayway JsonPath walk Jackson 3 trees directly. JsonPath ships a provider for Jackson 2 only; this one
 * follows the same contract: containers stay trees, scalars are handed to JsonPath unwrapped (so that filter
 * predicates compare numbers and strings), and written values are wrapped back.
 */
public final class JacksonTreeProvider extends AbstractJsonProvider {

    /** JsonPath configuration for reading Jackson 3 trees; missing paths raise {@code PathNotFoundException}. */
    public static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonTreeProvider())
            .mappingProvider(new TreeMappingProvider())
            .build();

    @Override
    public Object parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidJsonException(e);
        }
    }

    @Override
    public Object parse(InputStream in, String charset) {
        try {
            return Json.MAPPER.readTree(new String(in.readAllBytes(), Charset.forName(charset)));
        } catch (IOException | JacksonException e) {
            throw new InvalidJsonException(e);
        }
    }

    @Override
    public String toJson(Object obj) {
        return Json.write(Json.toNode(obj));
    }

    @Override
    public Object createArray() {
        return Json.array();
    }

    @Override
    public Object createMap() {
        return Json.object();
    }

    @Override
    public boolean isArray(Object obj) {
        return obj instanceof ArrayNode || obj instanceof List;
    }

    @Override
    public boolean isMap(Object obj) {
        return obj instanceof ObjectNode;
    }

    @Override
    public int length(Object obj) {
        if (obj instanceof JsonNode node && node.isContainer()) {
            return node.size();
        }
        if (obj instanceof String s) {
            return s.length();
        }
        return super.length(obj);
    }

    @Override
    public Iterable<?> toIterable(Object obj) {
        if (obj instanceof ArrayNode array) {
            List<Object> values = new ArrayList<>(array.size());
            array.forEach(element -> values.add(unwrap(element)));
            return values;
        }
        return super.toIterable(obj);
    }

    @Override
    public Collection<String> getPropertyKeys(Object obj) {
        if (obj instanceof ObjectNode object) {
            return new ArrayList<>(object.propertyNames());
        }
        return super.getPropertyKeys(obj);
    }

    @Override
    public Object getArrayIndex(Object obj, int idx) {
        if (obj instanceof ArrayNode array) {
            return unwrap(array.get(idx));
        }
        return super.getArrayIndex(obj, idx);
    }

    @Override
    public void setArrayIndex(Object array, int index, Object newValue) {
        if (array instanceof ArrayNode node) {
            if (index == node.size()) {
                node.add(Json.toNode(newValue));
            } else {
                node.set(index, Json.toNode(newValue));
            }
            return;
        }
        super.setArrayIndex(array, index, newValue);
    }

    @Override
    public Object getMapValue(Object obj, String key) {
        if (obj instanceof ObjectNode object) {
            return object.has(key) ? unwrap(object.get(key)) : UNDEFINED;
        }
        return super.getMapValue(obj, key);
    }

    @Override
    public void setProperty(Object obj, Object key, Object value) {
        if (obj instanceof ObjectNode object) {
            object.set(String.valueOf(key), Json.toNode(value));
        } else if (obj instanceof ArrayNode array) {
            setArrayIndex(array, Integer.parseInt(String.valueOf(key)), value);
        } else {
            super.setProperty(obj, key, value);
        }
    }

    @Override
    public void removeProperty(Object obj, Object key) {
        if (obj instanceof ObjectNode object) {
            object.remove(String.valueOf(key));
        } else if (obj instanceof ArrayNode array) {
            array.remove(Integer.parseInt(String.valueOf(key)));
        } else {
            super.removeProperty(obj, key);
        }
    }

    @Override
    public Object unwrap(Object obj) {
        if (!(obj instanceof JsonNode node) || node.isContainer()) {
            return obj;
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return obj;
    }

    /** Typed reads are not used by the emulator; this keeps JsonPath off its json-smart default. */
    private static final class TreeMappingProvider implements MappingProvider {
        @Override
        public <T> T map(Object source, Class<T> targetType, Configuration configuration) {
            return Json.MAPPER.convertValue(Json.toNode(source), targetType);
        }

        @Override
        public <T> T map(Object source, TypeRef<T> targetType, Configuration configuration) {
            return Json.MAPPER.convertValue(Json.toNode(source), Json.MAPPER.constructType(targetType.getType()));
        }
    }
}

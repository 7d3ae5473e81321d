package org.bigru.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON text to and from Jackson trees with the streaming API alone. An ObjectMapper's first use loads and links
 * some four hundred classes of its data-binding machinery, a twentieth of a second of a short command such as
 * {@code bigru predict} (bench/README.md, "Cold start"); model files, their metadata and Keras configurations are
 * trees of strings, numbers and booleans, which need none of it.
 *
 * <p>Reading is strict: a name twice in one object, nesting deeper than {@value #MAX_NESTING} levels and anything
 * after the one value are refused.
 */
public final class JsonTrees {

  /** Deepest nesting read: far above any model file's or Keras configuration's, far below a stack overflow. */
  public static final int MAX_NESTING = 200;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {
  }

  /** An empty object node, to be filled and written. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** The one JSON value of {@code json}; {@link MissingNode} for blank text. */
  public static JsonNode read(String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readWhole(parser);
    }
  }

  /** The one JSON value of {@code json} (UTF-8); {@link MissingNode} for blank text. */
  public static JsonNode read(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return readWhole(parser);
    }
  }

  /** A strict parser of {@code json}, for readers that walk its top level themselves. */
  public static JsonParser parser(String json) throws IOException {
    return FACTORY.createParser(json);
  }

  /** The value starting at the parser's current token, which is left at the value's last token. */
  public static JsonNode readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new JsonParseException(parser, "no JSON value");
    }
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, readValue(parser));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return integer(parser);
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(parser, "unexpected " + token);
    }
  }

  /** A JSON array of strings as an unmodifiable list; any other value, or an element not a string, is refused. */
  public static List<String> readStrings(String json) throws IOException {
    JsonNode node = read(json);
    if (!node.isArray()) {
      throw new IOException("expected a JSON array of strings, found a " + node.getNodeType());
    }
    List<String> strings = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw new IOException("expected a JSON array of strings, found a " + element.getNodeType() + " in it");
      }
      strings.add(element.textValue());
    }
    return List.copyOf(strings);
  }

  /** Compact JSON text of an array of strings. */
  public static String writeStrings(List<String> strings) {
    ArrayNode array = NODES.arrayNode(strings.size());
    strings.forEach(array::add);
    return write(array);
  }

  /** Compact JSON text of {@code node}. */
  public static String write(JsonNode node) {
    return write(node, false);
  }

  /** Compact JSON text of {@code node} as UTF-8. */
  public static byte[] writeBytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }

  /** JSON text of {@code node} indented for people (two spaces a level, as Jackson's default printer). */
  public static String writeIndented(JsonNode node) {
    return write(node, true);
  }

  private static String write(JsonNode node, boolean indented) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      if (indented) {
        generator.setPrettyPrinter(new DefaultPrettyPrinter());
      }
      writeValue(generator, node);
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory cannot fail", e);
    }
    return out.toString();
  }

  private static JsonNode readWhole(JsonParser parser) throws IOException {
    if (parser.nextToken() == null) {
      return MissingNode.getInstance();
    }
    JsonNode value = readValue(parser);
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw new JsonParseException(parser, "unexpected " + after + " after the JSON value");
    }
    return value;
  }

  private static JsonNode integer(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return NODES.numberNode(parser.getIntValue());
      case LONG:
        return NODES.numberNode(parser.getLongValue());
      default:
        return NODES.numberNode(parser.getBigIntegerValue());
    }
  }

  private static void writeValue(JsonGenerator generator, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          generator.writeFieldName(field.getKey());
          writeValue(generator, field.getValue());
        }
        generator.writeEndObject();
        return;
      case ARRAY:
        generator.writeStartArray();
        for (JsonNode element : node) {
          writeValue(generator, element);
        }
        generator.writeEndArray();
        return;
      case STRING:
        generator.writeString(node.textValue());
        return;
      case NUMBER:
        writeNumber(generator, node);
        return;
      case BOOLEAN:
        generator.writeBoolean(node.booleanValue());
        return;
      case NULL:
        generator.writeNull();
        return;
      default:
        throw new IllegalArgumentException("a " + node.getNodeType() + " node has no JSON text");
    }
  }

  private static void writeNumber(JsonGenerator generator, JsonNode node) throws IOException {
    switch (node.numberType()) {
      case INT:
        generator.writeNumber(node.intValue());
        return;
      case LONG:
        generator.writeNumber(node.longValue());
        return;
      case BIG_INTEGER:
        generator.writeNumber(node.bigIntegerValue());
        return;
      case FLOAT:
        generator.writeNumber(node.floatValue());
        return;
      case DOUBLE:
        generator.writeNumber(node.doubleValue());
        return;
      default:
        generator.writeNumber(node.decimalValue());
    }
  }
}

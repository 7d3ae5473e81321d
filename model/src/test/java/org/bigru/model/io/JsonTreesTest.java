package org.bigru.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming reader and writer agree with Jackson's ObjectMapper, which wrote and read bigru's files before. */
class JsonTreesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MIXED = "{\"name\":\"GRU \\\"reverse\\\" \\u00e9\\u4e2d\\n\",\"int\":-7,"
      + "\"long\":12345678901,\"big\":123456789012345678901234567890,\"double\":0.1,\"tiny\":-1.5E-300,"
      + "\"whole\":2.0,\"flags\":[true,false,null],\"nested\":{\"empty\":{},\"none\":[],\"deep\":[[1,[2.5]]]}}";

  @Test
  void readsTheTreeObjectMapperReads() throws IOException {
    JsonNode ours = JsonTrees.read(MIXED);
    assertEquals(MAPPER.readTree(MIXED), ours);
    assertEquals(MAPPER.readTree(MIXED), JsonTrees.read(MIXED.getBytes(StandardCharsets.UTF_8)));
    // node types too: an int is not a long, a long not a big integer
    assertTrue(ours.get("int").isInt());
    assertTrue(ours.get("long").isLong());
    assertTrue(ours.get("big").isBigInteger());
    assertTrue(ours.get("double").isDouble());
  }

  @Test
  void writesTheTextObjectMapperWrites() throws IOException {
    JsonNode tree = MAPPER.readTree(MIXED);
    assertEquals(MAPPER.writeValueAsString(tree), JsonTrees.write(tree));
    assertEquals(MAPPER.writeValueAsString(tree), new String(JsonTrees.writeBytes(tree), StandardCharsets.UTF_8));
    assertEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree), JsonTrees.writeIndented(tree));
  }

  @Test
  void writesNodesBuiltInCodeAsObjectMapperDoes() throws IOException {
    ObjectNode root = JsonTrees.object();
    root.put("float", 0.1f).put("double", 1e-7).put("long", Long.MIN_VALUE).put("big", BigInteger.TEN.pow(30));
    root.putArray("names").add("a").add("b");
    String text = JsonTrees.write(root);
    assertEquals(MAPPER.writeValueAsString(root), text);
    // read back, a float is a double: the same text again
    assertEquals(text, JsonTrees.write(JsonTrees.read(text)));
  }

  @Test
  void refusesANameTwiceAtAnyDepth() {
    assertThrows(JsonProcessingException.class, () -> JsonTrees.read("{\"a\":1,\"a\":2}"));
    assertThrows(JsonProcessingException.class, () -> JsonTrees.read("{\"a\":{\"b\":1,\"b\":1}}"));
  }

  @Test
  void refusesAnythingAfterTheValue() {
    JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JsonTrees.read("{} {}"));
    assertTrue(e.getOriginalMessage().contains("after the JSON value"), e.getOriginalMessage());
    assertThrows(JsonProcessingException.class, () -> JsonTrees.read("[1]]"));
  }

  @Test
  void refusesNestingDeeperThanTheLimit() throws IOException {
    String limit = "[".repeat(JsonTrees.MAX_NESTING) + "]".repeat(JsonTrees.MAX_NESTING);
    assertEquals(JsonTrees.MAX_NESTING, depth(JsonTrees.read(limit)));
    String deeper = "[" + limit + "]";
    assertThrows(JsonProcessingException.class, () -> JsonTrees.read(deeper));
    // far deeper than any stack: refused at the limit, not by a StackOverflowError
    assertThrows(JsonProcessingException.class, () -> JsonTrees.read("[".repeat(1_000_000)));
  }

  @Test
  void blankTextIsTheMissingNode() throws IOException {
    assertTrue(JsonTrees.read("  ").isMissingNode());
  }

  @Test
  void stringArraysRoundTripAndAnythingElseIsRefused() throws IOException {
    List<String> names = List.of("temp_max", "wind \"gust\"", "");
    assertEquals(names, JsonTrees.readStrings(JsonTrees.writeStrings(names)));
    assertEquals("[\"a\",\"b\"]", JsonTrees.writeStrings(List.of("a", "b")));
    assertThrows(IOException.class, () -> JsonTrees.readStrings("{\"a\":1}"));
    assertThrows(IOException.class, () -> JsonTrees.readStrings("[\"a\",1]"));
    assertThrows(IOException.class, () -> JsonTrees.readStrings("[\"a\",null]"));
  }

  private static int depth(JsonNode node) {
    int depth = 0;
    while (node.isArray()) {
      depth++;
      node = node.size() == 0 ? JsonTrees.object() : node.get(0);
    }
    return depth;
  }
}

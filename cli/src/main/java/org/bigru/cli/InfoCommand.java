package org.bigru.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bigru.kernels.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Java version, kernel provider, vector width and threads. */
@Command(name = "info", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Show the Java version, kernel provider, vector width and threads.")
final class InfoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() {
    Kernels kernels = Kernels.get();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("java_version", System.getProperty("java.version"));
    info.put("java_vendor", System.getProperty("java.vendor"));
    info.put("java_home", System.getProperty("java.home"));
    info.put("kernels", kernels.name());
    info.put("vector_bits", kernels.vectorBits());
    info.put("fma", kernels.usesFma());
    info.put("threads", org.bigru.model.Network.defaultThreads());
    info.put("available_processors", Runtime.getRuntime().availableProcessors());
    info.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    if (json) {
      spec.commandLine().getOut().println(Json.write(info));
    } else {
      info.forEach((key, value) -> spec.commandLine().getOut().printf("%-21s %s%n", key, value));
    }
    return ExitCodes.OK;
  }
}

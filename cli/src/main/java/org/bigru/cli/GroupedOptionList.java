package org.bigru.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options part of --help under one heading per named mixin ("Data:", "Network:", ...), in declaration
 * order, then the command's own options. A command whose mixins have no names keeps picocli's plain list.
 */
final class GroupedOptionList implements IHelpSectionRenderer {

  @Override
  public String render(Help help) {
    CommandSpec spec = help.commandSpec();
    StringBuilder sb = new StringBuilder();
    Set<OptionSpec> shown = new LinkedHashSet<>();
    for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
      String name = mixin.getKey();
      if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
        continue;
      }
      List<OptionSpec> options = new ArrayList<>(mixin.getValue().options());
      options.removeIf(option -> option.hidden() || !shown.add(option));
      if (!options.isEmpty()) {
        sb.append(String.format("%n%s:%n", name)).append(list(help, options));
      }
    }
    if (shown.isEmpty()) {
      return help.optionList();
    }
    List<OptionSpec> rest = new ArrayList<>(spec.options());
    rest.removeIf(option -> option.hidden() || shown.contains(option));
    if (!rest.isEmpty()) {
      sb.append(String.format("%nOther:%n")).append(list(help, rest));
    }
    return sb.toString();
  }

  private static String list(Help help, List<OptionSpec> options) {
    return help.optionListExcludingGroups(options, help.createDefaultLayout(), null,
        help.createDefaultParamLabelRenderer());
  }
}

import RiskMLCore

/// Loads the configuration file for a run, validated against a schema that knows every
/// subcommand's configurable options.
enum ConfigLoader {
  /// The schema: the `models` section plus one section per subcommand whose keys are the
  /// options that take a value (`--return-type` is `return_type`). Choices are checked
  /// when the file is loaded; other values when the option is read, with the file's line.
  static var schema: ConfigSchema {
    let sections = RiskMLCommand.subcommands.map { command in
      ConfigSchema.section(
        command.spec.name,
        keys: command.spec.options
          .filter(\.isConfigurable)
          .map { ConfigKey(option: $0.long, $0.choices.map(ConfigType.choice) ?? .string) })
    }
    return ConfigSchema.riskml(sections)
  }

  /// The file `--config`, `./config.yaml` or nothing (`--no-config`) selects.
  static func load(_ arguments: ParsedArguments) throws -> Configuration {
    if arguments.values["config"] != nil && arguments.isSet("no-config") {
      throw UsageError("--config and --no-config contradict each other: give one")
    }
    let selection = ConfigSelection(
      configPath: arguments.values["config"], isDisabled: arguments.isSet("no-config"))
    return try Configuration.load(selection, schema: schema)
  }
}

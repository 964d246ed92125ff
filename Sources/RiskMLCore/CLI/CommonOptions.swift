/// Options every subcommand accepts: input, output, errors, reporting, configuration.
public enum CommonOptions {
  public static let input: [OptionSpec] = [
    OptionSpec(
      "from", value: "FORMAT", choices: ["csv", "jsonl"], configurable: false,
      help: "Input format (default: from the file extension, CSV for stdin)."),
    OptionSpec(
      "delimiter", short: "d", value: "CHAR",
      help: "CSV field delimiter: one character, or 'tab'."),
    OptionSpec("no-header", help: "CSV input has no header row; columns are column1, column2, ..."),
  ]

  public static let output: [OptionSpec] = [
    OptionSpec(
      "output", short: "o", value: "FILE", configurable: false,
      help: "Write to FILE atomically instead of stdout ('-' is stdout)."),
    OptionSpec(
      "to", value: "FORMAT", choices: ["jsonl", "csv"],
      help: "Output format (default: from the -o extension, else JSONL)."),
  ]

  public static let errors: [OptionSpec] = [
    OptionSpec(
      "on-error", value: "POLICY", choices: ["fail", "skip"], default: "fail",
      help: "On a bad row: stop (fail) or leave it out and exit 3 (skip)."),
    OptionSpec(
      "rejects", value: "FILE", configurable: false,
      help: "With --on-error skip, write each rejected row and its reason here (JSONL)."),
  ]

  public static let reporting: [OptionSpec] = [
    OptionSpec(
      "summary", value: "FILE", configurable: false,
      help: "Write a JSON summary of the run (counts, settings, timings)."),
    OptionSpec(
      "metrics", value: "FILE", configurable: false,
      help: "Write Prometheus textfile metrics for the run, atomically."),
    OptionSpec(
      "lock", value: "FILE", configurable: false,
      help: "Hold an exclusive lock on FILE; exit 75 if another run holds it."),
    OptionSpec(
      "threads", short: "j", value: "N",
      help: "Threads for parallel work (default: the number of cores)."),
  ]

  public static let configuration: [OptionSpec] = [
    OptionSpec(
      "config", value: "FILE", configurable: false,
      help: "Read defaults from FILE (default: ./config.yaml if present)."),
    OptionSpec("no-config", help: "Ignore config files."),
    OptionSpec("verbose", short: "v", help: "Explain what the run does on stderr."),
    OptionSpec("quiet", short: "q", help: "Print only errors."),
    OptionSpec("help", short: "h", help: "Show this help."),
  ]

  public static let all = input + output + errors + reporting + configuration
}

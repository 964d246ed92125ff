extension Configuration: SettingsFile {
  /// The scalar text of `section.key` and its line, for the command-line option tables.
  public func value(section: String, key: String) -> (text: String, origin: SettingSource)? {
    guard let found = node([section, key]), let text = found.value.scalar else { return nil }
    return (text, found.source)
  }
}

namespace PortalsProvider.Bench;

/// <summary>A plugin build under test: a label for the table and the executable.</summary>
internal sealed record PluginBinary(string Label, string Path);

"""The core every stage builds on: settings, database, raw store, text, registry, sender."""

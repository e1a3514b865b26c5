"""Command-line subcommand groups; each module registers its parser and handlers."""

"""CLI commands, one module each. Every module registers its command(s) on ``sitreps.cli.app`` on import."""

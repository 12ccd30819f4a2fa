"""The app: the `futurewatch` command, the one-cycle runner, health and ops notices."""

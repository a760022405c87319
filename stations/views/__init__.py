"""Pages of the stations app, one module a registry."""

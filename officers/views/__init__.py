"""Pages of the officers app, one module a concept."""

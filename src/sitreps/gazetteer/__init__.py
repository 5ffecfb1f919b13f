"""gazetteer."""

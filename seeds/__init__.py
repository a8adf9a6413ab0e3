"""The bundled sample corpus: four articles and their manifest."""

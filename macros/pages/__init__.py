"""2. Pages: which pages the catalogue makes, at which addresses, rendered with the Jinja templates
in `templates/` (always escaping); also the data-driven fragments of the written pages."""

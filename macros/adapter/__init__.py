"""4. Adapter: the only code that knows MkDocs (the hook file and the mkdocs-macros module) and
the publishing command. Another site builder would replace this package alone."""

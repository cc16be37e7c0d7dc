"""1. Data: read `data/*.yml`, validate it against the one schema and return a typed `Catalog`.
Every problem becomes a Finnish `file:line:column` message. Knows nothing of pages or MkDocs."""

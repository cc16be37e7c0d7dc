"""3. Publish: the files published beside the pages (open data, HSDS, the feed, embed cards,
redirects, JSON Schemas) and the search index with its Finnish vocabulary."""

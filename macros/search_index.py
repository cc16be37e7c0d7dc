"""Build the site's search index with Pagefind after the pages are written.

Pagefind stems Finnish words (Snowball) on both the index and the query, so
"vanhemmuuden" finds "vanhemmuus", and it splits the index into chunks so a phone
downloads only the parts a query needs. Only each page's main content is indexed;
repeated listings (cards, service lists, the urgent-help box, sources) are left out so
that a query lands on a record's own page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT_SELECTOR = "article.md-content__inner"
# Pagefind itself skips elements marked data-pagefind-ignore (facet pages use that).
LEFT_OUT = (".headerlink", ".pk-services", ".pk-cards", ".pk-facets", ".pk-urgent", ".pk-record-meta", ".pk-sources")


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language", "fi",
               "--root-selector", ROOT_SELECTOR, "--quiet"]
    for selector in LEFT_OUT:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Hakuhakemiston rakentaminen epäonnistui: {result.stderr.strip()[-500:]}")

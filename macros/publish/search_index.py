"""Build the site's search index with Pagefind, page by page while MkDocs writes the site.

Pagefind stems Finnish words (Snowball) on both the index and the query, so
"vanhemmuuden" finds "vanhemmuus", and it splits the index into chunks so a phone
downloads only the parts a query needs. Only each page's main content is indexed;
repeated listings (cards, service lists, the urgent-help box, sources) are left out so
that a query lands on a record's own page.

Pagefind runs as a service process: each page is handed to it as soon as MkDocs has
rendered it, so on a machine with two cores the index grows alongside the build instead
of after it (at national scale indexing alone takes about half a minute).
"""

from __future__ import annotations

import base64
import html
import json
import queue
import re
import subprocess
import threading
from collections import Counter
from pathlib import Path

from pagefind.service import get_executable

from macros.data.records import SynonymGroup
from macros.pages.output import PublishedFile, write_files
from macros.publish import search_lexicon
from macros.publish.finnish import words

ROOT_SELECTOR = "article.md-content__inner"
# Pagefind itself skips elements marked data-pagefind-ignore (facet pages use that).
LEFT_OUT = (".headerlink", ".pk-services", ".pk-cards", ".pk-facets", ".pk-urgent", ".pk-record-meta", ".pk-sources", ".pk-share")


class SearchIndexError(RuntimeError):
    pass


class SearchIndex:
    """One build's index: `add` each rendered page, then `write` the bundle into the site.

    Talks to `pagefind --service` (base64 JSON messages ending in a comma) directly: the
    pagefind package's own client waits 0.1 s between responses, which at 10 000 pages
    would take a quarter of an hour. Pages are sent without waiting; answers are read by a
    thread and checked when the bundle is written.
    """

    def __init__(self) -> None:
        executable = get_executable()
        if executable is None:
            raise SearchIndexError("Pagefind-ohjelmaa ei löydy: asenna riippuvuudet (requirements.txt)")
        self._process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._answers: queue.Queue[dict | None] = queue.Queue()
        threading.Thread(target=self._read, name="pagefind", daemon=True).start()
        self._sent = 0
        self._bundle: int | None = None  # the message asking for the bundle, once sent
        self.vocabulary: Counter = Counter()  # indexed word -> pages it is on
        config = {"root_selector": ROOT_SELECTOR, "exclude_selectors": list(LEFT_OUT), "force_language": "fi"}
        self._index_id = self._wait(self._send({"type": "NewIndex", "config": config}))["index_id"]

    def _send(self, payload: dict) -> int:
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode("utf-8")
        assert self._process.stdin is not None
        self._process.stdin.write(base64.b64encode(message) + b",")
        return self._sent

    def _read(self) -> None:
        assert self._process.stdout is not None
        pending = bytearray()  # one answer can be tens of megabytes (GetFiles): no re-scanning
        while chunk := self._process.stdout.read1(1 << 16):
            *ends, rest = chunk.split(b",")
            for end in ends:
                pending += end
                self._answers.put(json.loads(base64.b64decode(pending)))
                pending = bytearray()
            pending += rest
        self._answers.put(None)  # the service has stopped

    def _wait(self, message_id: int) -> dict:
        """Every answer up to `message_id`; the last one is returned, an error raised."""
        assert self._process.stdin is not None
        self._process.stdin.flush()
        while True:
            answer = self._answers.get()
            if answer is None:
                raise SearchIndexError("Hakuhakemiston rakentaminen epäonnistui: Pagefind pysähtyi")
            payload = answer.get("payload", {})
            if payload.get("type") == "Error":
                raise SearchIndexError(f"Hakuhakemiston rakentaminen epäonnistui: {payload.get('message')}")
            if answer.get("message_id") == message_id:
                return payload

    def add(self, url: str, html: str) -> None:
        """Index a page at its site URL (e.g. 'menetelmat/lp/'); returns at once."""
        part = indexed_part(html)
        self._send({"type": "AddFile", "index_id": self._index_id, "url": "/" + url, "file_contents": part, "file_path": None})
        self.vocabulary.update(set(words(_text(part))))

    def start_bundle(self) -> None:
        """Every page is added: Pagefind starts building the bundle, which `write` waits for.
        Pagefind's own WriteFiles answers before its last writes have landed, and the service exits
        at once when its input closes, which can leave a file cut short; so the files are asked for
        and written here."""
        if self._bundle is None:
            self._bundle = self._send({"type": "GetFiles", "index_id": self._index_id})
            self._process.stdin.flush()  # type: ignore[union-attr]

    def write(self, site_dir: Path, synonyms: list[SynonymGroup]) -> None:
        """The finished bundle into site_dir/pagefind, and the search vocabulary beside it
        (macros.publish.search_lexicon), made while Pagefind builds its index."""
        try:
            self.start_bundle()
            lexicon = search_lexicon.build(self.vocabulary, synonyms)
            write_files(lexicon.files, site_dir)
            answer = self._wait(self._bundle)  # type: ignore[arg-type]
        finally:
            self.close()
        bundle = [PublishedFile(f"pagefind/{file['path']}", base64.b64decode(file["content"])) for file in answer["files"]]
        index_parts = sum(1 for file in bundle if file.path.endswith(".pf_index"))
        write_files([*bundle, lexicon.index_file(index_parts)], site_dir)

    def close(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.wait()


def indexed_part(html: str) -> str:
    """The page's <article> (ROOT_SELECTOR) in an otherwise empty page, without the elements
    Pagefind leaves out: it indexes nothing else, and the rest is three quarters of a page's
    bytes (the left-out lists a quarter of the article's), which both this process and Pagefind
    would otherwise encode and parse 10 000 times. The index comes out the same."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return html
    return f'<!DOCTYPE html><html lang="fi"><body>{_without_left_out(html[start:end + len("</article>")])}</body></html>'


TAG = re.compile(r"<[^>]*>")
# The start tag of an element Pagefind leaves out: one of LEFT_OUT's classes, or data-pagefind-ignore.
LEFT_OUT_START = re.compile(
    r'<([a-z][a-z0-9]*)\b(?=[^>]*(?:\sdata-pagefind-ignore\b|\sclass="(?:[^"]*\s)?(?:%s)(?:\s[^"]*)?"))[^>]*>'
    % "|".join(re.escape(selector.removeprefix(".")) for selector in LEFT_OUT)
)
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def _text(part: str) -> str:
    """The text Pagefind indexes of a page's indexed part (left-out elements already cut): the words
    of the search vocabulary are the index's own."""
    return html.unescape(TAG.sub(" ", part))


def _without_left_out(page: str) -> str:
    """The page without the elements Pagefind leaves out, each cut at its matching end tag (our
    templates' HTML is well formed; a full parser would cost the build seconds at national scale)."""
    kept, position = [], 0
    for start in LEFT_OUT_START.finditer(page):
        if start.start() < position:
            continue  # inside an element already cut
        kept.append(page[position:start.start()])
        position = start.end() if start.group(1) in VOID else _end_of(page, start.group(1), start.end())
    kept.append(page[position:])
    return "".join(kept)


def _end_of(page: str, tag: str, after: int) -> int:
    depth = 1
    for found in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(page, after):  # re caches the pattern
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return found.end()
    return len(page)
